/**
 * Where a request's time goes (docs/stages.md): the stages of each latency summary against closed
 * forms (M/M/1) and an exact pipeline, and the identities (stages add up to the mean and to the
 * tail's mean) in reports and windows.
 */
import { describe, expect, it } from 'vitest';
import { reportStageFailures, splitFailures, windowStageFailures } from '../fuzz/stageCheck';
import { mmc, replicate, run, runWithWindows, scenario } from './helpers';

/**
 * M/M/1, FCFS, arrival rate λ, service rate μ, δ = μ - λ, ρ = λ/μ. A request's time is T = W + S:
 * its wait W (0 with probability 1 - ρ, else Exp(δ)) and its service S ~ Exp(μ), independent of W.
 * T ~ Exp(δ), so P(T ≥ t) = e^(-δt) and E[T | T ≥ t] = t + 1/δ (memoryless).
 *
 * E[S 1{T ≥ t}] = ∫ s μ e^(-μs) P(W ≥ t - s) ds, with P(W ≥ x) = 1 for x ≤ 0 and ρ e^(-δx) for x > 0:
 *   ∫_t^∞ s μ e^(-μs) ds = e^(-μt) (t + 1/μ)
 *   ∫_0^t s μ e^(-μs) ρ e^(-δ(t - s)) ds = ρ μ e^(-δt) ∫_0^t s e^(-λs) ds = e^(-δt) (1 - e^(-λt)(1 + λt)) / λ
 *   (as ρμ/λ² = 1/λ). Dividing by e^(-δt), and with μ - δ = λ:
 * E[S | T ≥ t] = e^(-λt)(t + 1/μ) + (1 - e^(-λt)(1 + λt)) / λ = 1/λ - e^(-λt) (1/λ - 1/μ),
 *   which is 1/μ at t = 0 and tends to 1/λ far in the tail (a long sojourn is partly a long service);
 * E[W | T ≥ t] = E[T | T ≥ t] - E[S | T ≥ t] = t + 1/δ - E[S | T ≥ t].
 */
function mm1Tail(lambda: number, mu: number, t: number): { wait: number; service: number } {
  const service = 1 / lambda - Math.exp(-lambda * t) * (1 / lambda - 1 / mu);
  return { wait: t + 1 / (mu - lambda) - service, service };
}

describe('stages on M/M/1 (ρ = 0.7, service 1 ms, one ideal vCPU, no store latency)', () => {
  // λ = 0.7 per ms, μ = 1 per ms: Wq = ρ/(μ - λ) = 2.333 ms, S = 1 ms.
  const reports = Array.from({ length: 6 }, (_, i) => run(mmc(1, 700, 1, 3000 + i, 250)));
  const lat = reports.map((r) => r.queries.latencyMs);

  it('queue wait and service have the closed forms as means', () => {
    const wait = replicate(6, (seed) => lat[seed - 1000].stages.queueWait);
    const service = replicate(6, (seed) => lat[seed - 1000].stages.service);
    // 4 standard errors across replications, and within a few percent.
    expect(Math.abs(wait.mean - 0.7 / 0.3)).toBeLessThan(Math.max(4 * wait.se, 0.01));
    expect(Math.abs(wait.mean - 0.7 / 0.3) / (0.7 / 0.3)).toBeLessThan(0.05);
    expect(Math.abs(service.mean - 1)).toBeLessThan(Math.max(4 * service.se, 0.005));
    expect(Math.abs(service.mean - 1)).toBeLessThan(0.02);
    for (const l of lat) {
      expect(l.stages.cache + l.stages.readConnWait + l.stages.read).toBe(0);
      expect(reportStageFailures(reports[lat.indexOf(l)])).toEqual([]);
    }
  });

  it("the tail's stages are E[W | T ≥ t] and E[S | T ≥ t], t where the engine's tail starts", () => {
    // Each run's tail starts at its own bucket edge: compare each with its own conditional means.
    const d = lat.map((l) => {
      const exact = mm1Tail(0.7, 1, l.tail.fromMs);
      return { wait: l.tailStages.queueWait / exact.wait, service: l.tailStages.service / exact.service, n: l.tail.count / l.count };
    });
    const wait = replicate(6, (seed) => d[seed - 1000].wait);
    const service = replicate(6, (seed) => d[seed - 1000].service);
    // About 1,750 tail samples a run, strongly correlated (a tail is a few long busy periods): the
    // service ratio's standard error is some 5% a run, 2% over six.
    expect(Math.abs(wait.mean - 1)).toBeLessThan(Math.max(4 * wait.se, 0.01));
    expect(Math.abs(wait.mean - 1)).toBeLessThan(0.04);
    expect(Math.abs(service.mean - 1)).toBeLessThan(Math.max(4 * service.se, 0.02));
    expect(Math.abs(service.mean - 1)).toBeLessThan(0.1);
    // The tail holds at least 1% and, with 0.8% wide buckets at the p99, not much more.
    for (const x of d) expect(x.n).toBeGreaterThanOrEqual(0.01);
    for (const x of d) expect(x.n).toBeLessThan(0.0125);
    // A slow request in M/M/1 is mostly a long wait, and its service is longer than average too.
    for (const l of lat) expect(l.tailStages.service).toBeGreaterThan(1.2);
  });
});

describe('stages of a deterministic pipeline (constant times everywhere)', () => {
  const base = {
    durationS: 60,
    warmupS: 5,
    workload: { rps: 20, arrivals: 'deterministic', writeRatio: 0.5, followUpReads: { ratio: 0 } },
    commandService: { instances: 1, vcpus: 4, serviceTimeMs: 3, contention: 0, coherency: 0 },
    queryService: { instances: 1, vcpus: 4, serviceTimeMs: 2, contention: 0, coherency: 0 },
    writeStore: { shards: 1, connectionsPerShard: 4, writeLatencyMs: 5 },
    eventStream: { partitions: 1, projectors: 1, appendLatencyMs: 2, applyLatencyMs: 1, synchronousAppend: true },
    readStore: { replicas: 2, queryLatencyMs: 4, replicationLagMs: 50 },
    cache: { enabled: true, hitLatencyMs: 0.5, invalidation: 'ttl', ttlS: 0.001 },
  };
  const { report: r, windows } = runWithWindows(scenario(base));

  it('every stage of every request is exact, over all of them and over the tail', () => {
    const expectSplit = (s: { stages: Record<string, number>; tailStages: Record<string, number> }, want: Record<string, number>) => {
      for (const [id, v] of Object.entries(want)) {
        expect(s.stages[id], id).toBeCloseTo(v, 9);
        expect(s.tailStages[id], id).toBeCloseTo(v, 9);
      }
      expect(Object.keys(s.stages)).toEqual(Object.keys(want));
    };
    expectSplit(r.commands.latencyMs, { queueWait: 0, service: 3, writeConnWait: 0, write: 5, append: 2 });
    expectSplit(r.commands.clientLatencyMs, { queueWait: 0, service: 3, writeConnWait: 0, write: 5, append: 2, failedAttempts: 0, backoff: 0 });
    expectSplit(r.queries.latencyMs, { queueWait: 0, service: 2, cache: 0.5, readConnWait: 0, read: 4 });
    expectSplit(r.consistencyLagMs, { append: 2, partitionWait: 0, apply: 1, applyRetry: 0 });
    expectSplit(r.replicaLagMs, { append: 2, partitionWait: 0, apply: 1, applyRetry: 0, replicaCopy: 50 });
    // Every request is in the tail's bucket: the tail is all of them.
    expect(r.queries.latencyMs.tail.count).toBe(r.queries.latencyMs.count);
    expect(r.queries.cacheHitRatio).toBe(0);
    for (const w of windows.filter((x) => x.tS > 6)) {
      expectSplit(w.stages.queries.latencyMs, { queueWait: 0, service: 2, cache: 0.5, readConnWait: 0, read: 4 });
      expectSplit(w.stages.replicaLagMs, { append: 2, partitionWait: 0, apply: 1, applyRetry: 0, replicaCopy: 50 });
    }
  });

  it("a failed apply and its wait go to the dead-letter queue's applyRetry; the apply is the attempt that succeeded", () => {
    // Half of the attempts fail, each failure costs the apply (1 ms) and the wait (10 ms) before the next.
    const dlq = runWithWindows(scenario({ ...base, deadLetter: { failureRate: 0.5, maxAttempts: 20, retryDelayMs: 10 } })).report;
    const lag = dlq.consistencyLagMs;
    expect(lag.stages.apply).toBeCloseTo(1, 9);
    expect(lag.stages.append).toBeCloseTo(2, 9);
    const failedPerEvent = dlq.deadLetter!.retries / dlq.deadLetter!.settled;
    expect(failedPerEvent).toBeGreaterThan(0.8);
    expect(Math.abs(lag.stages.applyRetry / (11 * failedPerEvent) - 1)).toBeLessThan(0.05);
    // The slowest events are those that failed most: their retries are most of the tail.
    expect(lag.tailStages.applyRetry).toBeGreaterThan(lag.tailStages.partitionWait);
    expect(reportStageFailures(dlq)).toEqual([]);
    // Never failing, the part leaves the stages as they were without it.
    const none = runWithWindows(scenario({ ...base, deadLetter: { failureRate: 0, maxAttempts: 3, retryDelayMs: 10 } })).report;
    expect(none.consistencyLagMs.stages).toEqual(r.consistencyLagMs.stages);
  });

  it('reports and windows keep the identities', () => {
    expect(reportStageFailures(r)).toEqual([]);
    expect(windows.flatMap(windowStageFailures)).toEqual([]);
  });
});

describe('stages with retries, a hot shard and a cache', () => {
  it('client latency adds failed attempts and back-offs; the identities hold', () => {
    const s = scenario({
      durationS: 40,
      warmupS: 5,
      workload: { rps: 400, timeoutMs: 40, retries: { max: 3, backoffMs: 20, jitter: 0.5 } },
      commandService: { instances: 1, vcpus: 2, serviceTimeMs: { type: 'exponential', meanMs: 4 } },
      writeStore: { shards: 2, connectionsPerShard: 1, writeLatencyMs: { type: 'exponential', meanMs: 6 } },
    });
    const { report: r, windows } = runWithWindows(s);
    expect(r.commands.retries).toBeGreaterThan(0);
    const c = r.commands.clientLatencyMs;
    expect(c.stages.failedAttempts).toBeGreaterThan(0);
    expect(c.stages.backoff).toBeGreaterThan(0);
    // The tail of what clients waited is mostly retries.
    expect(c.tailStages.failedAttempts + c.tailStages.backoff).toBeGreaterThan(c.tailStages.write);
    expect(reportStageFailures(r)).toEqual([]);
    expect(windows.flatMap(windowStageFailures)).toEqual([]);
  });
});

describe("the fuzzer's check of the stages", () => {
  it('names a split whose stages miss its mean or its tail', () => {
    const split = { stages: { a: 1, b: 1 }, tailStages: { a: 2, b: 1 }, tail: { count: 1, mean: 3, fromMs: 2 } };
    expect(splitFailures('x', split, 2, 50)).toEqual([]);
    expect(splitFailures('x', split, 2.001, 50)).toEqual(['x: stages add up to 2, not the mean 2.001']);
    expect(splitFailures('x', { ...split, tail: { count: 1, mean: 3.5, fromMs: 2 } }, 2, 50)).toEqual(["x: tail stages add up to 3, not the tail's mean 3.5"]);
    expect(splitFailures('x', split, 2, 200)).toEqual(['x: tail of 1 of 200 samples']);
  });
});
