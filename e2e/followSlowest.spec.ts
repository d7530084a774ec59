import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { ms, takes } from './stagesTable';


/** The followed request's latency as its heading says it, and the same from its stages table (which must agree). */
async function latencyShown(panel: Locator, kind: 'Query' | 'Command'): Promise<number> {
  const heading = panel.getByRole('heading', { level: 3, name: new RegExp(`^${kind} [\\d,]+ \\(at [\\d.]+ s\\): [\\d.,]+ ms, answered$`) });
  await expect(heading).toBeVisible();
  const latency = ms(/: ([\d.,]+) ms, answered$/.exec((await heading.textContent()) ?? '')?.[1] ?? null);
  const show = panel.getByRole('button', { name: 'Show the stages as a table' });
  if (await show.isVisible()) await show.click();
  const table = panel.getByRole('table', { name: 'Stages of the followed request' });
  await expect(table).toBeVisible();
  // The button names what it shows.
  const controls = await panel.getByRole('button', { name: 'Hide the stages table' }).getAttribute('aria-controls');
  await expect(panel.locator(`[id="${controls}"]`).getByRole('table')).toBeVisible();
  expect(await takes(table, /^latency$/)).toEqual([latency]);
  // The waterfall's total is the latency: its attempts (and back-offs) tile it.
  const top = await takes(table, /^(attempt \d+|retry back-off)$/);
  expect(Math.abs(top.reduce((a, b) => a + b, 0) - latency)).toBeLessThanOrEqual(0.5 + 0.005 * latency);
  return latency;
}

/** The value a chart's legend shows for `series` (at the cursor, else the last second). */
async function legendValue(chart: Locator, series: string): Promise<number> {
  const item = chart.getByRole('listitem').filter({ hasText: new RegExp(`^${series} [\\d.,]+`) });
  return ms(((await item.textContent()) ?? '').slice(series.length + 1));
}

test("follow the slowest of the last second: the slowest query of 2-3 s, at least the chart's client p99 there, its waterfall adding up to its latency; the topology outlines its path until the waterfall closes", async ({ lab, page }) => {
  await page.goto('/?example=hot-shard');
  await expect(lab.status).toHaveText('ready');
  const panel = page.getByRole('region', { name: 'Follow a request' });
  await expect(panel.getByRole('button', { name: 'Follow the slowest of the last second' })).toBeEnabled();
  // Before a whole second has run there is none, and the panel says why.
  await panel.getByRole('button', { name: 'Follow the slowest of the last second' }).click();
  await expect(panel.getByRole('status')).toHaveText('No whole second has run yet: step or play the run first.');

  await lab.stepTo(3);
  await panel.getByRole('combobox', { name: 'Which' }).selectOption({ label: 'the next query' });
  // Every state the panel goes through, from here on: busy while the worker replays the run, then the waterfall.
  await panel.evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { followSeen: string[] }).followSeen = seen;
    const note = () => `${el.getAttribute('aria-busy')}|${el.querySelector('[role=status]')?.textContent}`;
    new MutationObserver(() => seen.push(note())).observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  // By keyboard.
  await panel.getByRole('button', { name: 'Follow the slowest of the last second' }).focus();
  await page.keyboard.press('Enter');
  const chosen = 'The slowest query answered from 2 s to 3 s, of all the queries answered then.';
  await expect(panel.getByRole('status')).toHaveText(chosen);
  const latency = await latencyShown(panel, 'Query');
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  const seen = await page.evaluate(() => (window as unknown as { followSeen: string[] }).followSeen);
  expect(seen).toContain(`true|${chosen} Tracing it: the run is replayed from its start up to that request…`);
  // The slowest of the second is at least its p99, as the query latency chart shows it at 3 s.
  const chart = page.locator('[data-chart]').filter({ has: page.getByText('Query latency', { exact: true }) });
  await expect(chart.getByText('t = 3 s')).toBeVisible();
  expect(latency).toBeGreaterThanOrEqual(await legendValue(chart, 'client p99'));

  // The topology: the query's parts are on its path, the command side is not.
  const part = (name: RegExp) => page.getByRole('button', { name });
  const path = "on the followed request's path";
  await expect(part(/^Clients:/)).toHaveAccessibleDescription(path);
  await expect(part(/^Query service:/)).toHaveAccessibleDescription(path);
  await expect(part(/^Read store:/)).toHaveAccessibleDescription(path);
  await expect(part(/^Command service:/)).toHaveAccessibleDescription('');
  await expect(part(/^Write store:/)).not.toHaveClass(/on-path/);
  await expect(part(/^Query service:/)).toHaveClass(/on-path/);
  expect(await seriousViolations(page)).toEqual([]);

  // A command's path goes through the write side, the stream and its projectors.
  await panel.getByRole('combobox', { name: 'Which' }).selectOption({ label: 'the next command' });
  await panel.getByRole('button', { name: 'Follow the slowest of the last second' }).click();
  await expect(panel.getByRole('status')).toHaveText('The slowest command answered from 2 s to 3 s, of all the commands answered then.');
  await latencyShown(panel, 'Command');
  for (const name of [/^Command service:/, /^Write store:/, /^Event stream:/, /^Read store:/]) await expect(part(name)).toHaveAccessibleDescription(path);
  await expect(part(/^Query service:/)).toHaveAccessibleDescription('');

  // Closing the waterfall clears the marks, by keyboard.
  await panel.getByRole('button', { name: 'Close the waterfall' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { level: 3 })).toHaveCount(0);
  await expect(page.locator('.topo-part.on-path')).toHaveCount(0);
  await expect(part(/^Write store:/)).toHaveAccessibleDescription('');
});

test("a latency chart's point follows the slowest of its second (Enter on the chart, a click, the button beside it); a second no longer kept follows the next request instead, and says so", async ({ lab, page }) => {
  await page.goto('/?example=hot-shard');
  await expect(lab.status).toHaveText('ready');
  const panel = page.getByRole('region', { name: 'Follow a request' });
  await expect(panel).toBeVisible();
  await lab.stepTo(3);
  const chart = page.locator('[data-chart]').filter({ has: page.getByText('Command latency', { exact: true }) });
  const svg = chart.getByRole('img', { name: /^Command latency:/ });

  // By keyboard: the chart, one second back, Enter.
  await svg.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(chart.getByText('t = 2 s')).toBeVisible();
  await expect(chart.getByRole('button', { name: 'Follow the slowest command of 1–2 s' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toHaveText('The slowest command answered from 1 s to 2 s, of all the commands answered then.');
  await latencyShown(panel, 'Command');

  // The button beside the chart: at the last second once the cursor has gone (Escape).
  await page.keyboard.press('Escape');
  await chart.getByRole('button', { name: 'Follow the slowest command of 2–3 s' }).click();
  await expect(panel.getByRole('status')).toHaveText('The slowest command answered from 2 s to 3 s, of all the commands answered then.');

  // Twelve seconds on, the first second is no longer kept: a click on its point follows the next query from now.
  await lab.stepTo(12);
  const queries = page.locator('[data-chart]').filter({ has: page.getByText('Query latency', { exact: true }) });
  const qSvg = queries.getByRole('img', { name: /^Query latency:/ });
  const box = (await qSvg.boundingBox())!;
  // The chart's plot starts 52 px in and ends 10 px before the edge; its axis runs from 0 to 12 s: the point at 1 s.
  await qSvg.click({ position: { x: 52 + (box.width - 62) / 12, y: 60 } });
  await expect(panel.getByRole('status')).toHaveText(
    'The second from 0 s to 1 s is no longer kept: the page keeps the slowest requests of the last 10 simulated seconds only. Instead: the next query from now. Following the next query: play or step the run to see it.',
  );
  await lab.button('Step 1 s').click();
  await expect(panel.getByRole('heading', { level: 3, name: /^Query [\d,]+ \(at 12\.\d+ s\): / })).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText('The second from 0 s to 1 s is no longer kept: the page keeps the slowest requests of the last 10 simulated seconds only. Instead: the next query from now.');
});
