import { describe, expect, it } from 'vitest';
import { EventQueue } from '../engine/eventQueue';
import { stream } from '../engine/random';
import { Zipf } from '../engine/zipf';
import { Histogram } from '../metrics/histogram';
import { RateProfile } from '../model/rateProfile';

describe('EventQueue', () => {
  it('eventQueue.pop() returns events in time order and breaks ties by insertion order', () => {
    const q = new EventQueue(2);
    const input: [number, number, number][] = [];
    const u = stream(1, 'test');
    for (let i = 0; i < 2000; i++) input.push([Math.floor(u.next() * 50), i % 64, i]);
    for (const [t, k, a] of input) q.push(t, k, a);
    const out: [number, number, number][] = [];
    while (q.pop()) out.push([q.time, q.kind, q.arg]);
    const expected = [...input].sort((x, y) => x[0] - y[0] || x[2] - y[2]);
    expect(out).toEqual(expected);
  });
});

describe('Histogram', () => {
  it('histogram.quantile() is within 1% of the exact quantile', () => {
    const h = new Histogram();
    const u = stream(2, 'h');
    const xs: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const x = -10 * Math.log(1 - u.next());
      xs.push(x);
      h.record(x);
    }
    xs.sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = xs[Math.ceil(q * xs.length) - 1];
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(0.0101);
    }
    expect(h.mean).toBeCloseTo(xs.reduce((a, b) => a + b) / xs.length, 9);
    expect(h.max).toBe(xs[xs.length - 1]);
  });
});

describe('Zipf', () => {
  it('Zipf(n, s) draws ranks with probability proportional to k^-s', () => {
    for (const s of [0.8, 1, 1.1, 2]) {
      const n = 50;
      const zipf = new Zipf(n, s, stream(3, `zipf${s}`));
      const counts = new Array(n + 1).fill(0);
      const N = 200_000;
      for (let i = 0; i < N; i++) counts[zipf.next()]++;
      const w = Array.from({ length: n }, (_, i) => (i + 1) ** -s);
      const total = w.reduce((a, b) => a + b);
      // Pearson chi-square with 49 degrees of freedom: the 99.9th percentile is 85.4.
      let chi2 = 0;
      for (let k = 1; k <= n; k++) {
        const e = (N * w[k - 1]) / total;
        chi2 += (counts[k] - e) ** 2 / e;
      }
      expect(chi2, `s = ${s}`).toBeLessThan(85.4);
      expect(counts[0]).toBe(0);
    }
  });
});

describe('RateProfile', () => {
  it('rateProfile.next() produces as many arrivals as the integral of the rate', () => {
    // 100/s for 10 s, a 10 s ramp to 300/s, then 300/s for 10 s: 1000 + 2000 + 3000 = 6000.
    const p = new RateProfile({
      rps: 0,
      profile: [
        { atS: 0, rps: 100, rampS: 0 },
        { atS: 10, rps: 300, rampS: 10 },
      ],
      arrivals: 'deterministic',
      writeRatio: 0,
      keys: { count: 1, distribution: 'uniform', zipfS: 1 },
      followUpReads: { ratio: 0, afterMs: 0 },
      timeoutMs: 1,
      retries: { max: 0, backoffMs: 0, jitter: 0, keepServiceTime: false },
    });
    // With unit gaps of cumulative rate, the n-th arrival is where the integral reaches n; count
    // at times between arrivals (the 1000th falls on 10 s exactly, the next ~10 ms later).
    const times: number[] = [];
    for (let t = p.next(0, 1); t < 31_000; t = p.next(t, 1)) times.push(t);
    const before = (ms: number) => times.filter((t) => t < ms).length;
    expect(before(10_005)).toBe(1000);
    expect(before(20_001.5)).toBe(3000);
    expect(before(30_001.5)).toBe(6000);
    expect(p.rpsAt(15_000)).toBeCloseTo(200, 9);
  });
});
