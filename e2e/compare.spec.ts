/**
 * "Keep this run for comparison", outside the labs: a run kept stays on every chart as faint lines
 * named "before" (in the legend, hidden by a tick, in the exported SVG), and the figures since
 * warm-up read "before → after".
 */
import { expect, test } from './fixtures';

const scenario = { version: 1, name: 'compare two runs', durationS: 12, warmupS: 2, workload: { rps: 1500, writeRatio: 0.1 } };

test('a kept run is drawn faint behind the next run on the charts, in their legends and exports, and the figures read before → after', async ({ lab, page }) => {
  await lab.goto();
  await lab.loadScenario(scenario, 'compare.json');
  await lab.setSpeed('Fastest');
  await expect(lab.button('Keep this run for comparison')).toBeDisabled();
  await lab.play();
  await expect(lab.status).toHaveText('done');
  await lab.button('Keep this run for comparison').click();

  const chart = page.locator('figure[data-chart="query-latency"]');
  const kept = chart.locator('path[data-series="before: p99"]');
  await expect(chart.getByRole('listitem').filter({ hasText: /^before: p99/ })).toBeVisible();
  await expect(kept).toHaveAttribute('d', /^M/);
  // The run that follows: 4 query instances instead of 2 (a change after the end starts a new run).
  await lab.openPart(/^Query service:/);
  await lab.setField('Instances', '4');
  await expect(lab.status).toHaveText('ready');
  // Before the new run has a window, the kept run alone is drawn.
  await expect(kept).toHaveAttribute('d', /^M/);
  await lab.play();
  await expect(lab.status).toHaveText('done');

  const p99 = page.getByRole('table', { name: 'Since warm-up' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /\(\*\.latencyMs\.p99\)/ }) });
  const text = (await p99.getByRole('cell').nth(1).textContent()) ?? '';
  const [before, after] = text.split('\u2192').map((t) => parseFloat(t.replace(/,/g, '')));
  expect(before, text).toBeGreaterThan(5 * after);

  // In the exported SVG of the chart, the kept line and its legend entry.
  await page.getByRole('combobox', { name: 'Figure' }).focus();
  await page.getByRole('combobox', { name: 'Figure' }).selectOption('Query latency');
  const [dl] = await Promise.all([page.waitForEvent('download'), lab.button('SVG').click()]);
  const svg = await (await dl.createReadStream()).toArray().then((parts) => Buffer.concat(parts).toString());
  expect(svg).toContain('data-series="before: p99"');
  expect(svg).toMatch(/>before: p99</);

  // Hidden: no faint line, and the figures are this run's alone.
  await page.getByRole('checkbox', { name: /^Show the kept run/ }).uncheck();
  await expect(kept).toHaveCount(0);
  await expect(p99.getByRole('cell').nth(1)).not.toContainText('\u2192');
  await page.getByRole('checkbox', { name: /^Show the kept run/ }).check();
  await expect(kept).toHaveCount(1);
  await lab.button('Forget the kept run').click();
  await expect(kept).toHaveCount(0);
  expect(lab.consoleErrors).toEqual([]);
});
