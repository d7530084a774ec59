/**
 * The command line's plans: the cheapest design of a space that meets targets (--plan, --space),
 * every design of it (--exhaustive), or a share of its designs for another machine (--shard).
 * Everything is checked before anything runs; the search itself is simulation/plan, fed by the
 * worker pool. Node only. Returns the exit status: 0 an answer, 3 stopped, 4 no design met the targets.
 */
import {
  checkFigureProblem,
  designsOf,
  groupDigits,
  MAX_REPLICATION_FACTOR,
  missingFigure,
  planAnswer,
  reportShape,
  runPlan,
  settingsText,
  unplannable,
  type Design,
  type PlanAnswer,
  type PlanTarget,
  type Scenario,
  type SpaceAxis,
} from '../simulation/index';
import type { Args } from './args';
import { fail, safeJson, safeText, shown } from './output';
import { DEFAULT_PLAN_REPLICATIONS, type PlanArgs } from './planArgs';
import { PlanStopped, poolSource } from './planSource';
import { openPool } from './pool';
import { MAX_STUDY_RUNS } from './study';

type PlanOptions = Extract<PlanArgs, { kind: 'plan' }>;

/** Fields whose values never change which figures a report has: a design differing only in them has the same report shape. */
const SAME_SHAPE = /\.(instances|vcpus|speed|projectors|partitions|connectionsPerShard|connectionsPerReplica|nodes|capacityPerNode)$/;

/** Refuses, naming --plan, a target whose figure some design's report will not have. */
export function checkTargets(option: string, targets: readonly PlanTarget[], designs: readonly Design[], axes: readonly SpaceAxis[]): void {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const d of designs) {
    const key = axes.filter((a) => !SAME_SHAPE.test(a.field)).map((a) => String(d.settings[a.field])).join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    const shape = reportShape(d.scenario);
    for (const t of targets) {
      if (problems.some((p) => p.message.startsWith(`${shown(t.figure)}:`))) continue;
      // The figure's name and kind first (any design), then whether this design's report has it.
      const named = checkFigureProblem(t.figure, Infinity);
      const missing = named === null ? missingFigure(shape, t.figure) : null;
      if (named !== null) problems.push({ path: option, message: `${shown(t.figure)}: ${named}` });
      else if (missing !== null) problems.push({ path: option, message: `${shown(t.figure)}: ${axes.length > 0 ? `in ${shown(settingsText(d.settings))}, ` : ''}${missing}` });
    }
  }
  if (problems.length > 0) fail(problems);
}

/** The designs of the plan, checked: the scenario can be planned on, every design is valid, every target is a figure of its report. */
export function planDesigns(scenario: Scenario, plan: PlanOptions): Design[] {
  const why = unplannable(scenario);
  if (why !== null) fail([{ path: '--plan', message: why }]);
  const designs = designsOf(scenario, plan.axes);
  if (!designs.ok) fail([{ path: '--space', message: designs.message }]);
  checkTargets('--plan', plan.targets, designs.value, plan.axes);
  return designs.value;
}

/** Refuses a plan whose runs could pass a study's bound: `designs` that may run, each up to 4N times. */
export function boundPlanRuns(designs: number, n: number, what: string): void {
  const most = designs * n * MAX_REPLICATION_FACTOR;
  if (most <= MAX_STUDY_RUNS) return;
  fail([
    {
      path: '--replications',
      message: `${groupDigits(designs)} ${what} × up to ${MAX_REPLICATION_FACTOR} × ${n} replications make up to ${groupDigits(most)} runs, over a study's limit of ${groupDigits(MAX_STUDY_RUNS)}: use fewer replications or a smaller --space`,
    },
  ]);
}

const num = (x: number) => (Number.isNaN(x) ? '-' : Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(3) : x.toPrecision(3));

/** The answer as text: the best design and its targets, the frontier, what the search spent. */
export function planText(a: PlanAnswer): string {
  const lines: string[] = [];
  const s = a.skipped;
  lines.push(`plan: ${a.designs} designs, ${a.evaluated} ran (${a.runs} runs, ${a.replications} to ${a.replications * MAX_REPLICATION_FACTOR} each); not run: ${s.byEstimate} cannot keep up (closed form), ${s.byMonotonicity} below a failed design, ${s.byCost} costlier than a design that passed`);
  if (a.best) {
    lines.push(`best: ${settingsText(a.best.settings)}: ${a.best.costUsdPerHour.toFixed(4)} USD per hour, ${num(a.best.costUsdPerMillionRequests)} USD per million requests`);
    for (const [t, r] of Object.entries(a.best.targets)) lines.push(`  ${t}: mean ${num(r.mean)}, 95% interval ${num(r.ci95[0])} to ${num(r.ci95[1])}: ${r.holds ? 'holds' : 'not shown to hold'}`);
  } else lines.push(`best: none: ${a.reason}`);
  lines.push('frontier (no other design that ran is as cheap and as good on every target):');
  for (const f of a.frontier) {
    const ts = Object.entries(f.targets).map(([t, r]) => `${t.split(' ')[0]} ${num(r.mean)}`).join(', ');
    lines.push(`  ${f.costUsdPerHour.toFixed(4)} USD/h  ${f.holds ? 'meets' : 'fails'}  ${settingsText(f.settings)}  (${ts})`);
  }
  return lines.join('\n') + '\n';
}

/** The plan's JSON: what it was asked (targets, space, seed) and its answer. */
export function planJson(plan: PlanOptions, seed: number, answer: PlanAnswer): string {
  const space = Object.fromEntries(plan.axes.map((a) => [a.field, a.values]));
  return safeJson(JSON.stringify({ plan: { targets: plan.targets.map((t) => t.text), space, seed, ...answer } }, null, 2)) + '\n';
}

/** Prints the answer (JSON or text) and returns the exit status: 0 with a best design, 4 without. */
export function printAnswer(plan: PlanOptions, seed: number, answer: PlanAnswer, json: boolean): number {
  process.stdout.write(json ? planJson(plan, seed, answer) : safeText(planText(answer)));
  if (!answer.best) process.stderr.write(safeText(`plan: ${answer.reason}\n`));
  return answer.best ? 0 : 4;
}

/** Says why the plan stopped (stderr; with --json also stdout) and returns 3. */
export function planStopped(e: PlanStopped, args: Args, evaluated: number, what: 'plan' | 'limit' = 'plan'): number {
  const why =
    e.stop.index < 0 ? `wall-clock limit of ${args.maxWallS} s reached (--max-wall)` : `a run stopped at ${e.stop.atS.toFixed(1)} s: ${e.stop.reason}`;
  if (args.json) process.stdout.write(safeJson(JSON.stringify({ [what]: { stopped: { reason: why, evaluated, runsFinished: e.runsFinished } } }, null, 2)) + '\n');
  const name = what === 'plan' ? 'plan' : 'find-limit';
  process.stderr.write(safeText(`${name} stopped: ${why}, after ${evaluated} ${what === 'plan' ? 'designs' : 'rates'} and ${e.runsFinished} runs: no answer\n`));
  return 3;
}

/** Runs the plan on this machine (not a shard: shard.ts) and prints its answer. */
export async function runPlanCommand(scenario: Scenario, args: Args, plan: PlanOptions): Promise<number> {
  const n = args.replications ?? DEFAULT_PLAN_REPLICATIONS;
  const designs = planDesigns(scenario, plan);
  boundPlanRuns(plan.exhaustive ? designs.length : designs.filter((d) => d.keepsUp).length, n, plan.exhaustive ? 'designs' : 'designs that can keep up');
  const pool = openPool({ workers: args.workers, drain: args.drain, maxWallMs: args.maxWallS === undefined ? undefined : args.maxWallS * 1000, keepStopped: true });
  const source = poolSource(pool, plan.targets, () => 1);
  let evaluated = 0;
  try {
    const result = await runPlan({ designs, axes: plan.axes, targets: plan.targets, replications: n, seed: scenario.seed, exhaustive: plan.exhaustive }, source, (p) => {
      evaluated = p.evaluated;
      if (process.stderr.isTTY) process.stderr.write(`\r  ${p.evaluated} designs, ${p.runs} runs`);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    return printAnswer(plan, scenario.seed, planAnswer(result, plan.targets, designs.length, n), args.json);
  } catch (e) {
    if (e instanceof PlanStopped) return planStopped(e, args, evaluated);
    throw e;
  } finally {
    await pool.close();
  }
}
