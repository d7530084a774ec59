/**
 * The plan's search (simulation/plan) in-process: the M/M/c answer against Erlang C, its closed
 * forms against a run's report, sequential testing, and the search against exhaustive search on
 * spaces where the monotonicity assumption holds by construction.
 */
import { describe, expect, it } from 'vitest';
import {
  costUsdPerHour,
  designsOf,
  evaluateDesign,
  parseAxis,
  parseTarget,
  recordOf,
  runPlan,
  runScenario,
  stageUtilisation,
  withSeed,
  type Design,
  type PlanTarget,
  type RunSource,
  type SpaceAxis,
} from '../index';
import { erlangC, mmc, scenario } from './helpers';

const target = (text: string): PlanTarget => {
  const t = parseTarget(text);
  if (!t.ok) throw new Error(t.message);
  return t.value;
};
const axis = (spec: string): SpaceAxis => {
  const a = parseAxis(spec);
  if (!a.ok) throw new Error(a.message);
  return a.value;
};
const designs = (base: Parameters<typeof designsOf>[0], axes: SpaceAxis[]): Design[] => {
  const d = designsOf(base, axes);
  if (!d.ok) throw new Error(d.message);
  return d.value;
};
const inProcess = (targets: PlanTarget[]): RunSource => async (d, seeds) => seeds.map((s) => recordOf(runScenario(withSeed(d.scenario, s)), targets));

describe('plan', () => {
  it('M/M/c: one instance, c vCPUs sharing its queue, 7,000 req/s of 1 ms: the smallest c whose Erlang-C wait is under 0.5 ms', async () => {
    // Exact: Wq = C(c, a) / (c mu - lambda), a = 7 (Erlang), mu = 1/ms.
    const exact = (c: number) => (c <= 7 ? Infinity : erlangC(c, 7) / (c - 7));
    const expected = Array.from({ length: 16 }, (_, i) => i + 1).find((c) => exact(c) < 0.5)!;
    expect(expected).toBe(9); // C(8, 7) = 0.635 ms, C(9, 7) / 2 = 0.192 ms
    const targets = [target('queryService.queueWaitMs.mean < 0.5')];
    const axes = [axis('queryService.vcpus=1..16')];
    const ds = designs(mmc(1, 7000, 1, 1, 50), axes);
    const result = await runPlan({ designs: ds, axes, targets, replications: 3, seed: 1 }, inProcess(targets));
    expect(result.best?.design.settings['queryService.vcpus']).toBe(expected);
    // c <= 7 cannot keep up (utilisation 7/c >= 1): never run.
    expect(result.skipped.byEstimate).toBe(7);
    expect(result.results.length).toBeLessThanOrEqual(4);
    const [lo, hi] = result.best!.targets[0].ci95;
    expect(hi).toBeLessThan(0.5);
    expect(lo).toBeLessThan(exact(expected) * 1.1);
  }, 120_000);

  it("the closed forms: cost per hour is the report's cost after warm-up per measured hour; utilisation is the run's (a lower bound)", () => {
    const s = scenario({ durationS: 10, warmupS: 2, queryService: { vcpus: 8, instances: 3 }, readStore: { replicas: 1 } });
    const r = runScenario(s);
    const hours = (s.durationS - s.warmupS) / 3600;
    const usd = r.commandService.cost.afterWarmup.usd + r.queryService.cost.afterWarmup.usd + r.projectors.cost.afterWarmup.usd + r.replicas.cost.afterWarmup.usd;
    expect(Math.abs(usd / hours - costUsdPerHour(s)) / costUsdPerHour(s)).toBeLessThan(1e-6);
    // 8 vCPUs cost 1.1 times the base price per vCPU-hour (one doubling past 4, premium 0.1).
    expect(costUsdPerHour(s)).toBeCloseTo((2 * 2 + 3 * 8 * 1.1 + 2 + 1) * 0.04, 9);
    const m = mmc(4, 3000, 1, 5, 60);
    expect(stageUtilisation(m).queryService).toBeCloseTo(0.75, 9);
    const measured = runScenario(m).queryService.utilization;
    expect(Math.abs(measured - 0.75)).toBeLessThan(0.02);
  }, 60_000);

  it('sequential testing: a clear design stops at N runs, a close one doubles to 4N and then fails', async () => {
    const t = [target('x < 10')];
    const d = designs(scenario({}), [])[0];
    const runsOf = async (mean: number, spread: number) => {
      const source: RunSource = async (_, seeds) => seeds.map((s) => ({ values: [mean + spread * ((s % 3) - 1)], servedRps: 100, utilisation: [] }));
      return evaluateDesign(d, t, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 3, source);
    };
    expect(await runsOf(5, 0.1)).toMatchObject({ runs: 3, holds: true });
    expect(await runsOf(20, 0.1)).toMatchObject({ runs: 3, holds: false });
    const close = await runsOf(9.9, 1);
    expect(close).toMatchObject({ runs: 12, holds: false });
    expect(close.targets[0].ci95[1]).toBeGreaterThan(10);
  });

  it('on spaces of up to 200 designs where capacity helps, the search finds the design exhaustive search finds, running fewer', async () => {
    // A synthetic figure: work shared by capacity, plus seed noise; a switch that helps or hurts.
    const t = [target('queryService.queueWaitMs.mean < 1'), target('queries.throughputRps > 10')];
    const axes = [axis('queryService.instances=1..8'), axis('queryService.vcpus=1,2,4,8'), axis('cache.enabled=false,true'), axis('eventStream.partitions=1,4,16')];
    const ds = designs(scenario({ workload: { rps: 100 } }), axes);
    expect(ds.length).toBe(192);
    for (const load of [3, 7, 12, 40, 90]) {
      const source: RunSource = async (d, seeds) =>
        seeds.map((s) => {
          const cap = (d.settings['queryService.instances'] as number) * (d.settings['queryService.vcpus'] as number) * (d.settings['cache.enabled'] ? 1.5 : 1);
          const partitions = d.settings['eventStream.partitions'] as number;
          return { values: [load / cap / (1 + partitions / 32) + 0.05 * ((s * 7919) % 5), 50], servedRps: 100, utilisation: [] };
        });
      const input = { designs: ds, axes, targets: t, replications: 3, seed: 1 };
      const plan = await runPlan(input, source);
      const all = await runPlan({ ...input, exhaustive: true }, source);
      expect(plan.best?.design.index, `load ${load}`).toBe(all.best?.design.index);
      expect(plan.results.length).toBeLessThanOrEqual(all.results.length / 2);
    }
  });
});
