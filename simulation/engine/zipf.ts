/**
 * Zipf-distributed ranks in [1, n] with P(k) proportional to k^-s, for any s > 0, in O(1) time
 * and memory per draw: rejection-inversion (Hörmann and Derflinger, 1996), the method used by
 * Apache Commons RNG.
 */
import { exp, expm1, ln, log1p } from './detMath';
import type { Uniform } from './random';

function helper1(x: number): number {
  return Math.abs(x) > 1e-8 ? log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

function helper2(x: number): number {
  return Math.abs(x) > 1e-8 ? expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}

/** Draws ranks in [1, n] with P(k) proportional to k^-s from `u` (`next`). */
export class Zipf {
  private readonly hX1: number;
  private readonly hN: number;
  private readonly squeeze: number;

  constructor(
    private readonly n: number,
    private readonly s: number,
    private readonly u: Uniform,
  ) {
    this.hX1 = this.hIntegral(1.5) - 1;
    this.hN = this.hIntegral(n + 0.5);
    this.squeeze = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  next(): number {
    const n = this.n;
    for (;;) {
      const v = this.hN + this.u.next() * (this.hX1 - this.hN);
      const x = this.hIntegralInverse(v);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > n) k = n;
      if (k - x <= this.squeeze || v >= this.hIntegral(k + 0.5) - this.h(k)) return k;
    }
  }

  private h(x: number): number {
    return exp(-this.s * ln(x));
  }

  private hIntegral(x: number): number {
    const logX = ln(x);
    return helper2((1 - this.s) * logX) * logX;
  }

  private hIntegralInverse(x: number): number {
    let t = x * (1 - this.s);
    if (t < -1) t = -1; // guard against rounding
    return exp(helper1(t) * x);
  }
}
