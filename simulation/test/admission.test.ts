/**
 * Admission control at a load balancer (token bucket): throughput capped at the rate, the excess
 * shed as its own cause, and what gets through served as by an unloaded service.
 */
import { describe, expect, it } from 'vitest';
import { ln } from '../engine/detMath';
import { erlangC, run, scenario } from './helpers';

const LAMBDA = 1000; // offered queries per second, Poisson
const RATE = 400; // admitted per second
const BURST = 10;
const MEAN_MS = 3;
const MEASURED_S = 115;

describe('admission control', () => {
  const r = run(
    scenario({
      seed: 5,
      durationS: MEASURED_S + 5,
      warmupS: 5,
      workload: { rps: LAMBDA, writeRatio: 0, followUpReads: { ratio: 0 }, timeoutMs: 1e9 },
      queryService: {
        instances: 4,
        vcpus: 4,
        serviceTimeMs: { type: 'exponential', meanMs: MEAN_MS },
        memoryPerRequestMb: 0,
        admission: { rps: RATE, burst: BURST },
      },
      readStore: { replicas: 0, queryLatencyMs: 0, connectionsPerReplica: 10_000 },
      cache: { enabled: false },
    }),
  );
  const q = r.queries;

  it('caps throughput at the rate', () => {
    // With arrivals far above the rate the bucket is almost never full, so every token is used:
    // admitted = RATE x T, give or take the burst (10 of 46,000: 0.02%).
    expect(q.throughputRps).toBeGreaterThan(RATE * 0.995);
    expect(q.throughputRps).toBeLessThan(RATE * 1.005);
  });

  it('counts the excess as shed, its own cause', () => {
    expect(r.errors.shed).toBe(q.failed);
    expect(r.queryService.admission).toEqual({ shed: q.failed });
    // Offered ~ LAMBDA x T (Poisson: sd sqrt(115,000) = 340, 0.3%); shed = offered - admitted.
    const expected = (LAMBDA - RATE) * MEASURED_S;
    expect(Math.abs(r.errors.shed! - expected) / expected).toBeLessThan(0.02);
    expect(q.offered).toBe(q.completed + q.rejected + q.timedOut + q.failed + q.inFlight);
  });

  it('serves what it admits within the latency of an unloaded service', () => {
    // 400/s on 16 vCPUs of 3 ms is a load of 1.2 of 16: Erlang C gives a waiting probability of
    // ~1e-9, so latency is the service time alone: exponential, mean 3 ms, p99 = 3 ln 100 ms.
    expect(erlangC(16, (RATE * MEAN_MS) / 1000)).toBeLessThan(1e-6);
    // Standard error of the mean of 46,000 exponential samples: 3 / sqrt(46,000) = 0.014 ms.
    expect(Math.abs(q.latencyMs.mean - MEAN_MS)).toBeLessThan(5 * (MEAN_MS / Math.sqrt(q.completed)));
    // The histogram's relative error is within 2%; the sample p99 within ~2% more.
    expect(Math.abs(q.latencyMs.p99 / (MEAN_MS * ln(100)) - 1)).toBeLessThan(0.05);
    expect(r.queryService.queueWaitMs.p99).toBe(0);
  });
});
