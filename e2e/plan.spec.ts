/**
 * Plans on the page (issue 26): on M/M/c against Erlang C (one query instance whose vCPUs share
 * its queue, 7,000 req/s of 1 ms exponential work, target queryService.queueWaitMs.mean < 0.5,
 * vCPUs 6..12) the panel finds the CLI's answer for the same seeds, the smallest c whose exact
 * Erlang-C wait is under 0.5 ms; Load this design loads it; Cancel stops the workers; bad input
 * runs nothing and names its field; a plan with no answer says why; axe finds nothing serious.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { num } from '../src/components/study/format';
import { seriousViolations } from './axe';
import { expect, test, type LabPage } from './fixtures';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCENARIO = fileURLToPath(new URL('./scenarios/plan-mmc.json', import.meta.url));
const TARGET = 'queryService.queueWaitMs.mean < 0.5';

/** Erlang C: the chance an arrival waits at an M/M/c queue of offered load a (Erlang). */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) sum += (term *= a / k);
  const last = (term * a) / c / (1 - a / c);
  return last / (sum + last);
}

/** Counts the study workers the page starts and terminates. */
async function countWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.Worker;
    const w = window as unknown as { started: number; ended: number };
    w.started = 0;
    w.ended = 0;
    window.Worker = class extends Native {
      private study = false;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.study = options?.name === 'study';
        if (this.study) w.started++;
      }
      terminate(): void {
        if (this.study) w.ended++;
        super.terminate();
      }
    };
  });
}
const workers = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { started: number; ended: number };
    return { started: w.started, ended: w.ended };
  });

async function openPlan(lab: LabPage, space = '6..12', replications = 3) {
  await lab.goto();
  await lab.loadScenario(SCENARIO, 'plan-mmc.json');
  const page = lab.page;
  const toggle = page.getByRole('toolbar', { name: 'Run controls' }).getByRole('button', { name: 'Plan', exact: true });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Plan', exact: true });
  await expect(panel.getByRole('heading', { name: 'Plan' })).toBeFocused();
  await panel.getByRole('combobox', { name: 'Target 1 figure' }).selectOption('queryService.queueWaitMs.mean');
  await panel.getByRole('combobox', { name: 'Target 1 operator' }).selectOption('<');
  await panel.getByRole('textbox', { name: 'Target 1 limit' }).fill('0.5');
  await panel.getByRole('combobox', { name: 'Space field 1', exact: true }).selectOption('queryService.vcpus');
  await panel.getByRole('textbox', { name: 'Space field 1 values' }).fill(space);
  await panel.getByRole('spinbutton', { name: 'Replications per design' }).fill(String(replications));
  return {
    panel,
    status: panel.getByRole('status', { name: 'Plan status' }),
    progress: panel.getByRole('status', { name: 'Plan progress' }),
    find: panel.getByRole('button', { name: 'Find the cheapest design' }),
  };
}

test('the panel finds the CLI’s design for the same seeds (the smallest c under Erlang C’s 0.5 ms), by keyboard, and loads it', async ({ lab }) => {
  test.setTimeout(600_000);
  const page = lab.page;
  const plan = await openPlan(lab);
  await expect(plan.panel.getByText('Query service: mean queue wait stays below 0.5 ms', { exact: false })).toBeVisible();
  // The keyboard reaches the button from the replications field, and Enter starts the plan.
  await plan.panel.getByRole('spinbutton', { name: 'Replications per design' }).focus();
  await page.keyboard.press('Tab');
  await expect(plan.find).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(plan.status).toHaveText('done', { timeout: 0 });
  await expect(plan.progress).toContainText('best so far: queryService.vcpus=9');

  const cli = JSON.parse(
    execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'cli/cli.ts', SCENARIO, '--plan', TARGET, '--space', 'queryService.vcpus=6..12', '--replications', '3', '--json'], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as { plan: { best: { settings: Record<string, number>; costUsdPerHour: number; targets: Record<string, { mean: number; ci95: [number, number]; holds: boolean }> }; frontier: { settings: Record<string, number> }[]; evaluated: number; runs: number } };
  const best = cli.plan.best;
  // Exact Erlang-C waits: c = 8 gives 0.635 ms, c = 9 gives 0.192 ms.
  const exact = (c: number) => (c <= 7 ? Infinity : erlangC(c, 7) / (c - 7));
  const smallest = [6, 7, 8, 9, 10, 11, 12].find((c) => exact(c) < 0.5);
  expect(best.settings['queryService.vcpus']).toBe(smallest);

  const answer = plan.panel.getByRole('region', { name: 'Answer' });
  await expect(answer.getByTestId('plan-best-settings')).toHaveText(`queryService.vcpus=${smallest}`);
  await expect(answer).toContainText(`$${best.costUsdPerHour.toFixed(4)} per hour`);
  await expect(answer).toContainText(`${cli.plan.evaluated} of 7 designs evaluated, ${cli.plan.runs} runs`);
  const row = answer.getByRole('table', { name: 'Targets of the best design' }).getByRole('row', { name: TARGET });
  const t = best.targets[TARGET];
  await expect(row.getByRole('cell')).toHaveText([num(t.mean), `${num(t.ci95[0])} to ${num(t.ci95[1])}`, 'yes']);
  const frontier = answer.getByRole('table', { name: 'Frontier' }).getByRole('rowheader');
  await expect(frontier).toHaveText(cli.plan.frontier.map((d) => `queryService.vcpus=${d.settings['queryService.vcpus']}`));

  // The answer drawn: each design that ran at its cost, the answer read out first; the arrows move along the designs.
  const chart = answer.getByRole('img', { name: `${TARGET} against cost per hour` });
  await expect(chart.locator('[data-design]')).toHaveCount(cli.plan.evaluated);
  const readout = answer.locator('.plan-chart .at');
  await expect(readout).toHaveText(new RegExp(`^queryService.vcpus=9: \\$${best.costUsdPerHour.toFixed(4)} per hour, mean ${num(t.mean)}`));
  await chart.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(readout).toHaveText(/^queryService.vcpus=8: .*mean 0\.6/);

  expect(await seriousViolations(page)).toEqual([]);

  // Load this design, by keyboard: the page's scenario now has 9 vCPUs (it had 1).
  await answer.getByRole('button', { name: 'Load this design' }).focus();
  await page.keyboard.press('Enter');
  await expect(plan.panel.getByRole('status').filter({ hasText: 'Loaded queryService.vcpus=9 into the page' })).toBeVisible();
  const saved = JSON.parse(await lab.download('Save scenario')) as { queryService: { vcpus: number; instances: number } };
  expect(saved.queryService).toMatchObject({ vcpus: 9, instances: 1 });
  // Play runs the loaded design live.
  await lab.play();
  await lab.waitForSimTime(1);
});

test('Cancel stops the plan and its workers, and says so', async ({ lab }) => {
  test.setTimeout(300_000);
  await countWorkers(lab.page);
  const plan = await openPlan(lab, '8..16', 40);
  await plan.find.click();
  await expect(plan.status).toHaveText('running', { timeout: 0 });
  await plan.panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(plan.status).toHaveText('cancelled');
  await expect(plan.panel.getByRole('status').filter({ hasText: "the plan's workers were stopped" })).toBeVisible();
  const w = await workers(lab.page);
  expect(w.started).toBeGreaterThan(0);
  expect(w.ended).toBe(w.started);
  await expect(plan.panel.getByRole('region', { name: 'Answer' })).toHaveCount(0);
  await expect(plan.find).toBeEnabled();
});

test('bad input runs nothing and names its field; a plan with no answer says why', async ({ lab }) => {
  test.setTimeout(300_000);
  await countWorkers(lab.page);
  const plan = await openPlan(lab, '12..6');
  const problems = plan.panel.getByRole('alert', { name: 'Plan problems' });
  await plan.panel.getByRole('textbox', { name: 'Target 1 limit' }).fill('half');
  await plan.find.click();
  await expect(problems).toContainText('Target 1 (queryService.queueWaitMs.mean): the limit "half" is not a number');
  expect((await workers(lab.page)).started).toBe(0);
  await plan.panel.getByRole('textbox', { name: 'Target 1 limit' }).fill('0.5');
  await plan.find.click();
  await expect(problems).toContainText('Space field 1 (queryService.vcpus): 12..6: a range goes up');
  await plan.panel.getByRole('button', { name: 'Remove space field 1' }).click();
  await plan.find.click();
  await expect(problems).toContainText('Design space: a plan needs at least one field');
  await expect(plan.panel.getByRole('status').filter({ hasText: 'Nothing ran' })).toBeVisible();
  await expect(plan.progress).toHaveCount(0);

  // 9 vCPUs wait 0.19 ms on average: a target of 0.01 ms has no answer, and the panel says why.
  await plan.panel.getByRole('button', { name: 'Add a field' }).click();
  await plan.panel.getByRole('combobox', { name: 'Space field 1', exact: true }).selectOption('queryService.vcpus');
  await plan.panel.getByRole('textbox', { name: 'Space field 1 values' }).fill('9');
  await plan.panel.getByRole('textbox', { name: 'Target 1 limit' }).fill('0.01');
  await plan.find.click();
  await expect(plan.status).toHaveText('done', { timeout: 0 });
  await expect(plan.panel.getByRole('status', { name: 'No answer' })).toHaveText(/^No answer: no design of the 1 in the space meets the targets: 1 design ran and none met every target/);
});

test('a plan is shared by link and saved and loaded as a file, as a study is', async ({ lab }) => {
  const plan = await openPlan(lab);
  const page = lab.page;
  await plan.panel.getByRole('button', { name: 'Share plan link' }).click();
  await expect(plan.panel.getByRole('status').filter({ hasText: 'The address now links to this plan' })).toBeVisible();
  const url = page.url();
  expect(new URL(url).hash).toMatch(/^#plan=/);
  const [dl] = await Promise.all([page.waitForEvent('download'), plan.panel.getByRole('button', { name: 'Save plan' }).click()]);
  const saved = JSON.parse(readFileSync(await dl.path(), 'utf8')) as { plan: number; targets: string[]; space: string[]; replications: number; scenario: { name: string } };
  expect(saved).toMatchObject({ plan: 1, targets: [TARGET], space: ['queryService.vcpus=6..12'], replications: 3, scenario: { name: 'M/M/c against Erlang C' } });

  // The link opens the panel on its plan and its scenario, in a fresh page.
  await page.goto('about:blank');
  await page.goto(url);
  const opened = page.getByRole('region', { name: 'Plan', exact: true });
  await expect(opened.getByRole('status').filter({ hasText: 'Loaded the plan from the link' })).toBeVisible();
  await expect(opened.getByRole('textbox', { name: 'Target 1 limit' })).toHaveValue('0.5');
  await expect(opened.getByRole('combobox', { name: 'Target 1 figure' })).toHaveValue('queryService.queueWaitMs.mean');
  await expect(opened.getByRole('textbox', { name: 'Space field 1 values' })).toHaveValue('6..12');
  await expect(opened).toContainText("the loaded plan's scenario: M/M/c against Erlang C");

  // A saved file loads the same way; a file that is not a plan says what is wrong, naming the field.
  saved.space = ['queryService.vcpus=8,9'];
  await opened.locator('input[type=file]').setInputFiles({ name: 'mmc.plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
  await expect(opened.getByRole('textbox', { name: 'Space field 1 values' })).toHaveValue('8,9');
  await opened.locator('input[type=file]').setInputFiles({ name: 'bad.plan.json', mimeType: 'application/json', buffer: Buffer.from('{"plan":1,"targets":[],"space":["x=1"],"replications":3,"scenario":{}}') });
  await expect(opened.getByRole('alert', { name: 'Plan problems' })).toContainText('targets: a list of targets');
  await expect(opened.getByRole('status').filter({ hasText: 'bad.plan.json was not loaded.' })).toBeVisible();
});
