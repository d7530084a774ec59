/** The page object of the sandbox, given to every spec as the `lab` fixture. */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export class LabPage {
  readonly simTime: Locator;
  readonly status: Locator;
  readonly alert: Locator;
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    this.simTime = page.getByRole('status', { name: 'Simulated time' });
    this.status = page.getByRole('status', { name: 'Run status' });
    this.alert = page.getByRole('alert').filter({ hasText: /worker/ });
    page.on('console', (m) => m.type() === 'error' && this.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => this.consoleErrors.push(e.message));
  }

  async goto(opts: { testHooks?: boolean } = {}): Promise<void> {
    await this.page.goto(opts.testHooks ? '/?test-hooks' : '/');
    await expect(this.page.getByRole('heading', { name: 'CQRS Scaling Lab' })).toBeVisible();
    await expect(this.status).toHaveText('ready');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Clicks Play and waits until the run goes (a short run at full speed may already be done). */
  async play(): Promise<void> {
    await this.button('Play').click();
    await expect(this.status).toHaveText(/^(running|done)$/);
  }

  async pause(): Promise<void> {
    await this.button('Pause').click();
    await expect(this.status).toHaveText('paused');
  }

  async setSpeed(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Speed', exact: true }).selectOption({ label });
  }

  /** Simulated time shown in the toolbar, in seconds. */
  async simTimeS(): Promise<number> {
    return parseFloat((await this.simTime.textContent()) ?? 'NaN');
  }

  /** A figure of the current-figures panel by its name (`queries.p99`, `cacheHitRatio`), as a number. */
  async figure(name: string): Promise<number> {
    const text = (await this.page.getByRole('cell', { name, exact: true }).textContent()) ?? '';
    return parseFloat(text.replace(/,/g, ''));
  }

  /** Waits until `figure(name)` satisfies `ok` (the page updates as the run goes). */
  async waitForFigure(name: string, ok: (v: number) => boolean, timeout = 30_000): Promise<number> {
    let last = NaN;
    await expect.poll(async () => ok((last = await this.figure(name))), { timeout, message: `${name} (last seen ${last})` }).toBe(true);
    return last;
  }

  /** Waits until simulated time reaches `s` seconds. */
  async waitForSimTime(s: number, timeout = 30_000): Promise<void> {
    await expect.poll(() => this.simTimeS(), { timeout }).toBeGreaterThanOrEqual(s);
  }

  /** Loads a scenario through the page's file input (what "Load scenario…" opens). */
  async loadScenario(fileOrJson: string | object, name = 'scenario.json'): Promise<void> {
    const text = typeof fileOrJson === 'string' ? readFileSync(fileOrJson, 'utf8') : JSON.stringify(fileOrJson);
    await this.page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(this.page.getByRole('status').filter({ hasText: `Loaded ${name}.` })).toBeVisible();
  }

  /** Opens a part's settings by clicking it in the topology. */
  async openPart(name: RegExp): Promise<void> {
    await this.page.getByRole('button', { name }).click();
  }

  /** Types into a settings field and commits it with Enter. */
  async setField(label: string, value: string): Promise<void> {
    const input = this.page.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.press('Enter');
  }

  /** Clicks a download button and returns the downloaded file's text. */
  async download(buttonName: string): Promise<string> {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), this.button(buttonName).click()]);
    const path = await dl.path();
    return readFileSync(path, 'utf8');
  }
}

export const test = base.extend<{ lab: LabPage; cspViolations: string[] }>({
  lab: async ({ page }, use) => {
    await use(new LabPage(page));
  },
  // Every spec, in every frame: the built site's Content-Security-Policy is never violated.
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
      );
      page.on('console', (m) => /CSP violation|Content Security Policy/.test(m.text()) && violations.push(m.text()));
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
