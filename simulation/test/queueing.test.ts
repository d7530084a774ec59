/**
 * The query path as a pure queue, against closed forms. Each check uses independent
 * replications (different seeds): the tolerance is 4 standard errors of the mean across
 * replications (a false alarm about once in 16,000 runs if the model is right), and the
 * estimate must also be within a few percent, so a noisy model cannot pass by being noisy.
 */
import { describe, expect, it } from 'vitest';
import { erlangC, mmc, replicate, run } from './helpers';

describe('queryService as a queue', () => {
  it('M/M/1: mean queue wait is rho/(mu - lambda) and the sojourn p99 is ln(100)/(mu - lambda)', () => {
    // lambda = 500/s, mean service 1 ms (mu = 1000/s): rho = 0.5, Wq = 1 ms, W ~ Exp(0.5/ms).
    const wait = replicate(8, (seed) => run(mmc(1, 500, 1, seed, 300)).queryService.queueWaitMs.mean);
    expect(Math.abs(wait.mean - 1)).toBeLessThan(Math.max(4 * wait.se, 0.005));
    expect(Math.abs(wait.mean - 1)).toBeLessThan(0.04);

    // Sampling error of a p99 from n = 150k sojourns: sqrt(p(1-p)/n) / f(q99), with the density
    // f(q99) = 0.01 x 0.5/ms, is 0.05 ms (0.6%) for independent samples; autocorrelation at rho 0.5
    // roughly triples that, and averaging 4 runs halves it (~0.9%). The histogram adds at most
    // 0.8%. 4% is about 3 to 4 of those combined standard deviations.
    const p99 = replicate(4, (seed) => run(mmc(1, 500, 1, seed, 300)).queries.latencyMs.p99);
    const expected = Math.log(100) / 0.5;
    expect(Math.abs(p99.mean - expected) / expected).toBeLessThan(0.04);
  });

  it('M/M/c: mean queue wait follows Erlang C and utilisation is lambda/(c mu)', () => {
    // c = 4, lambda = 3000/s, mean service 1 ms: a = 3, rho = 0.75.
    const c = 4;
    const a = 3;
    const expectedWait = erlangC(c, a) / (c * 1 - a); // ms, with mu = 1/ms
    const reports = Array.from({ length: 6 }, (_, i) => run(mmc(c, 3000, 1, 2000 + i, 150)));
    const waits = reports.map((r) => r.queryService.queueWaitMs.mean);
    const mean = waits.reduce((x, y) => x + y) / waits.length;
    const se = Math.sqrt(waits.reduce((x, y) => x + (y - mean) ** 2, 0) / (waits.length - 1) / waits.length);
    expect(expectedWait).toBeCloseTo(0.5094, 3); // the formula itself, checked by hand
    expect(Math.abs(mean - expectedWait)).toBeLessThan(Math.max(4 * se, 0.01));
    expect(Math.abs(mean - expectedWait) / expectedWait).toBeLessThan(0.05);
    for (const r of reports) expect(r.queryService.utilization).toBeGreaterThan(0.74);
    for (const r of reports) expect(r.queryService.utilization).toBeLessThan(0.76);
  });

  it("Little's law: mean number in the system equals throughput times mean latency", () => {
    const r = run(mmc(2, 1500, 1, 7, 200));
    const l = r.queries.meanInSystem;
    const lambdaW = (r.queries.throughputRps / 1000) * r.queries.latencyMs.mean;
    // Both sides come from the same run; they differ only by edge effects at warm-up and end.
    expect(Math.abs(l - lambdaW) / lambdaW).toBeLessThan(0.01);
    // And L itself matches M/M/2 with a = 1.5: L = a + C(2, a) a / (2 - a).
    const expectedL = 1.5 + (erlangC(2, 1.5) * 1.5) / (2 - 1.5);
    expect(Math.abs(l - expectedL) / expectedL).toBeLessThan(0.05);
  });

  it('a full queue rejects: M/M/1/K loses the fraction given by the closed form', () => {
    // M/M/1 with room for K = 1 + queueCapacity: P(block) = (1 - rho) rho^K / (1 - rho^(K+1)).
    const rho = 0.9;
    const K = 1 + 4;
    const expected = ((1 - rho) * rho ** K) / (1 - rho ** (K + 1));
    const s = mmc(1, 900, 1, 3, 300);
    s.queryService.queueCapacity = 4;
    const r = run(s);
    const blocked = r.queries.rejected / r.queries.offered;
    // Binomial-ish standard error sqrt(p(1-p)/n) ~ 0.0007 at n = 250k; allow 0.005 for correlation.
    expect(Math.abs(blocked - expected)).toBeLessThan(0.005);
  });
});
