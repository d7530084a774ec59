/**
 * Replication delivers changes to a replica in order, so a change waits for every earlier one:
 * with a random delay per change the lag grows with the write rate. Closed form, for changes
 * shipped as a Poisson stream of rate λ (commits at arrival: no service, write, append or apply
 * time) with exponential delays of mean m: a change is visible x after its commit when its own
 * delay is at most x and no earlier change (of age a) drew more than x + a; those are a Poisson
 * count of mean λ m e^(-x/m), so P(L ≤ x) = (1 - e^(-x/m)) exp(-λ m e^(-x/m)), and with u = e^(-x/m)
 * E[L] = m ∫0..1 (1 - (1 - u) e^(-λ m u)) / u du, about m (ln(λ m) + 0.577) when λ m is large.
 *
 * Successive lags are strongly correlated, so the tolerance comes from independent replications
 * (different seeds): 4 standard errors of their mean, and within 3% as well.
 */
import { describe, expect, it } from 'vitest';
import { replicate, run, scenario } from './helpers';

/** E[L] by the midpoint rule over u (the integrand is smooth and bounded on (0, 1]). */
function expectedLag(lambdaPerMs: number, meanMs: number): number {
  const c = lambdaPerMs * meanMs;
  const n = 100_000;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const u = (i + 0.5) / n;
    sum += (1 - (1 - u) * Math.exp(-c * u)) / u;
  }
  return (meanMs * sum) / n;
}

const lagRun = (rps: number, seed: number) =>
  run(
    scenario({
      seed,
      durationS: 65,
      warmupS: 5,
      workload: { rps, writeRatio: 1, followUpReads: { ratio: 0 } },
      commandService: { instances: 1, vcpus: 64, serviceTimeMs: 0, queueCapacity: 100_000 },
      writeStore: { writeLatencyMs: 0, connectionsPerShard: 10_000 },
      eventStream: { appendLatencyMs: 0, applyLatencyMs: 0, projectors: 8 },
      readStore: { replicas: 1, replicationLagMs: { type: 'exponential', meanMs: 30 } },
    }),
  ).replicaLagMs.mean;

describe('replica lag', () => {
  for (const rps of [100, 900]) {
    it(`in-order delivery of exponential delays (mean 30 ms) at ${rps} writes/s matches the closed form`, () => {
      const expected = expectedLag(rps / 1000, 30);
      const r = replicate(6, (seed) => lagRun(rps, seed));
      expect(Math.abs(r.mean - expected)).toBeLessThan(4 * r.se);
      expect(Math.abs(r.mean - expected) / expected).toBeLessThan(0.03);
    });
  }

  it('the closed form itself: 30 ms per change gives about 60 ms at 100 writes/s and 117 ms at 900', () => {
    expect(expectedLag(0.1, 30)).toBeCloseTo(60.17, 1);
    expect(expectedLag(0.9, 30)).toBeCloseTo(117.3, 1);
  });
});
