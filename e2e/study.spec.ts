/**
 * What-if studies on the page (issue 10): replications whose means are the CLI's to the last bit,
 * an A/B comparison with overlaid charts and the paired-difference table, a sweep with its band,
 * the workers a study reuses, and cancel. Shared and saved studies: studyShare.spec.ts.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openOnScenario, SCENARIO } from './studyPanel';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The long-format CSV (rowsCsv) as figure -> mean. */
function csvMeans(csv: string): Map<string, number> {
  const [head, ...lines] = csv.trim().split('\n');
  const cols = head.split(',');
  const f = cols.indexOf('figure');
  const m = cols.indexOf('mean');
  return new Map(lines.map((l) => l.split(',')).map((c) => [c[f], Number(c[m])]));
}

/** Makes the page see `cores` cores and count the study workers it starts (read with `studyWorkersStarted`). */
async function countStudyWorkers(page: Page, cores: number): Promise<void> {
  await page.addInitScript((n) => {
    Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n });
    const Native = window.Worker;
    const w = window as unknown as { studyWorkers: number; studyWorkerList: Worker[] };
    w.studyWorkers = 0;
    w.studyWorkerList = [];
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name === 'study') {
          w.studyWorkers++;
          w.studyWorkerList.push(this);
        }
      }
    };
  }, cores);
}

const studyWorkersStarted = (page: Page) => page.evaluate(() => (window as unknown as { studyWorkers: number }).studyWorkers);

// This machine's two cores give the page one study worker, which also checks and plans the study
// (loading the validation, and with it the check of the scenario's timed change). Four cores give
// three workers: two of them start with the engine alone and load that check for the change.
for (const cores of [2, 4]) {
  test(`replications on ${cores - 1} worker${cores > 2 ? 's' : ''}: the page runs N seeds and its means equal the CLI's exactly`, async ({ lab }) => {
    await countStudyWorkers(lab.page, cores);
    const study = await openOnScenario(lab);
    await study.replications(3);
    await study.runToEnd();
    await expect(study.progress).toContainText('3 of 3 runs');
    expect(await studyWorkersStarted(lab.page)).toBe(cores - 1);
    const table = study.results.getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'Mean ± 95% interval' })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'queries.latencyMs.p99' })).toBeVisible();

    const page = csvMeans(await study.download('Export CSV'));
    const cli = JSON.parse(
      execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'cli/cli.ts', SCENARIO, '--replications', '3', '--json'], {
        cwd: root,
        encoding: 'utf8',
      }),
    ) as { seeds: number[]; figures: Record<string, { mean: number }> };
    expect(cli.seeds).toEqual([7, 8, 9]);
    const cliMeans = new Map(Object.entries(cli.figures).map(([k, v]) => [k, v.mean]));
    expect([...page.keys()]).toEqual([...cliMeans.keys()]);
    // Every mean, bit for bit (String and JSON both print the shortest round-tripping decimal).
    expect(Object.fromEntries(page)).toEqual(Object.fromEntries(cliMeans));
    expect(page.size).toBeGreaterThan(50);
    expect(lab.consoleErrors).toEqual([]);
  });
}

test('A/B compare: overlaid charts (A solid, B dashed) and the paired-difference table', async ({ lab }) => {
  const study = await openOnScenario(lab);
  await study.kind('A/B compare');
  await study.replications(3);
  await study.panel.getByRole('combobox', { name: 'Field 1' }).fill('queryService.instances');
  await study.panel.getByRole('textbox', { name: 'Value 1' }).fill('1');
  await study.runToEnd();
  await expect(study.progress).toContainText('6 of 6 runs');
  const table = study.results.getByRole('table');
  for (const name of ['A', 'B', 'B − A (paired 95% interval)', 'Larger than the interval?']) {
    await expect(table.getByRole('columnheader', { name, exact: true })).toBeVisible();
  }
  // One query instance against two to three: query p99 is larger, well beyond the noise.
  const p99 = table.getByRole('row').filter({ has: lab.page.getByRole('rowheader', { name: '(queries.latencyMs.p99)' }) });
  await expect(p99.getByRole('cell').last()).toHaveText('yes');
  // Latency counts answered requests; the share not answered is drawn beside it.
  await expect(study.results.getByRole('figure').filter({ hasText: 'Queries not answered: A solid, B dashed' }).locator('svg path[fill="none"]')).toHaveCount(2);
  const chart = study.results.getByRole('figure').filter({ hasText: 'Query latency p99 (answered): A solid, B dashed' });
  await expect(chart).toBeVisible();
  await expect(chart.getByRole('listitem').filter({ hasText: 'A (solid)' })).toBeVisible();
  await expect(chart.getByRole('listitem').filter({ hasText: 'B (dashed)' })).toBeVisible();
  // Two lines: A solid, B dashed, both drawn.
  const paths = chart.locator('svg path[fill="none"]');
  await expect(paths).toHaveCount(2);
  expect(await paths.nth(0).getAttribute('stroke-dasharray')).toBeNull();
  expect(await paths.nth(1).getAttribute('stroke-dasharray')).toBe('4 3');
  expect((await paths.nth(1).getAttribute('d'))?.length ?? 0).toBeGreaterThan(20);
  expect(lab.consoleErrors).toEqual([]);
});

test('sweep: a figure against the field with its interval band, and cost beside it', async ({ lab }) => {
  const study = await openOnScenario(lab);
  await study.kind('Sweep');
  await study.replications(2);
  await study.panel.getByRole('textbox', { name: 'Sweep' }).fill('queryService.instances=1..4');
  await study.runToEnd();
  await expect(study.progress).toContainText('8 of 8 runs');
  const figure = study.results.getByRole('figure').filter({ hasText: 'queries.latencyMs.p99 against queryService.instances' });
  const cost = study.results.getByRole('figure').filter({ hasText: 'Cost (vCPU-hours) against queryService.instances' });
  await expect(figure).toBeVisible();
  await expect(cost).toBeVisible();
  await expect(figure.locator('circle')).toHaveCount(4);
  expect((await figure.locator('path.study-band').getAttribute('d'))?.length ?? 0).toBeGreaterThan(20);
  // The value axis, here and for a small ratio whose interval reaches below 0: no tick below 0,
  // one precision for every tick, and the axis title clear of the tick labels.
  for (const name of ['queries.latencyMs.p99', 'queries.staleReadRatio']) {
    await study.results.getByRole('combobox', { name: 'Figure' }).selectOption(name);
    const chart = study.results.getByRole('figure').filter({ hasText: `${name} against` });
    const tickLabels = chart.locator('g.axis text[text-anchor="end"]');
    const ticks = await tickLabels.allTextContents();
    expect(ticks.length, name).toBeGreaterThan(2);
    expect(ticks.filter((t) => /^[-\u2212]/.test(t)), name).toEqual([]);
    expect(new Set(ticks.map((t) => (t.split('.')[1] ?? '').length)).size, `${name}: ${ticks.join(' ')}`).toBe(1);
    const title = (await chart.locator('text.axis-title').last().boundingBox())!;
    for (const t of await tickLabels.all()) {
      const b = (await t.boundingBox())!;
      expect(b.y >= title.y + title.height || b.y + b.height <= title.y || b.x >= title.x + title.width || b.x + b.width <= title.x, name).toBe(true);
    }
  }
  // Another figure, read with the keyboard.
  await study.results.getByRole('combobox', { name: 'Figure' }).selectOption('queries.throughputRps');
  const other = study.results.getByRole('figure').filter({ hasText: 'queries.throughputRps against' });
  await other.getByRole('img').focus();
  await lab.page.keyboard.press('ArrowLeft');
  await expect(other).toContainText('queryService.instances = 3:');

  // Exported, the sweep chart has its legend (the mean's line, the band's fill) and names the study's seeds.
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  const exportFigure = lab.page.locator('.exports').getByRole('combobox', { name: 'Figure' });
  await exportFigure.focus();
  await exportFigure.selectOption({ label: 'Cost (vCPU-hours) against queryService.instances' });
  const svg = await lab.download('SVG');
  const read = await lab.page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const legend = [...doc.querySelectorAll('[data-figure="legend"] text')].map((el) => `${el.textContent} ${el.previousElementSibling?.getAttribute('style') ?? ''}`);
    return { error: doc.querySelector('parsererror')?.textContent ?? null, source: doc.querySelector('[data-figure="source"]')?.textContent, legend };
  }, svg);
  expect(read.error).toBeNull();
  expect(read.source).toBe('Scenario: study check · seeds 7–8');
  expect(read.legend).toEqual([expect.stringMatching(/^95% interval \(band\) fill:rgb/), expect.stringMatching(/^mean fill:rgb/)]);
  expect(lab.consoleErrors).toEqual([]);
});

test('the next study runs on the last one\'s workers, already compiled, and gives the same figures', async ({ lab }) => {
  await countStudyWorkers(lab.page, 4);
  const study = await openOnScenario(lab);
  await study.replications(3);
  await study.runToEnd();
  await expect(study.progress).toContainText('3 of 3 runs');
  const first = await study.download('Export CSV');
  const studyWorkers = () => lab.page.workers().filter((w) => /studyWorker/.test(w.url())).length;
  // The study is over and its three workers wait for the next one.
  expect(await studyWorkersStarted(lab.page)).toBe(3);
  expect(studyWorkers()).toBe(3);
  // The status reads "done" from the study before: the progress tells when this one has run.
  await study.replications(4);
  await study.run();
  await expect(study.progress).toContainText('4 of 4 runs', { timeout: 0 });
  await expect(study.status).toHaveText('done', { timeout: 0 });
  await study.replications(3);
  await study.run();
  await expect(study.progress).toContainText('3 of 3 runs', { timeout: 0 });
  await expect(study.status).toHaveText('done', { timeout: 0 });
  expect(await studyWorkersStarted(lab.page)).toBe(3);
  // Compiled code computes the same numbers: every figure equals the first study's, to the last digit.
  expect(await study.download('Export CSV')).toBe(first);

  // An idle worker that fails: the next study starts new workers, and runs.
  await lab.page.evaluate(() => {
    const list = (window as unknown as { studyWorkerList: Worker[] }).studyWorkerList;
    list[list.length - 1].dispatchEvent(new ErrorEvent('error', { message: 'failed while idle' }));
  });
  await study.replications(4);
  await study.run();
  await expect(study.progress).toContainText('4 of 4 runs', { timeout: 0 });
  await expect(study.status).toHaveText('done', { timeout: 0 });
  expect(await studyWorkersStarted(lab.page)).toBe(6);
  await expect.poll(studyWorkers).toBe(3);

  // Cancel stops the workers of a study that runs on the last one's.
  await study.replications(100);
  await study.run();
  await expect(study.status).toHaveText('running');
  await study.panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(study.status).toHaveText('cancelled');
  await expect.poll(studyWorkers).toBe(0);
  expect(await studyWorkersStarted(lab.page)).toBe(6);
  expect(lab.consoleErrors).toEqual([]);
});

test('cancel stops the study\'s workers: the progress stops and no more updates arrive', async ({ lab }) => {
  const study = await openOnScenario(lab);
  await study.replications(100);
  await study.run();
  await expect(study.status).toHaveText('running');
  await expect.poll(async () => Number(/(\d+) of/.exec((await study.progress.textContent()) ?? '')?.[1] ?? 0)).toBeGreaterThanOrEqual(1);
  const studyWorkers = () => lab.page.workers().filter((w) => /studyWorker/.test(w.url())).length;
  expect(studyWorkers()).toBeGreaterThanOrEqual(1);
  await study.panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(study.status).toHaveText('cancelled');
  const stoppedAt = await study.progress.textContent();
  // Every change of the progress from here on, recorded in the page.
  await lab.page.evaluate(() => {
    const w = window as unknown as { progressTexts: string[] };
    w.progressTexts = [];
    const el = document.querySelector('[aria-label="Study progress text"]')!;
    new MutationObserver(() => w.progressTexts.push(el.textContent ?? '')).observe(el, { subtree: true, childList: true, characterData: true });
  });
  await expect.poll(studyWorkers).toBe(0);
  // No sleep to let late updates come: the page does more work after the workers ended (two
  // simulated seconds stepped in the main run's worker, each drawn), and the progress never moved.
  await lab.stepTo(2);
  await expect(study.progress).toHaveText(stoppedAt!);
  expect(await lab.page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts)).toEqual([]);
  const done = /(\d+) of 100/.exec(stoppedAt ?? '')?.[1];
  await expect(study.panel.getByRole('status').filter({ hasText: new RegExp(`^Cancelled after ${done} of 100 runs`) })).toBeVisible();
  await expect(study.results).toHaveCount(0);
  expect(lab.consoleErrors).toEqual([]);
});
