/**
 * Statistics of replications: means with Student-t confidence intervals, and paired differences
 * (common random numbers make two variants' runs of one seed positively correlated, so the
 * paired interval is narrower than the unpaired one).
 *
 * Only +, -, *, / and the engine's own `ln` and `exp`, so an interval is the same to the last
 * bit in Node and in the page (Math.log and Math.exp differ between hosts in their last bits).
 */
import { exp, ln } from '../engine/detMath';

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms: about 15 significant digits). */
function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return ln(Math.PI) - ln(Math.abs(sinPi(x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * ln(2 * Math.PI) + (z + 0.5) * ln(t) - t + ln(a);
}

/** sin(πx) by its Taylor series on a reduced argument (only needed for x < 0.5, never in practice). */
function sinPi(x: number): number {
  let r = x - 2 * Math.floor(x / 2); // [0, 2)
  let sign = 1;
  if (r > 1) {
    r -= 1;
    sign = -1;
  }
  const y = Math.PI * (r > 0.5 ? 1 - r : r);
  let term = y;
  let sum = y;
  for (let k = 1; k < 20; k++) {
    term *= (-y * y) / ((2 * k) * (2 * k + 1));
    sum += term;
  }
  return sign * sum;
}

/** The continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * ln(x) + b * ln(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T <= t) for Student's t with `df` degrees of freedom. */
export function studentCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

const quantiles = new Map<string, number>();

/** The p-quantile of Student's t with `df` degrees of freedom (p in (0.5, 1)), by bisection. */
export function studentQuantile(p: number, df: number): number {
  const key = `${p}/${df}`;
  const known = quantiles.get(key);
  if (known !== undefined) return known;
  let lo = 0;
  let hi = 1;
  while (studentCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  const q = (lo + hi) / 2;
  quantiles.set(key, q);
  return q;
}

/** A sample's mean and its 95% confidence interval (Student t); with one value the interval is 0 wide and `n` says so. */
export interface Estimate {
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1 in the denominator); 0 for one value. */
  sd: number;
  /** Half the width of the 95% interval: mean ± halfWidth. */
  halfWidth: number;
}

export function estimate(xs: readonly number[]): Estimate {
  const n = xs.length;
  if (n === 0) return { n: 0, mean: 0, sd: 0, halfWidth: 0 };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  if (n === 1) return { n, mean, sd: 0, halfWidth: 0 };
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  const sd = Math.sqrt(ss / (n - 1));
  return { n, mean, sd, halfWidth: (studentQuantile(0.975, n - 1) * sd) / Math.sqrt(n) };
}

/** B − A seed by seed (the same seeds: common random numbers), its interval, and whether it excludes 0. */
export interface Difference extends Estimate {
  /** The 95% interval of the paired difference leaves out 0: a difference larger than the noise. */
  significant: boolean;
}

export function pairedDifference(a: readonly number[], b: readonly number[]): Difference {
  if (a.length !== b.length) throw new Error('paired samples must have the same length');
  const e = estimate(a.map((x, i) => b[i] - x));
  return { ...e, significant: e.n > 1 && Math.abs(e.mean) > e.halfWidth };
}

/** The unpaired (Welch) interval of B − A, for comparison with the paired one. */
export function unpairedHalfWidth(a: readonly number[], b: readonly number[]): number {
  const ea = estimate(a);
  const eb = estimate(b);
  const va = (ea.sd * ea.sd) / ea.n;
  const vb = (eb.sd * eb.sd) / eb.n;
  const df = ((va + vb) * (va + vb)) / ((va * va) / (ea.n - 1) + (vb * vb) / (eb.n - 1));
  return df > 0 && Number.isFinite(df) ? studentQuantile(0.975, df) * Math.sqrt(va + vb) : 0;
}
