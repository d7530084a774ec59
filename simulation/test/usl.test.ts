/**
 * Vertical scaling's limits: the Universal Scalability Law within one instance, its price, and
 * one instance as one failure domain.
 *
 * The throughput test keeps one instance saturated (arrivals at twice its capacity, a queue
 * that never empties) and counts completions over 30 s. Each of the N vCPUs then finishes
 * requests back to back, each taking an exponential time of mean S × slowdown(N), so the count
 * is Poisson with mean 30 s × C(N) / S: the tolerance is 4 of its standard deviations, sqrt(mean)
 * (a false alarm about once in 16,000 runs if the model is right).
 */
import { describe, expect, it } from 'vitest';
import { priceFactor, uslCapacity } from '../model/usl';
import { Simulation } from '../index';
import { DEFAULT_COHERENCY, DEFAULT_CONTENTION } from '../scenario';
import { run, scenario } from './helpers';

const query = (service: Record<string, unknown>, rps: number, over: Record<string, unknown> = {}) =>
  scenario({
    durationS: 35,
    warmupS: 5,
    workload: { rps, writeRatio: 0, followUpReads: { ratio: 0 }, timeoutMs: 1e9 },
    queryService: { queueCapacity: 200, serviceTimeMs: { type: 'exponential', meanMs: 1 }, memoryPerRequestMb: 0, ...service },
    readStore: { replicas: 0, queryLatencyMs: 0, connectionsPerReplica: 10_000 },
    cache: { enabled: false },
    ...over,
  });

/** Queries completed in the windows after warm-up (by the time they completed). */
function completedAfterWarmup(sim: Simulation): number {
  sim.runUntil(35_000);
  return sim
    .drainWindows()
    .filter((w) => w.tS > 5)
    .reduce((a, w) => a + w.queries.completed, 0);
}

describe('the Universal Scalability Law within one instance', () => {
  it('uslCapacity() is the closed form, and the defaults make 16 x 4 vCPUs beat 1 x 64 by far', () => {
    expect(uslCapacity(1, 0.3, 0.01)).toBe(1);
    expect(uslCapacity(8, 0.05, 0.002)).toBeCloseTo(8 / (1 + 0.05 * 7 + 0.002 * 56), 12);
    const four = uslCapacity(4, DEFAULT_CONTENTION, DEFAULT_COHERENCY);
    const big = uslCapacity(64, DEFAULT_CONTENTION, DEFAULT_COHERENCY);
    expect(16 * four).toBeGreaterThan(2 * big);
  });

  for (const vcpus of [1, 4, 16, 64]) {
    it(`a saturated instance of ${vcpus} vCPUs completes C(N)/S requests per ms (default σ and κ)`, () => {
      const c = uslCapacity(vcpus, DEFAULT_CONTENTION, DEFAULT_COHERENCY);
      const sim = new Simulation(query({ instances: 1, vcpus }, 2 * 1000 * c));
      const expected = 30_000 * c; // 30 s at C(N) per ms, S = 1 ms
      expect(Math.abs(completedAfterWarmup(sim) - expected)).toBeLessThan(4 * Math.sqrt(expected));
    });
  }

  it('with σ = κ = 0 an instance is an ideal machine: N vCPUs give N times one', () => {
    const sim = new Simulation(query({ instances: 1, vcpus: 16, contention: 0, coherency: 0 }, 32_000));
    expect(Math.abs(completedAfterWarmup(sim) - 30_000 * 16)).toBeLessThan(4 * Math.sqrt(30_000 * 16));
  });

  it('past its peak, more vCPUs in one instance deliver less (coherency)', () => {
    const sigma = 0.05;
    const kappa = 0.01; // peak at sqrt((1 - σ) / κ) ≈ 9.7 vCPUs
    const done = (vcpus: number) =>
      completedAfterWarmup(new Simulation(query({ instances: 1, vcpus, contention: sigma, coherency: kappa }, 20_000)));
    const at10 = done(10);
    const at40 = done(40);
    expect(at40).toBeLessThan(0.6 * at10);
    expect(Math.abs(at40 - 30_000 * uslCapacity(40, sigma, kappa))).toBeLessThan(4 * Math.sqrt(at40));
  });
});

describe('the price and the failure domain of a big instance', () => {
  it('priceFactor(): base price up to 4 vCPUs, then the premium for each doubling', () => {
    expect(priceFactor(2, 0.1)).toBe(1);
    expect(priceFactor(4, 0.1)).toBe(1);
    expect(priceFactor(16, 0.1)).toBeCloseTo(1.2, 12);
    expect(priceFactor(64, 0.1)).toBeCloseTo(1.4, 12);
  });

  it('one 64-vCPU instance costs more than 16 of 4, and at 30,000 queries/s rejects what they serve', () => {
    const big = run(query({ instances: 1, vcpus: 64 }, 30_000));
    const small = run(query({ instances: 16, vcpus: 4 }, 30_000));
    // Same vCPU-hours, 1.4x the price per vCPU-hour (default premium 0.1, four doublings above 4).
    expect(big.queryService.cost.vcpuHours).toBeCloseTo(small.queryService.cost.vcpuHours, 9);
    expect(big.queryService.cost.usd / small.queryService.cost.usd).toBeCloseTo(1.4, 9);
    // 30 queries per ms against C(64) ≈ 24 and 16 x C(4) ≈ 60.
    expect(big.queries.rejected / big.queries.offered).toBeGreaterThan(0.1);
    expect(small.queries.rejected).toBe(0);
  });

  it('one instance is one failure domain: its crash takes all its capacity, one of 16 takes a sixteenth', () => {
    const crash = { faults: [{ atS: 10, kind: 'crash', target: 'queryService', instance: 0, forS: 10 }] };
    const served = (service: Record<string, unknown>) => {
      const sim = new Simulation(query(service, 5000, crash));
      sim.runUntil(35_000);
      const w = sim.drainWindows();
      const during = w.filter((x) => x.tS > 11 && x.tS <= 20).reduce((a, x) => a + x.queries.completed, 0);
      const before = w.filter((x) => x.tS > 1 && x.tS <= 10).reduce((a, x) => a + x.queries.completed, 0);
      return during / before;
    };
    expect(served({ instances: 1, vcpus: 64 })).toBe(0);
    expect(served({ instances: 16, vcpus: 4 })).toBeGreaterThan(0.9);
  });
});
