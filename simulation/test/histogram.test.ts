/** The streaming histogram's one-pass percentiles against its own quantile(). */
import { describe, expect, it } from 'vitest';
import { Histogram } from '../metrics/histogram';

describe('Histogram.percentiles()', () => {
  it('gives in one pass what quantile() gives for p50, p95 and p99', () => {
    const h = new Histogram();
    const out = { p50: -1, p95: -1, p99: -1 };
    h.percentiles(out);
    expect(out).toEqual({ p50: 0, p95: 0, p99: 0 });
    let x = 12345;
    for (let n = 1; n <= 3000; n++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      h.record((x / 2147483648) ** 3 * 500 + (n % 7 === 0 ? 0 : 0.0005));
      if (n % 37 === 1 || n < 5) {
        h.percentiles(out);
        expect(out).toEqual({ p50: h.quantile(0.5), p95: h.quantile(0.95), p99: h.quantile(0.99) });
      }
    }
  });
});

describe('Histogram.record()', () => {
  it('gives the exact count, sum (added in order), min and max whenever they are read, across its buffer and resets', () => {
    const h = new Histogram();
    const other = new Histogram();
    let xs: number[] = [];
    let x = 777;
    const reads = new Set([1, 2, 62, 63, 64, 65, 127, 128, 129, 500, 999]);
    for (let n = 1; n <= 1000; n++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const v = (x / 2147483648) * 100 - (n % 11 === 0 ? 1 : 0);
      h.record(v);
      other.record(v);
      xs.push(v);
      if (reads.has(n) || n % 37 === 0) {
        expect(h.count).toBe(xs.length);
        expect(h.sum).toBe(xs.reduce((a, b) => a + b, 0));
        expect(h.min).toBe(Math.min(...xs));
        expect(h.max).toBe(Math.max(0, ...xs));
      }
      if (n === 700) {
        h.reset();
        xs = [];
        expect(h.count).toBe(0);
        expect(h.summary()).toEqual({ count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
      }
    }
    // A histogram read after every sample ends with the same figures as one read only at the end.
    const probed = new Histogram();
    const out = { p50: 0, p95: 0, p99: 0 };
    x = 777;
    for (let n = 1; n <= 1000; n++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      probed.record((x / 2147483648) * 100 - (n % 11 === 0 ? 1 : 0));
      probed.percentiles(out);
    }
    expect(other.count).toBe(1000);
    expect(probed.summary()).toEqual(other.summary());
  });
});
