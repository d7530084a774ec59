/**
 * The command line's --find-limit: the offered rate at which the scenario's topology stops meeting
 * a target (simulation/plan/limit.ts), its runs on the worker pool. Node only. Returns the exit
 * status: 0 a limit found, 3 stopped (--max-wall), 4 no limit in the rates a scenario may offer.
 */
import { findLimit, type LimitAnswer, type PlanTarget, type Scenario } from '../simulation/index';
import type { Args } from './args';
import { fail, safeJson, safeText } from './output';
import { checkTargets, planStopped } from './plan';
import { DEFAULT_PLAN_REPLICATIONS } from './planArgs';
import { PlanStopped, poolSource } from './planSource';
import { openPool } from './pool';
import { MAX_STUDY_RUNS } from './study';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function limitText(l: LimitAnswer): string {
  const [lo, hi] = l.ci95;
  return [
    `limit: ${l.rps.toFixed(1)} req/s (the rates scaled by ${l.scale.toPrecision(4)}), where ${l.target} stops holding by its estimate (the mean of the runs)`,
    `  its 95% interval crosses the limit from ${lo.toFixed(1)} to ${hi.toFixed(1)} req/s: the target holds with 95% confidence below ${lo.toFixed(1)} req/s`,
    `  first to saturate: ${l.firstToSaturate} (${pct(l.utilisationAtLimit[l.firstToSaturate])} busy at the limit); the closed form says ${l.estimate.firstToSaturate} reaches 100% at ${l.estimate.saturationRps.toFixed(1)} req/s`,
    `  utilisation at the limit: ${Object.entries(l.utilisationAtLimit).map(([k, u]) => `${k} ${pct(u)}`).join(', ')}`,
    `  ${l.evaluated} rates probed, ${l.runs} runs`,
  ].join('\n') + '\n';
}

export async function runLimitCommand(scenario: Scenario, args: Args, targets: PlanTarget[]): Promise<number> {
  const n = args.replications ?? DEFAULT_PLAN_REPLICATIONS;
  if (scenario.workload.rps === 0 && !(scenario.workload.profile ?? []).some((p) => p.rps > 0)) {
    fail([{ path: '--find-limit', message: 'the scenario offers no load (workload.rps is 0): there is nothing to scale' }]);
  }
  checkTargets('--find-limit', targets, [{ index: 0, settings: {}, scenario, costUsdPerHour: 0, utilisation: {} as never, keepsUp: true }], []);
  // A bisection probes about 30 rates at most, each up to 4N runs: bounded like a study's runs.
  if (30 * 4 * n > MAX_STUDY_RUNS) fail([{ path: '--replications', message: `--find-limit probes up to 30 rates × up to 4 × ${n} replications: over a study's limit of ${MAX_STUDY_RUNS} runs; use at most ${Math.floor(MAX_STUDY_RUNS / 120)}` }]);
  const pool = openPool({ workers: args.workers, drain: args.drain, maxWallMs: args.maxWallS === undefined ? undefined : args.maxWallS * 1000, keepStopped: true });
  try {
    const r = await findLimit(scenario, targets, n, poolSource(pool, targets, () => 1));
    if (!r.ok) {
      if (args.json) process.stdout.write(safeJson(JSON.stringify({ limit: null, reason: r.reason }, null, 2)) + '\n');
      process.stderr.write(safeText(`find-limit: ${r.reason}\n`));
      return 4;
    }
    process.stdout.write(args.json ? safeJson(JSON.stringify({ limit: { targets: targets.map((t) => t.text), ...r.limit } }, null, 2)) + '\n' : safeText(limitText(r.limit)));
    return 0;
  } catch (e) {
    if (e instanceof PlanStopped) return planStopped(e, args, 0, 'limit');
    throw e;
  } finally {
    await pool.close();
  }
}
