/**
 * The study panel as the study specs (study.spec.ts, studyShare.spec.ts) use it, and the scenario
 * they open it on.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, type LabPage } from './fixtures';

export const SCENARIO = fileURLToPath(new URL('./scenarios/study.json', import.meta.url));

/** The study panel as a person uses it. */
export class StudyPanel {
  readonly panel: Locator;
  readonly progress: Locator;
  readonly status: Locator;
  readonly results: Locator;
  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Study', exact: true });
    this.progress = page.getByRole('status', { name: 'Study progress text' });
    this.status = page.getByRole('status', { name: 'Study status' });
    this.results = page.getByRole('region', { name: 'Study results' });
  }
  async open(): Promise<void> {
    await this.page.getByRole('toolbar', { name: 'Run controls' }).getByRole('button', { name: 'Study', exact: true }).click();
    await expect(this.panel).toBeVisible();
  }
  async kind(name: 'Replications' | 'A/B compare' | 'Sweep'): Promise<void> {
    await this.panel.getByRole('radio', { name }).check();
  }
  async replications(n: number): Promise<void> {
    await this.panel.getByRole('spinbutton', { name: 'Replications (seeds)' }).fill(String(n));
  }
  async run(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Run study' }).click();
  }
  async runToEnd(): Promise<void> {
    await this.run();
    await expect(this.status).toHaveText('done', { timeout: 0 });
  }
  /** Clicks a download button of the panel and returns the file's text. */
  async download(name: string): Promise<string> {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), this.panel.getByRole('button', { name }).click()]);
    return readFileSync(await dl.path(), 'utf8');
  }
}

export async function openOnScenario(lab: LabPage): Promise<StudyPanel> {
  await lab.goto();
  await lab.loadScenario(SCENARIO, 'study.json');
  const study = new StudyPanel(lab.page);
  await study.open();
  return study;
}
