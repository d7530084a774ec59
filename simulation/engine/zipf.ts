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

export function zipfSampler(n: number, s: number, u: Uniform): () => number {
  const h = (x: number) => exp(-s * ln(x));
  const hIntegral = (x: number) => {
    const logX = ln(x);
    return helper2((1 - s) * logX) * logX;
  };
  const hIntegralInverse = (x: number) => {
    let t = x * (1 - s);
    if (t < -1) t = -1; // guard against rounding
    return exp(helper1(t) * x);
  };
  const hX1 = hIntegral(1.5) - 1;
  const hN = hIntegral(n + 0.5);
  const squeeze = 2 - hIntegralInverse(hIntegral(2.5) - h(2));
  return () => {
    for (;;) {
      const v = hN + u() * (hX1 - hN);
      const x = hIntegralInverse(v);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > n) k = n;
      if (k - x <= squeeze || v >= hIntegral(k + 0.5) - h(k)) return k;
    }
  };
}
