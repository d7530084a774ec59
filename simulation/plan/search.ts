/**
 * The plan's search: the cheapest design of the space whose targets hold with 95% confidence.
 *
 * - The closed form first: a design with a stage at utilisation 1 or more (a lower bound) cannot
 *   keep up with the offered load; it is never an answer and never runs.
 * - Designs are ranked by cost per hour (then by their place in the space). A design that passes
 *   ends the search above it: nothing costlier can be the answer (exact: no assumption).
 * - A design that fails tells that every design with less of each capacity field (and the same
 *   other settings) fails too (the monotonicity assumption, docs/plan.md): they never run.
 * - Probes gallop from the cheapest open design: after a failure the next probe is twice as far
 *   along the open designs by cost, after a pass it starts again from the cheapest.
 *
 * With `exhaustive`, every design of the space runs (the closed form and the assumption unused)
 * and the cheapest that passes wins: the answer the search must equal when its assumptions hold. Decisions wait for each design's runs,
 * so the answer depends on the seeds alone, never on how many workers run them.
 */
import { seedsFor } from '../study/study';
import { evaluateDesign, MAX_REPLICATION_FACTOR, type DesignResult, type RunSource } from './evaluate';
import type { Design, PlanTarget, SpaceAxis } from './space';

export interface PlanInput {
  /** The designs of the space (designsOf), in the space's order. */
  designs: readonly Design[];
  axes: readonly SpaceAxis[];
  targets: readonly PlanTarget[];
  /** Replications of every design run (N); close designs take up to 4N. */
  replications: number;
  /** The first seed: designs run on seed, seed + 1, ... */
  seed: number;
  exhaustive?: boolean;
}

export interface PlanProgress {
  evaluated: number;
  runs: number;
  best: DesignResult | null;
}

export interface PlanResult {
  best: DesignResult | null;
  /** Every design that ran, in the order they ran. */
  results: DesignResult[];
  runs: number;
  /** Designs that never ran, by why. */
  skipped: { byEstimate: number; byMonotonicity: number; byCost: number };
}

/** Cost, then place in the space: the order in which designs compete. */
export const cheaper = (a: Design, b: Design) => a.costUsdPerHour - b.costUsdPerHour || a.index - b.index;

/** `lower` has at most as much of every capacity field as `upper`, and the same other settings. */
function below(lower: Design, upper: Design, axes: readonly SpaceAxis[]): boolean {
  return axes.every((a) => {
    const x = lower.settings[a.field];
    const y = upper.settings[a.field];
    return a.monotone ? (x as number) <= (y as number) : x === y;
  });
}

export async function runPlan(input: PlanInput, source: RunSource, onProgress?: (p: PlanProgress) => void): Promise<PlanResult> {
  const { axes, targets, replications: n } = input;
  const seeds = seedsFor(input.seed, n * MAX_REPLICATION_FACTOR);
  const state = new Map<number, 'open' | 'estimate' | 'monotone' | 'cost' | 'ran'>();
  for (const d of input.designs) state.set(d.index, d.keepsUp ? 'open' : 'estimate');
  const ranked = input.designs.filter((d) => d.keepsUp).sort(cheaper);
  const results: DesignResult[] = [];
  let runs = 0;
  let best: DesignResult | null = null;
  const counted: RunSource = async (d, s) => {
    runs += s.length;
    return source(d, s);
  };
  const judge = async (d: Design) => {
    const r = await evaluateDesign(d, targets, seeds, n, counted);
    state.set(d.index, 'ran');
    results.push(r);
    if (r.holds && (best === null || cheaper(d, best.design) < 0)) best = r;
    onProgress?.({ evaluated: results.length, runs, best });
    return r;
  };
  if (input.exhaustive) {
    for (const d of [...input.designs].sort(cheaper)) await judge(d);
  } else {
    let step = 1;
    for (;;) {
      const open = ranked.filter((d) => state.get(d.index) === 'open');
      if (open.length === 0) break;
      const probe = open[Math.min(step, open.length) - 1];
      const r = await judge(probe);
      if (r.holds) {
        for (const d of open) if (cheaper(d, probe) > 0) state.set(d.index, 'cost');
        step = 1;
      } else {
        for (const d of open) if (d !== probe && below(d, probe, axes)) state.set(d.index, 'monotone');
        step *= 2;
      }
    }
  }
  const count = (s: string) => [...state.values()].filter((x) => x === s).length;
  return { best, results, runs, skipped: { byEstimate: count('estimate'), byMonotonicity: count('monotone'), byCost: count('cost') } };
}
