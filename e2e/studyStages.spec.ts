/**
 * "Where the time goes" in an A/B study (issue 24): A's and B's stacked bars side by side for
 * queries, commands and the consistency lag, each pair on one scale, each bar adding up to the
 * mean the study's table gives, and the tables opened from the keyboard.
 */
import { expect, test } from './fixtures';
import { openOnScenario } from './studyPanel';
import { ms, tableRows, tableTotals } from './stagesTable';

const GROUPS = ['Queries', 'Commands', 'Consistency lag'] as const;
/** What the page's formatMs may have moved a number of ms by when it wrote it (2 decimals, 1, or none). */
const rounding = (v: number) => (v >= 100 ? 0.5 : v >= 10 ? 0.05 : 0.005);

test('an A/B study shows where the time goes for A beside B: both bars of each pair on one scale, each adding up to the mean shown', async ({ lab, page }) => {
  // Two seeds of A and two of B run in the page's workers: 25 s on a machine at load 8, so room for a busier one.
  test.setTimeout(300_000);
  const study = await openOnScenario(lab);
  await study.kind('A/B compare');
  await study.replications(2);
  // B: one query instance against A's two to three, so B's queries wait in the queue.
  await study.panel.getByRole('combobox', { name: 'Field 1' }).fill('queryService.instances');
  await study.panel.getByRole('textbox', { name: 'Value 1' }).fill('1');
  await study.runToEnd();

  const stages = study.panel.getByRole('region', { name: 'Where the time goes: A and B' });
  await expect(stages).toContainText('averaged over the 2 seeds');
  for (const group of GROUPS) {
    const g = stages.getByRole('group', { name: new RegExp(`^${group}`) });
    for (const side of ['A', 'B']) {
      await expect(g.getByRole('img', { name: new RegExp(`^${group}, ${side}: mean: [\\d.,]+ ms in all: `) })).toBeVisible();
      await expect(g.getByRole('img', { name: new RegExp(`^${group}, ${side}: p99 tail \\(from [\\d.,]+ ms\\): [\\d.,]+ ms in all: `) })).toBeVisible();
    }
  }

  // One scale in a pair: the bars' lengths are in the ratio of their totals, the longer one filling its column.
  const queries = stages.getByRole('group', { name: /^Queries/ });
  // In the order drawn: the means (A, B), then the tails (A, B).
  const [aTotal, bTotal, aTail, bTail] = (await queries.locator('.stage-total').allTextContents()).map(ms);
  expect(bTotal).toBeGreaterThan(aTotal);
  const width = async (side: string) => (await queries.getByRole('img', { name: new RegExp(`^Queries, ${side}: mean`) }).boundingBox())!.width;
  const [aWidth, bWidth] = [await width('A'), await width('B')];
  expect(Math.abs(aWidth / bWidth - aTotal / bTotal)).toBeLessThan(0.02 + (rounding(aTotal) + rounding(bTotal)) / bTotal);
  expect(aTail).toBeGreaterThan(0);
  expect(bTail).toBeGreaterThan(0);

  // The tables, by keyboard: from the help button in the heading, Tab past its glossary links to "Show as tables", Enter.
  await stages.getByRole('button', { name: 'About where the time goes in a study' }).focus();
  const show = stages.getByRole('button', { name: 'Show as tables' });
  const focused = () => show.evaluate((el) => el === document.activeElement);
  for (let tabs = 0; tabs < 8 && !(await focused()); tabs++) await page.keyboard.press('Tab');
  await expect(show).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(stages.getByRole('button', { name: 'Hide the tables' })).toHaveAttribute('aria-expanded', 'true');

  // Every figure of the study's table, to read the means the bars split.
  await study.results.getByRole('checkbox', { name: /^Every figure/ }).check();
  const figureCell = (figure: string, side: 'A' | 'B') =>
    study.results
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: `(${figure})` }) })
      .getByRole('cell')
      .nth(side === 'A' ? 0 : 1);
  const summaries = { Queries: 'queries.clientLatencyMs', Commands: 'commands.clientLatencyMs', 'Consistency lag': 'consistencyLagMs' };
  for (const group of GROUPS) {
    for (const side of ['A', 'B'] as const) {
      const table = stages.getByRole('table', { name: `${group}: time per stage, ${side}, mean over 2 seeds` });
      await expect(table).toBeVisible();
      const rows = await tableRows(table);
      const [meanTotal, tailTotal] = await tableTotals(table);
      // Each bar's stages add up to its total, within the rounding of what the table shows.
      const sum = (k: 1 | 2) => rows.reduce((a, r) => a + r[k], 0);
      const slack = (k: 1 | 2, total: number) => rows.reduce((a, r) => a + rounding(r[k]), rounding(total)) + 1e-9;
      expect(Math.abs(sum(1) - meanTotal), `${group} ${side} mean`).toBeLessThanOrEqual(slack(1, meanTotal));
      expect(Math.abs(sum(2) - tailTotal), `${group} ${side} tail`).toBeLessThanOrEqual(slack(2, tailTotal));
      // And the totals are the study's means of that latency and of its tail over the seeds ("mean ± interval", 3 decimals).
      for (const [figure, total] of [
        [`${summaries[group]}.mean`, meanTotal],
        [`${summaries[group]}.tail.mean`, tailTotal],
      ] as const) {
        const mean = parseFloat((await figureCell(figure, side).textContent()) ?? '');
        expect(Math.abs(mean - total), `${figure} ${side}: ${mean} against ${total}`).toBeLessThanOrEqual(rounding(total) + (mean >= 100 ? 0.05 : 0.0005));
      }
    }
  }

  // Closed again with the keyboard (Space on the same button; the checkbox above took the focus).
  await stages.getByRole('button', { name: 'Hide the tables' }).focus();
  await page.keyboard.press('Space');
  await expect(stages.getByRole('button', { name: 'Show as tables' })).toHaveAttribute('aria-expanded', 'false');
  expect(lab.consoleErrors).toEqual([]);
});
