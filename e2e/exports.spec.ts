/** Exports of a finished run: each downloads a file that parses, named after the scenario. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const scenario = { version: 1, name: 'export me', seed: 3, durationS: 12, warmupS: 2 };

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), body: readFileSync((await dl.path())!) };
}

test('a finished run exports its series as the CLI writes it, each figure as SVG and PNG, and the report named after the scenario', async ({ lab, page }) => {
  await lab.goto();
  await lab.loadScenario(scenario, 'export.json');
  await lab.setSpeed('Fastest');
  await lab.button('Play').click();
  await expect(lab.status).toHaveText('done');

  const report = await download(page, () => lab.button('Save report (JSON)').click());
  expect(report.name).toBe('export-me-report.json');
  expect(JSON.parse(report.body.toString()).scenario).toBe('export me');

  const csv = await download(page, () => lab.button('Series (CSV)').click());
  expect(csv.name).toBe('export-me-series.csv');
  const rows = csv.body.toString().trimEnd().split('\n');
  expect(rows.length - 1).toBe(12); // one row per 1 s window
  const dir = mkdtempSync(join(tmpdir(), 'lab-export-'));
  writeFileSync(join(dir, 's.json'), JSON.stringify(scenario));
  const cli = execFileSync('npx', ['tsx', 'simulation/cli.ts', join(dir, 's.json'), '--series', join(dir, 's.csv')], { encoding: 'utf8' });
  expect(cli.length).toBeGreaterThan(0);
  expect(csv.body.toString()).toBe(readFileSync(join(dir, 's.csv'), 'utf8'));

  const select = page.getByRole('combobox', { name: 'Figure' });
  await select.focus();
  const titles = await select.locator('option').allTextContents();
  expect(titles[0]).toBe('topology');
  expect(titles.length).toBeGreaterThan(3);
  for (const title of [titles[0], titles[1], titles.at(-1)!]) {
    await select.selectOption({ label: title });
    const svg = await download(page, () => lab.button('SVG').click());
    expect(svg.name).toMatch(/^export-me-[\w.-]+\.svg$/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, shapes: doc.querySelectorAll('path, rect, line, circle, text').length };
    }, svg.body.toString());
    expect(parsed).toMatchObject({ error: null, root: 'svg' });
    expect(parsed.shapes).toBeGreaterThan(3);

    const png = await download(page, () => lab.button('PNG').click());
    expect(png.name).toMatch(/^export-me-[\w.-]+\.png$/);
    const size = await page.evaluate(async (b64) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      return { w: bitmap.width, h: bitmap.height };
    }, png.body.toString('base64'));
    expect(size.w).toBeGreaterThan(100);
    expect(size.h).toBeGreaterThan(50);
  }
});

test('the print layout shows the report and the charts without controls', async ({ lab, page }) => {
  await lab.goto();
  await lab.loadScenario(scenario, 'export.json');
  await lab.setSpeed('Fastest');
  await lab.button('Play').click();
  await expect(lab.status).toHaveText('done');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('toolbar', { name: 'Run controls' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeHidden();
  await expect(page.getByRole('heading', { name: /^Final report: export me/ })).toBeVisible();
  await expect(page.locator('figure.chart').first()).toBeVisible();
  expect((await page.pdf()).subarray(0, 5).toString()).toBe('%PDF-');
});
