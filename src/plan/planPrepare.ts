/**
 * A plan in the first study worker (the page's main thread loads no validation): its question
 * checked and turned into designs (the scenario validated by the engine, each target and field of
 * the space parsed by the plan core, simulation/plan, as the CLI's --plan and --space are; a
 * problem names its row), then the search itself, the CLI's runPlan, whose runs the page hands
 * out to the study's worker pool and brings back (`source`).
 */
import {
  designsOf,
  parseAxis,
  parseScenario,
  parseTarget,
  planAnswer,
  runPlan,
  settingsText,
  unplannable,
  type Design,
  type PlanAnswer,
  type PlanTarget,
  type RunRecord,
  type SpaceAxis,
} from '../../simulation/index';

/** Most designs a plan in the page may hold: each design's scenario crosses to the page. */
export const MAX_PAGE_DESIGNS = 1000;

export interface PlanQuestion {
  scenario: unknown;
  /** Targets as the CLI writes them: `queries.latencyMs.p99 < 50`. */
  targets: string[];
  /** Fields of the space as the CLI writes them: `queryService.vcpus=1..16`. */
  space: string[];
}

export type PreparedPlan =
  | { ok: true; designs: Design[]; targets: PlanTarget[]; axes: SpaceAxis[]; seed: number; name: string }
  | { ok: false; problems: string[] };

/** The plan this worker prepared last: what `searchPlan` searches. */
let last: Extract<PreparedPlan, { ok: true }> | null = null;

export function preparePlan(q: PlanQuestion): PreparedPlan {
  last = null;
  const parsed = parseScenario(q.scenario);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => `scenario.${p.path}: ${p.message}`) };
  const scenario = parsed.scenario;
  const problems: string[] = [];
  const why = unplannable(scenario);
  if (why) problems.push(`scenario: ${why}`);
  const targets: PlanTarget[] = [];
  q.targets.forEach((text, i) => {
    const t = parseTarget(text);
    if (t.ok) targets.push(t.value);
    else problems.push(`Target ${i + 1}: ${t.message}`);
  });
  const axes: SpaceAxis[] = [];
  q.space.forEach((spec, i) => {
    const a = parseAxis(spec);
    const field = spec.slice(0, Math.max(0, spec.indexOf('='))).trim();
    if (a.ok) axes.push(a.value);
    else problems.push(`Space field ${i + 1}${field ? ` (${field})` : ''}: ${a.message}`);
  });
  if (problems.length > 0) return { ok: false, problems };
  const size = axes.reduce((n, a) => n * a.values.length, 1);
  if (size > MAX_PAGE_DESIGNS) return { ok: false, problems: [`Space: its fields' values make ${size} designs; a plan in the page holds at most ${MAX_PAGE_DESIGNS} (the CLI's --plan holds more)`] };
  const designs = designsOf(scenario, axes);
  if (!designs.ok) return { ok: false, problems: [`Space: ${designs.message}`] };
  last = { ok: true, designs: designs.value, targets, axes, seed: scenario.seed, name: scenario.name };
  return last;
}

/** Runs of one design (by its index in the space) on these seeds, one record per seed: the page's pool. */
export type PageRunSource = (index: number, seeds: number[]) => Promise<RunRecord[]>;

/** What the panel shows while the search goes. */
export interface PlanProgressLine {
  evaluated: number;
  runs: number;
  /** The best design so far, as `field=value, ...`, and its cost per hour. */
  best: string | null;
  bestCost: number | null;
}

/** Searches the plan prepared last (the CLI's runPlan and planAnswer) with `replications` per design. */
export async function searchPlan(replications: number, source: PageRunSource, onProgress: (p: PlanProgressLine) => void): Promise<PlanAnswer> {
  const p = last;
  if (!p) throw new Error('No plan was prepared in this worker.');
  const result = await runPlan({ designs: p.designs, axes: p.axes, targets: p.targets, replications, seed: p.seed }, (d: Design, seeds) => source(d.index, [...seeds]), (x) =>
    onProgress({ evaluated: x.evaluated, runs: x.runs, best: x.best ? settingsText(x.best.design.settings) : null, bestCost: x.best ? x.best.design.costUsdPerHour : null }),
  );
  return planAnswer(result, p.targets, p.designs.length, replications);
}
