/**
 * Retries against closed forms. One query instance with far more vCPUs than the load needs (so no
 * attempt ever waits: an attempt's latency is its service time, exponential with mean 1 ms), a
 * client timeout of 2 ms, up to 2 retries. An attempt times out with probability p = e^-2.
 * Independent attempts (the default) give up with probability p^3 = e^-6 = 0.00248; attempts
 * that keep their request's draw give up exactly when the first one timed out: p = 0.135.
 *
 * Tolerance: the number of give-ups out of n requests is binomial, sd = sqrt(n q (1 - q)); the
 * tests allow 4 sd (a false alarm about once in 16,000 runs if the model is right).
 */
import { describe, expect, it } from 'vitest';
import { run, scenario } from './helpers';

function retryRun(keepServiceTime: boolean, seed: number) {
  return run(
    scenario({
      seed,
      durationS: 205,
      warmupS: 5,
      workload: {
        rps: 1000,
        writeRatio: 0,
        followUpReads: { ratio: 0 },
        timeoutMs: 2,
        retries: { max: 2, backoffMs: 10, jitter: 0, keepServiceTime },
      },
      queryService: {
        instances: 1,
        vcpus: 64,
        // An ideal machine: no contention or coherency slowdown, so latency is the service time alone.
        contention: 0,
        coherency: 0,
        queueCapacity: 1_000_000,
        serviceTimeMs: { type: 'exponential', meanMs: 1 },
        memoryPerRequestMb: 0,
      },
      readStore: { replicas: 0, queryLatencyMs: 0, connectionsPerReplica: 10_000 },
      cache: { enabled: false },
    }),
  );
}

function expectBinomial(hits: number, n: number, q: number): void {
  const sd = Math.sqrt(n * q * (1 - q));
  expect(Math.abs(hits - n * q)).toBeLessThan(4 * sd);
}

describe('client retries', () => {
  it('retries draw each attempt afresh: the give-up rate is p^3 for three independent attempts', () => {
    const rep = retryRun(false, 11);
    const q = rep.queries.requests;
    const n = q.succeeded + q.gaveUp;
    expect(n).toBeGreaterThan(190_000);
    expectBinomial(q.gaveUp, n, Math.exp(-6));
    // The first retry follows a timed-out first attempt: e^-2 of the requests retry at least once.
    const retried = rep.queries.retries;
    expect(Math.abs(retried - n * (Math.exp(-2) + Math.exp(-4)))).toBeLessThan(4 * Math.sqrt(n * 0.16));
  });

  it('retries.keepServiceTime: a slow request stays slow, so the give-up rate is the first attempt\'s timeout rate', () => {
    const rep = retryRun(true, 11);
    const q = rep.queries.requests;
    const n = q.succeeded + q.gaveUp;
    expectBinomial(q.gaveUp, n, Math.exp(-2));
    // Not statistical: every request that gave up timed out on all three attempts, and no retry
    // ever succeeded (the same work against the same timeout). Only requests still going at the
    // end (at most 2 timed-out attempts each so far) may add to the counts.
    const extraTimedOut = rep.queries.timedOut - 3 * q.gaveUp;
    const extraRetries = rep.queries.retries - 2 * q.gaveUp;
    expect(extraTimedOut).toBeGreaterThanOrEqual(0);
    expect(extraTimedOut).toBeLessThanOrEqual(2 * q.inProgress);
    expect(extraRetries).toBeGreaterThanOrEqual(0);
    expect(extraRetries).toBeLessThanOrEqual(2 * q.inProgress);
  });
});
