/**
 * The speed yardstick's book-keeping loop (`bareMm1Kept`, bench/bare.ts) must keep the books the
 * engine's M/M/1 report shows, or the engine's ratio to it flatters or wrongs the engine. Here its
 * books are held against the report's: the same stages, in the same order, the run's figures at
 * M/M/1's closed form (λ = 0.8 per ms, μ = 1 per ms), and the last window's split adding up to
 * that window's own mean; a loop that skipped one of these books would fail.
 */
import { describe, expect, it } from 'vitest';
import { bareMm1Kept } from '../bench/bare';
import { mm1 } from '../bench/scenarios';
import { runScenario } from '../index';

/** E[S | T ≥ t] and E[W | T ≥ t] in M/M/1 (derived in stages.test.ts). */
function mm1Tail(lambda: number, mu: number, t: number): { wait: number; service: number } {
  const service = 1 / lambda - Math.exp(-lambda * t) * (1 / lambda - 1 / mu);
  return { wait: t + 1 / (mu - lambda) - service, service };
}

describe("the book-keeping loop's books", () => {
  const { books } = bareMm1Kept(400_000, 7);
  const report = runScenario(mm1(5));

  it("split the latency into the report's stages, by the engine's own sums", () => {
    expect(Object.keys(books.latency.stages)).toEqual(Object.keys(report.queries.latencyMs.stages));
    expect(Object.keys(books.latency.tailStages)).toEqual(Object.keys(report.queries.latencyMs.tailStages));
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum(books.latency.stages) - books.latency.mean)).toBeLessThan(1e-9 * books.latency.mean);
    expect(Math.abs(sum(books.latency.tailStages) - books.latency.tail.mean)).toBeLessThan(1e-9 * books.latency.tail.mean);
  });

  it("keep M/M/1's figures: waits, latency, its tail's stages, utilisation, customers in the system, windows", () => {
    // ρ = 0.8: Wq = 4 ms, W = 5 ms, L = 4, busy 0.8. The mean wait's asymptotic variance at
    // ρ = 0.8 is about 2,000 ms² a customer, so over 400,000 its standard error is 0.07 ms:
    // the bounds below are 5 of those.
    expect(books.served).toBe(400_000);
    expect(Math.abs(books.meanWaitMs - 4)).toBeLessThan(0.35);
    expect(Math.abs(books.latency.mean - 5)).toBeLessThan(0.35);
    expect(Math.abs(books.latency.stages.queueWait - 4)).toBeLessThan(0.35);
    expect(Math.abs(books.latency.stages.service - 1)).toBeLessThan(0.01);
    expect(books.latency.stages.cache + books.latency.stages.readConnWait + books.latency.stages.read).toBe(0);
    expect(Math.abs(books.busyShare - 0.8)).toBeLessThan(0.01);
    expect(Math.abs(books.meanInSystem - 4)).toBeLessThan(0.35);
    // The p99 of an exponential sojourn with rate 0.2 per ms is ln(100) / 0.2 = 23.0 ms; over
    // seeds 1 to 40 the loop's p99 has a standard deviation of about 0.75 ms.
    expect(Math.abs(books.latency.p99 - 23.03)).toBeLessThan(3.5);
    // Its tail (the p99's bucket and up) holds 1% to 1.25% of the customers, and its stages are
    // the conditional means at the tail's edge (about 4,000 customers in a few long busy periods).
    expect(books.latency.tail.count / books.served).toBeGreaterThanOrEqual(0.01);
    expect(books.latency.tail.count / books.served).toBeLessThan(0.0125);
    const exact = mm1Tail(0.8, 1, books.latency.tail.fromMs);
    expect(Math.abs(books.latency.tailStages.queueWait / exact.wait - 1)).toBeLessThan(0.08);
    expect(Math.abs(books.latency.tailStages.service / exact.service - 1)).toBeLessThan(0.15);
    // One window a simulated second: 400,000 customers at 0.8 per ms take about 500 s.
    expect(Math.abs(books.windows - 500)).toBeLessThan(10);
  });

  it("close each window with its percentiles and its split by stage, as the engine's windows do", () => {
    const w = books.lastWindow;
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(Object.keys(w.stages)).toEqual(Object.keys(report.queries.latencyMs.stages));
    // About 800 customers: a mean of a few ms, the p99 above it, each split adding up to its own mean.
    expect(w.mean).toBeGreaterThan(0.5);
    expect(w.p99).toBeGreaterThan(w.mean);
    expect(w.stages.service).toBeGreaterThan(0.5);
    expect(Math.abs(sum(w.stages) - w.mean)).toBeLessThan(1e-9 * w.mean);
    expect(w.tail.count).toBeGreaterThanOrEqual(8);
    expect(Math.abs(sum(w.tailStages) - w.tail.mean)).toBeLessThan(1e-9 * w.tail.mean);
  });
});
