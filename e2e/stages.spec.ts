import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { ms, tableRows } from './stagesTable';

test("where the time goes: on the hot-shard example the commands' tail waits on the hot shard's connections first, and each bar adds up to the latency the report shows", async ({ lab, page }) => {
  await page.goto('/?example=hot-shard');
  await expect(lab.status).toHaveText('ready');
  const panel = page.getByRole('region', { name: 'Where the time goes' });
  await expect(panel).toBeVisible();

  // Live, from the windows: one step shows the first second.
  await lab.button('Step 1 s').click();
  await expect(lab.simTime).toHaveAttribute('data-ms', '1000');
  await expect(panel.getByRole('table', { name: 'Commands: time per stage, in the last second (to 1 s)' })).toBeAttached();
  await expect(panel.getByRole('img', { name: /^Commands, mean: [\d.]+ ms in all: / })).toBeVisible();

  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  // At the end, the whole run (the report); the tail's bar ranks the hot shard's connection wait first.
  await expect(panel.getByRole('radio', { name: 'the run since the warm-up' })).toBeChecked();
  await expect(panel.getByRole('img', { name: /^Commands, p99 tail \([\d,]+ requests from [\d.]+ ms\): [\d.]+ ms in all: write connection wait / })).toBeVisible();

  // The table, by keyboard: it holds the same figures, and the largest tail stage is the connection wait.
  const show = panel.getByRole('button', { name: 'Show as a table' });
  await show.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Hide the table' })).toHaveAttribute('aria-expanded', 'true');
  const commands = panel.getByRole('table', { name: 'Commands: time per stage, since the warm-up' });
  await expect(commands).toBeVisible();
  const rows = await tableRows(commands);
  const byTail = [...rows].sort((a, b) => b[2] - a[2]);
  expect(byTail[0][0]).toBe('write connection wait');

  // Each bar's total is the latency the report gives: the mean, and the tail's mean.
  const group = panel.getByRole('group', { name: /^Commands/ });
  const [meanTotal, tailTotal] = (await group.locator('.stage-total').allTextContents()).map(ms);
  await page.getByRole('region', { name: /^Final report/ }).getByText('All figures').click();
  const figure = (id: string) => page.locator(`[data-figure="${id}"] dd`);
  await expect(figure('commands.clientLatencyMs.mean')).toHaveText(`${meanTotal} ms`);
  await expect(figure('commands.clientLatencyMs.tail.mean')).toHaveText(`${tailTotal} ms`);
  // And the stages in the table add up to the totals, within the rounding of what it shows.
  const sum = (k: 1 | 2) => rows.reduce((a, r) => a + r[k], 0);
  expect(Math.abs(sum(1) - meanTotal)).toBeLessThanOrEqual(0.5 + 0.005 * meanTotal);
  expect(Math.abs(sum(2) - tailTotal)).toBeLessThanOrEqual(0.5 + 0.005 * tailTotal);

  // Back to the last second, by keyboard (the radio group's arrow keys).
  await panel.getByRole('radio', { name: 'the run since the warm-up' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(panel.getByRole('radio', { name: 'the last second' })).toBeChecked();
  await expect(panel.getByRole('table', { name: /^Commands: time per stage, in the last second \(to 120 s\)$/ })).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);
});
