import type { Locator, Page } from '@playwright/test';
import { expect, test, type LabPage } from './fixtures';
import { seriousViolations } from './axe';
import { ms, takes } from './stagesTable';


/** Asks to follow the next request of `which`, then steps the run until its waterfall is there; returns the panel. */
async function followNext(lab: LabPage, page: Page, which: string, kind: 'Query' | 'Command'): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Follow a request' });
  await panel.getByRole('combobox', { name: 'Which' }).selectOption({ label: which });
  await panel.getByRole('button', { name: 'Follow a request' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Following ${which}: play or step the run to see it.`);
  await lab.stepUntil(`the waterfall of ${which}`, () => panel.getByRole('heading', { name: new RegExp(`^${kind} [\\d,]+ \\(at `) }).isVisible(), 30);
  return panel;
}

test('follow a request: a command\'s waterfall totals its latency and goes on to "visible on replica N", a query\'s totals its own; by keyboard, with a table', async ({ lab, page }) => {
  await page.goto('/?example=hot-shard');
  await expect(lab.status).toHaveText('ready');
  await lab.stepTo(2);

  const panel = await followNext(lab, page, 'the next command', 'Command');
  const heading = (await panel.getByRole('heading', { level: 3 }).textContent()) ?? '';
  const latency = ms(/: ([\d.,]+) ms, answered$/.exec(heading)?.[1] ?? null);
  expect(latency).toBeGreaterThan(0);
  await expect(panel.getByRole('img', { name: `Waterfall of ${heading}` })).toBeVisible();

  // The table, by keyboard; the attempts (and back-offs) add up to the latency the heading shows.
  await panel.getByRole('button', { name: 'Show the stages as a table' }).focus();
  await page.keyboard.press('Enter');
  const table = panel.getByRole('table', { name: 'Stages of the followed request' });
  await expect(table).toBeVisible();
  expect(await takes(table, /^latency$/)).toEqual([latency]);
  const top = await takes(table, /^(attempt \d+|retry back-off)$/);
  expect(Math.abs(top.reduce((a, b) => a + b, 0) - latency)).toBeLessThanOrEqual(0.5 + 0.005 * latency);
  // Past the reply: the write becomes visible on a replica, X ms after its commit, as the visibility row says.
  const visible = panel.getByText(/^Visible on read replica \d at \+[\d.]+ ms after its commit/);
  await expect(visible).toBeVisible();
  const x = ms(/at \+([\d.,]+) ms after its commit/.exec((await visible.textContent()) ?? '')?.[1] ?? null);
  expect(await takes(table, /^visible everywhere \(from the commit\)$/)).toEqual([x]);

  expect(await seriousViolations(page)).toEqual([]);

  // A query's waterfall: its attempts add up to its latency too.
  await followNext(lab, page, 'the next query', 'Query');
  const qHeading = (await panel.getByRole('heading', { level: 3 }).textContent()) ?? '';
  const qLatency = ms(/: ([\d.,]+) ms, answered$/.exec(qHeading)?.[1] ?? null);
  expect(await takes(table, /^latency$/)).toEqual([qLatency]);
  const qTop = await takes(table, /^(attempt \d+|retry back-off)$/);
  expect(Math.abs(qTop.reduce((a, b) => a + b, 0) - qLatency)).toBeLessThanOrEqual(0.5 + 0.005 * qLatency);
  await expect(panel.getByText(/^Visible on/)).toBeHidden();
});
