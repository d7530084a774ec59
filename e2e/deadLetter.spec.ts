/**
 * The dead-letter queue, as a person meets it: in the event stream's settings, turned on by
 * keyboard, set, run; its chart and its figures appear, and the series export has its columns
 * (the page's CSV is the command line's for the saved scenario).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/** Mostly writes, so the projectors have events to fail. */
const writes = {
  version: 1,
  name: 'dead letters',
  seed: 4,
  durationS: 15,
  warmupS: 2,
  workload: { rps: 300, writeRatio: 0.8, followUpReads: { ratio: 0 } },
};

const COLUMNS = ['deadLetter.deadLettered', 'deadLetter.retries', 'deadLetter.depth', 'deadLetter.retrying'];

test('the dead-letter queue, turned on in the settings by keyboard, shows its chart, its figures and its CSV columns', async ({ lab, page }) => {
  await lab.goto();
  await lab.loadScenario(writes, 'dead-letters.json');
  // The event stream's settings, by keyboard: its tab, then the queue's checkbox (labelled).
  const tab = page.getByRole('group', { name: 'Part to edit' }).getByRole('button', { name: 'Stream', exact: true });
  await tab.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Settings: Event stream' })).toBeVisible();
  const queue = page.getByLabel('Dead-letter queue (after the projectors)', { exact: true });
  await expect(queue).not.toBeChecked();
  await queue.focus();
  await page.keyboard.press('Space');
  await expect(queue).toBeChecked();
  // Ticked, the section is on with its defaults; then half the apply attempts fail, two at most per event.
  await expect(page.getByLabel('Apply failure rate', { exact: true })).toHaveValue('0.01');
  await lab.setField('Apply failure rate', '0.5');
  await expect(page.getByLabel('Apply failure rate', { exact: true })).toHaveValue('0.5');
  await lab.setField('Dead-letter after (attempts)', '2');
  await expect(page.getByLabel('Dead-letter after (attempts)', { exact: true })).toHaveValue('2');

  await lab.setSpeed('Fastest');
  await lab.play();
  // A quarter of the events (0.5 squared) go to the queue: the report's count is soon above zero.
  const dead = await lab.waitForFigure('deadLetter.deadLettered', (v) => v > 0);
  expect(dead).toBeGreaterThan(0);
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  expect(await lab.figure('deadLetter.deadLettered')).toBeGreaterThan(0);
  expect(await lab.figure('deadLetter.retries')).toBeGreaterThan(0);
  await expect(page.getByRole('img', { name: /^Dead-lettered and retried events per second: 15 s of data/ })).toBeVisible();

  // The series export: the engine's columns, then the queue's, each window with a value in them.
  const csv = await lab.download('Series (CSV)');
  const rows = csv.trimEnd().split('\n');
  expect(rows[0].split(',').slice(-COLUMNS.length)).toEqual(COLUMNS);
  expect(rows.length - 1).toBe(15);
  const deadCol = rows[0].split(',').indexOf('deadLetter.deadLettered');
  expect(rows.slice(1).reduce((n, r) => n + Number(r.split(',')[deadCol]), 0)).toBeGreaterThan(0);
  // The same as the command line writes for the scenario as saved (its changes included).
  const saved = await lab.download('Save scenario');
  const dir = mkdtempSync(join(tmpdir(), 'lab-dlq-'));
  writeFileSync(join(dir, 's.json'), saved);
  execFileSync('npx', ['tsx', 'cli/cli.ts', join(dir, 's.json'), '--series', join(dir, 's.csv')], { encoding: 'utf8' });
  expect(csv).toBe(readFileSync(join(dir, 's.csv'), 'utf8'));
  expect(lab.consoleErrors).toEqual([]);
});
