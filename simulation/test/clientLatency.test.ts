/**
 * What the client waited, on a deterministic pipeline: one query a second (evenly spaced, from
 * 1 s), a constant 1 ms of service, no storage delay, a 5 ms timeout, one retry after exactly
 * 100 ms. Two short gray failures (the instance 10x slower) make chosen attempts time out:
 * - the query sent at 10 s takes 10 ms, times out at 5 ms, is retried at 105 ms after the slow
 *   spell ended, and is answered 1 ms later: the client waited 106 ms, its last attempt 1 ms;
 * - the query sent at 15 s meets the slowness twice and is given up at 5 + 100 + 5 = 110 ms.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../index';
import { run, scenario } from './helpers';

const s = scenario({
  durationS: 20,
  warmupS: 0.5,
  workload: {
    rps: 1,
    arrivals: 'deterministic',
    writeRatio: 0,
    followUpReads: { ratio: 0 },
    timeoutMs: 5,
    retries: { max: 1, backoffMs: 100, jitter: 0 },
  },
  queryService: { instances: 1, vcpus: 4, serviceTimeMs: 1, memoryPerRequestMb: 0, contention: 0, coherency: 0 },
  readStore: { replicas: 0, queryLatencyMs: 0 },
  cache: { enabled: false },
  faults: [
    { atS: 9.99, kind: 'slow', target: 'queryService', instance: 0, factor: 10, forS: 0.05 },
    { atS: 14.99, kind: 'slow', target: 'queryService', instance: 0, factor: 10, forS: 0.2 },
  ],
});

describe('client-perceived latency', () => {
  it('clientLatencyMs counts from the first attempt (timeout and backoff included); latencyMs only the last attempt', () => {
    const q = run(s).queries;
    expect(q.requests).toEqual({ started: 19, succeeded: 18, gaveUp: 1, inProgress: 0 });
    expect(q.timedOut).toBe(3);
    expect(q.latencyMs.count).toBe(18);
    expect(q.latencyMs.max).toBeCloseTo(1, 9);
    expect(q.latencyMs.mean).toBeCloseTo(1, 9);
    expect(q.clientLatencyMs.count).toBe(18);
    expect(q.clientLatencyMs.max).toBeCloseTo(106, 9);
    expect(q.clientLatencyMs.mean).toBeCloseTo((17 * 1 + 106) / 18, 9);
    expect(q.gaveUpAfterMs.count).toBe(1);
    expect(q.gaveUpAfterMs.max).toBeCloseTo(110, 9);
  });

  it('the window holding the retried answer shows what the client waited beside the per-attempt figure', () => {
    const sim = new Simulation(s);
    sim.runUntil(20_000);
    const w = sim.drainWindows().find((x) => x.tS === 11)!;
    expect(w.queries.clientP99).toBeCloseTo(106, 9);
    expect(w.queries.p99).toBeCloseTo(1, 9);
  });
});
