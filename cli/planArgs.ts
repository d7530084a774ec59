/**
 * The command line's plan options (--plan, --space, --exhaustive, --shard), --find-limit and
 * --merge: their form, checked with the other options before anything is read or run, each
 * problem naming its option. What needs the scenario (a design the scenario refuses, a figure its
 * report lacks) is checked in plan.ts, still before anything runs. Node only.
 */
import { parseAxis, parseTarget, type PlanTarget, type ScenarioProblem, type SpaceAxis } from '../simulation/index';
import { shown } from './output';

export const PLAN_OPTIONS = {
  plan: { type: 'string', multiple: true },
  space: { type: 'string', multiple: true },
  exhaustive: { type: 'boolean' },
  shard: { type: 'string' },
  merge: { type: 'string' },
  'find-limit': { type: 'string', multiple: true },
} as const;

export const PLAN_HELP = `  --plan "X op N"   a target (op: < <= > >=) the plan's answer must meet with 95% confidence; may repeat;
                    with --space: the cheapest design whose every target's 95% interval is on the good side
                    of its limit (--replications N per design, default 3, at least 2; up to 4N where close)
  --space F=V       a field of the design space and its values: F=1..16, F=1..64:4 or F=1,2,4; may repeat
  --exhaustive      run every design of the space (no estimate, no pruning): what the plan's search must equal
  --shard I/N       run share I of N of a plan's designs and print its results (JSON) for --merge
  --merge FILE...   merge the shards' results into the plan's answer: the same as one machine's
  --find-limit "X op N"  scale the rate profile until a target fails (bisection to ±2%); may repeat`;

export type PlanArgs =
  | { kind: 'plan'; targets: PlanTarget[]; axes: SpaceAxis[]; exhaustive: boolean; shard?: { index: number; count: number } }
  | { kind: 'limit'; targets: PlanTarget[] }
  | { kind: 'merge'; files: string[] };

/** A plan's replications when --replications is not given. */
export const DEFAULT_PLAN_REPLICATIONS = 3;

type Values = Record<string, string | boolean | string[] | undefined>;

/** The plan options of `v`, checked; problems go to `problems`. Undefined when none is given. */
export function planArgs(v: Values, replications: number | undefined, positionals: readonly string[], problems: ScenarioProblem[]): PlanArgs | undefined {
  const plans = (v.plan as string[] | undefined) ?? [];
  const spaces = (v.space as string[] | undefined) ?? [];
  const limits = (v['find-limit'] as string[] | undefined) ?? [];
  const merge = v.merge as string | undefined;
  const shard = v.shard as string | undefined;
  const bad = (path: string, message: string) => problems.push({ path, message });
  if (merge !== undefined) {
    const others = ['plan', 'space', 'exhaustive', 'shard', 'find-limit', 'replications', 'compare', 'sweep', 'check', 'series', 'seed', 'duration', 'warmup', 'drain'].filter((k) => v[k] !== undefined);
    if (others.length > 0) bad('--merge', `takes the shards' result files only (and --json, --workers, --max-wall), not --${others[0]}: the plan is in the files`);
    if (merge === '') bad('--merge', 'needs the result files of every shard (--merge results/*.json)');
    return { kind: 'merge', files: [merge, ...positionals] };
  }
  if (plans.length === 0 && limits.length === 0) {
    for (const [k, n] of [['space', spaces.length > 0], ['exhaustive', v.exhaustive === true], ['shard', shard !== undefined]] as const) {
      if (n) bad(`--${k}`, 'goes with --plan (the targets a design must meet)');
    }
    return undefined;
  }
  const kind = plans.length > 0 ? 'plan' : 'limit';
  const option = kind === 'plan' ? '--plan' : '--find-limit';
  if (plans.length > 0 && limits.length > 0) bad('--find-limit', 'cannot go with --plan: find a limit for one topology, or plan over a space');
  for (const k of ['compare', 'sweep', 'check', 'series'] as const) {
    if (v[k] !== undefined) bad(`--${k}`, `cannot go with ${option}${k === 'check' ? `: the targets are the ${option} options` : ''}`);
  }
  if (replications === 1) bad('--replications', `${option} needs at least 2 (a 95% interval needs two runs)`);
  const targets: PlanTarget[] = [];
  for (const text of kind === 'plan' ? plans : limits) {
    const t = parseTarget(text);
    if (!t.ok) bad(option, shown(t.message, 200));
    else if (targets.some((o) => o.text === t.value.text)) bad(option, `"${shown(text)}" is given twice`);
    else targets.push(t.value);
  }
  if (kind === 'limit') {
    for (const k of ['space', 'exhaustive', 'shard'] as const) if (v[k] !== undefined) bad(`--${k}`, 'goes with --plan, not --find-limit');
    return { kind, targets };
  }
  if (spaces.length === 0) bad('--plan', 'needs a design space: one --space field=values or more (such as --space queryService.instances=1..8)');
  const axes: SpaceAxis[] = [];
  for (const spec of spaces) {
    const a = parseAxis(spec);
    if (!a.ok) bad('--space', shown(a.message, 200));
    else axes.push(a.value);
  }
  let parsedShard: { index: number; count: number } | undefined;
  if (shard !== undefined) {
    const m = /^(\d{1,4})\/(\d{1,4})$/.exec(shard);
    const [i, n] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
    if (!(i >= 1 && n >= 1 && i <= n && n <= 1000)) bad('--shard', `must be I/N with 1 <= I <= N <= 1000 (such as 2/3), got "${shown(shard)}"`);
    else parsedShard = { index: i, count: n };
  }
  return { kind, targets, axes, exhaustive: v.exhaustive === true, ...(parsedShard ? { shard: parsedShard } : {}) };
}
