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
