import { describe, expect, it } from 'vitest';
import { exp, expm1, ln, log1p, pow2 } from '../engine/detMath';
import { stream } from '../engine/random';

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const buf = new Float64Array([a, b]);
  const ints = new BigInt64Array(buf.buffer);
  return Number(ints[0] > ints[1] ? ints[0] - ints[1] : ints[1] - ints[0]);
}

describe('detMath', () => {
  it('ln(x) is within 2 ulp of Math.log over the doubles the model uses', () => {
    const u = stream(1, 'ln');
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      // Magnitudes from 1e-300 to 1e300, and the uniform (0, 1] draws of the samplers.
      const x = i % 2 === 0 ? 1 - u.next() : Math.pow(10, 600 * u.next() - 300);
      const a = ln(x);
      const b = Math.log(x);
      if (Math.abs(b) > 1e-300) worst = Math.max(worst, ulps(a, b));
    }
    expect(worst).toBeLessThanOrEqual(2);
    expect(ln(1)).toBe(0);
    expect(ln(0)).toBe(-Infinity);
    expect(Number.isNaN(ln(-1))).toBe(true);
    expect(ln(Infinity)).toBe(Infinity);
    expect(ln(5e-324)).toBeCloseTo(-744.44007192138126, 10);
  });

  it('exp(x) is within 2 ulp of Math.exp from -745 to 709', () => {
    const u = stream(2, 'exp');
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = i % 2 === 0 ? 40 * u.next() - 20 : 1400 * u.next() - 700;
      worst = Math.max(worst, ulps(exp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThanOrEqual(2);
    expect(exp(0)).toBe(1);
    expect(exp(1000)).toBe(Infinity);
    expect(exp(-1000)).toBe(0);
  });

  it('log1p and expm1 keep their precision near 0', () => {
    for (const x of [1e-12, -3e-9, 1e-6, 0.25, -0.5, 3]) {
      expect(Math.abs(log1p(x) - Math.log1p(x)) / Math.abs(Math.log1p(x))).toBeLessThan(1e-14);
      expect(Math.abs(expm1(x) - Math.expm1(x)) / Math.abs(Math.expm1(x))).toBeLessThan(1e-14);
    }
  });

  it('pow2(k) is exactly 2^k across the range, subnormals included', () => {
    for (let k = -1074; k <= 1023; k++) expect(pow2(k)).toBe(2 ** k);
  });

  it('results are fixed bit patterns (the same in every engine)', () => {
    // Golden values: if these change, reports change with them.
    const bits = (x: number) => new BigUint64Array(new Float64Array([x]).buffer)[0].toString(16);
    expect(bits(ln(0.3))).toBe(bits(-1.2039728043259361));
    expect(bits(exp(-2.5))).toBe(bits(0.0820849986238988));
  });
});
