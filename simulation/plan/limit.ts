/**
 * The load where a topology breaks: the scenario's rate profile scaled by a factor until a target
 * fails, by bisection. Each probed rate runs on the same seeds (common random numbers: the
 * figures move smoothly with the rate) and is judged with sequential testing, so a rate near the
 * limit, where the decision is close, gets up to four times the runs (more simulated time where
 * the precision is needed).
 *
 * Three crossings come out of the same runs: where the target's estimate (the mean over the runs)
 * crosses its limit (`rps`, the middle of a bracket 2% wide), and where its 95% interval's two ends
 * do (`ci95`): ci95[0] is the highest rate probed where the target held with 95% confidence,
 * ci95[1] the lowest where it failed with 95% confidence.
 */
import { parseScenario } from '../input/load';
import type { Scenario } from '../scenario';
import { seedsFor } from '../study/study';
import { busiestStage, meanOfferedRps, STAGES, stageUtilisation, type Stage } from './estimate';
import { evaluateDesign, MAX_REPLICATION_FACTOR, type DesignResult, type RunSource } from './evaluate';
import type { Design, PlanTarget } from './space';

/** Bisection stops when the bracket's ends are within 2% of each other: its middle is within ±1% of either. */
export const LIMIT_PRECISION = 0.02;
/** The highest rate a scenario may offer (workload.rps's bound). */
const MAX_RPS = 1_000_000;

export interface LimitAnswer {
  /** The offered rate (mean over the measured span) where the first target's estimate crosses its limit. */
  rps: number;
  /** Where its 95% interval's ends cross: holds with 95% confidence below the first, fails above the second. */
  ci95: [number, number];
  /** The factor the scenario's rates were multiplied by at `rps`. */
  scale: number;
  /** The target that fails first as the rate rises. */
  target: string;
  /** The stage with the highest measured utilisation at the limit. */
  firstToSaturate: Stage;
  utilisationAtLimit: Record<Stage, number>;
  /** What the closed form says: the stage that reaches utilisation 1 first, and at what rate. */
  estimate: { firstToSaturate: Stage; saturationRps: number };
  evaluated: number;
  runs: number;
}

export type LimitResult = { ok: true; limit: LimitAnswer } | { ok: false; reason: string };

/** The scenario with every rate (workload.rps and each profile point) multiplied by `factor`, validated. */
export function scaledScenario(base: Scenario, factor: number): Scenario {
  const w = base.workload;
  const workload = { ...w, rps: w.rps * factor, ...(w.profile ? { profile: w.profile.map((p) => ({ ...p, rps: p.rps * factor })) } : {}) };
  const r = parseScenario({ ...base, workload });
  if (!r.ok) throw new Error(`scaled by ${factor}: ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return r.scenario;
}

/** The largest factor the rate bounds allow. */
function maxFactor(base: Scenario): number {
  const peak = Math.max(base.workload.rps, ...(base.workload.profile ?? []).map((p) => p.rps));
  return peak === 0 ? 0 : MAX_RPS / peak;
}

type Verdict = 'holds' | 'close' | 'fails';

export async function findLimit(base: Scenario, targets: readonly PlanTarget[], replications: number, source: RunSource): Promise<LimitResult> {
  const seeds = seedsFor(base.seed, replications * MAX_REPLICATION_FACTOR);
  const baseRps = meanOfferedRps(base);
  const top = maxFactor(base);
  if (baseRps === 0 || top === 0) return { ok: false, reason: 'the scenario offers no load to scale (workload.rps is 0)' };
  const cache = new Map<number, DesignResult>();
  let runs = 0;
  const counted: RunSource = async (d, s) => {
    runs += s.length;
    return source(d, s);
  };
  const judge = async (factor: number): Promise<DesignResult> => {
    const known = cache.get(factor);
    if (known) return known;
    const scenario = scaledScenario(base, factor);
    const u = stageUtilisation(scenario);
    const design: Design = { index: cache.size, settings: { scale: factor }, scenario, costUsdPerHour: 0, utilisation: u, keepsUp: true };
    const r = await evaluateDesign(design, targets, seeds, replications, counted);
    cache.set(factor, r);
    return r;
  };
  // Each target's verdict at a factor, by where its estimate and interval stand (the first to fail names the limit).
  const estimateFails = (r: DesignResult) => r.stopped !== undefined || r.targets.some((t, i) => !good(targets[i], t.mean));
  const notShownToHold = (r: DesignResult) => !r.holds;
  const clearlyFails = (r: DesignResult) => r.stopped !== undefined || r.targets.some((t, i) => verdict(targets[i], t.ci95) === 'fails');
  // A bracket: a factor where every target holds with confidence, one where one clearly fails.
  const saturation = busiestStage(stageUtilisation(base));
  let hi = Math.min(top, saturation.utilisation > 0 ? 1 / saturation.utilisation : 1);
  while (!clearlyFails(await judge(hi))) {
    if (hi >= top) return { ok: false, reason: `every target still holds at ${Math.round(baseRps * hi)} req/s, the most a scenario may offer` };
    hi = Math.min(top, hi * 2);
  }
  let lo = hi / 2;
  while (notShownToHold(await judge(lo))) {
    if (lo * baseRps < 1e-3) return { ok: false, reason: `the targets do not hold even at ${(lo * baseRps).toPrecision(3)} req/s` };
    lo /= 2;
  }
  const crossing = async (fails: (r: DesignResult) => boolean) => {
    // The tightest bracket the runs so far give (the verdicts rise with the rate), then bisection.
    let a = lo;
    let b = hi;
    for (const [f, r] of cache) {
      if (fails(r)) b = Math.min(b, f);
      else a = Math.max(a, f);
    }
    while (b / a - 1 > LIMIT_PRECISION && a < b) {
      const mid = (a + b) / 2;
      if (fails(await judge(mid))) b = mid;
      else a = mid;
    }
    return { a, b };
  };
  const est = await crossing(estimateFails);
  const at = (est.a + est.b) / 2;
  // The interval's ends, each the side of its bracket away from the estimate: the highest rate
  // probed where the target was shown to hold, the lowest where it was shown to fail.
  const low = (await crossing(notShownToHold)).a;
  const high = (await crossing(clearlyFails)).b;
  const atLimit = await judge(at);
  const failing = targets.findIndex((t, i) => !good(t, atLimit.targets[i].mean));
  const utilisationAtLimit = Object.fromEntries(STAGES.map((k, i) => [k, atLimit.utilisation[i]])) as Record<Stage, number>;
  const first = STAGES.reduce((m, k) => (utilisationAtLimit[k] > utilisationAtLimit[m] ? k : m), STAGES[0]);
  return {
    ok: true,
    limit: {
      rps: baseRps * at,
      ci95: [baseRps * Math.min(low, at), baseRps * Math.max(high, at)],
      scale: at,
      target: targets[failing >= 0 ? failing : 0].text,
      firstToSaturate: first,
      utilisationAtLimit,
      estimate: { firstToSaturate: saturation.stage, saturationRps: saturation.utilisation > 0 ? baseRps / saturation.utilisation : Infinity },
      evaluated: cache.size,
      runs,
    },
  };
}

/** A value on a target's good side. */
function good(t: PlanTarget, x: number): boolean {
  return t.op === '<' ? x < t.limit : t.op === '<=' ? x <= t.limit : t.op === '>' ? x > t.limit : x >= t.limit;
}

function verdict(t: PlanTarget, [lo, hi]: [number, number]): Verdict {
  if (good(t, lo) && good(t, hi)) return 'holds';
  return good(t, lo) || good(t, hi) ? 'close' : 'fails';
}
