/**
 * The circuit breaker in the clients of a service: a failing (slow) dependency opens it, its
 * fast-fails spare the service and the callers, and a half-open trial closes it after recovery.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, Simulation, type Report } from '../index';
import { scenario } from './helpers';

const LAMBDA = 200; // queries per second
const TIMEOUT_MS = 100;
/** Queries only, one query instance with 4 vCPUs (3 ms each), storage instant: the service is the dependency. */
function slowDependency(breaker: boolean) {
  return scenario({
    seed: 11,
    durationS: 60,
    warmupS: 5,
    workload: { rps: LAMBDA, writeRatio: 0, followUpReads: { ratio: 0 }, timeoutMs: TIMEOUT_MS },
    queryService: {
      instances: 1,
      vcpus: 4,
      serviceTimeMs: { type: 'exponential', meanMs: 3 },
      memoryPerRequestMb: 0,
      ...(breaker ? { circuitBreaker: { failureRatio: 0.5, window: 20, openS: 5, trials: 3 } } : {}),
    },
    readStore: { replicas: 0, queryLatencyMs: 0, connectionsPerReplica: 10_000 },
    cache: { enabled: false },
    // From 10 s to 30 s the instance is 200 times slower (600 ms a query): every attempt times out.
    faults: [{ atS: 10, kind: 'slow', target: 'queryService', instance: 0, factor: 200, forS: 20 }],
  });
}

function run(breaker: boolean): Report {
  const sim = new Simulation(slowDependency(breaker));
  sim.run();
  return buildReport(sim);
}

describe('circuit breaker', () => {
  const off = run(false);
  const on = run(true);

  it('a failing dependency opens the breaker; a half-open trial closes it after recovery', () => {
    const b = on.queryService.circuitBreaker!;
    expect(b.opened).toBeGreaterThanOrEqual(1);
    // Trials while the instance is still slow fail and reopen it; one after 30 s closes it for good.
    expect(b.closed).toBeGreaterThanOrEqual(1);
    expect(b.state).toBe('closed');
    expect(off.queryService.circuitBreaker).toBeUndefined();
    expect(off.errors.breakerOpen).toBeUndefined();
  });

  it('fails fast about every attempt of the slow spell, counted as its own cause', () => {
    // Open from shortly after 10 s (20 attempts at 200/s, half of them timed out: ~0.2 s) until a
    // trial after 30 s succeeds (at most one open period of 5 s later): 20 to 25 s of arrivals,
    // less the 3 trials per period. Poisson counts over 20 s have a standard deviation of ~63.
    const fastFails = on.queryService.circuitBreaker!.fastFails;
    expect(fastFails).toBeGreaterThan(LAMBDA * 19);
    expect(fastFails).toBeLessThan(LAMBDA * 25.5);
    expect(on.errors.breakerOpen).toBe(fastFails);
    expect(on.queries.failed).toBe(fastFails);
  });

  it('fast-fails save the callers and the service: far less in the system, far fewer timeouts', () => {
    // Without the breaker the slow instance holds 4 busy and 100 queued for the 20 s (about 104 x
    // 20 / 55 = 38 on average over the measured 55 s); callers that get in wait out their timeout
    // (the rest are rejected by the full queue). With it, only the trials (3 per 5 s) get in.
    expect(off.queries.meanInSystem).toBeGreaterThan(25);
    expect(on.queries.meanInSystem).toBeLessThan(off.queries.meanInSystem / 10);
    expect(on.queries.timedOut).toBeLessThan(off.queries.timedOut / 5);
    expect(on.errors.rejected).toBe(0);
    expect(on.queryService.utilization).toBeLessThan(off.queryService.utilization / 2);
    // Conservation holds with the new cause.
    const q = on.queries;
    expect(q.offered).toBe(q.completed + q.rejected + q.timedOut + q.failed + q.inFlight);
  });
});
