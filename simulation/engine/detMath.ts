/**
 * Logarithm and exponential computed the same on every JavaScript engine.
 *
 * ECMAScript leaves Math.log, Math.exp and friends "implementation-approximated": Node 20 and
 * Chromium return different last bits for a few percent of arguments, which would make the same
 * scenario give different reports in the CLI and in the page. These use only +, -, *, / (exactly
 * rounded by IEEE 754, and JavaScript never fuses them) and reads of a float's bits, so they give
 * the same result everywhere, within about 1 ulp of the true value.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the high 32-bit word of a float64 in this host's byte order. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

// ln 2 split so that k * LN2_HI is exact for |k| < 2^11.
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;

/** The high 32 bits of a float64 (sign, exponent, top of the mantissa). */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[HI];
}

/** 2^k for every integer k in [-1074, 1023], built from bits once (no Math.pow). */
const POW2 = (() => {
  const t = new Float64Array(1023 + 1074 + 1);
  for (let k = -1022; k <= 1023; k++) {
    u32[HI] = (k + 1023) << 20;
    u32[LO] = 0;
    t[k + 1074] = f64[0];
  }
  // Subnormal powers: one mantissa bit each.
  for (let k = -1074; k < -1022; k++) {
    const bit = k + 1074; // 0..51
    u32[HI] = bit >= 32 ? 1 << (bit - 32) : 0;
    u32[LO] = bit < 32 ? (1 << bit) >>> 0 : 0;
    t[k + 1074] = f64[0];
  }
  return t;
})();

/** 2^k for an integer k in [-1074, 1023], exactly. */
export function pow2(k: number): number {
  return POW2[k + 1074];
}

/** The natural logarithm. */
export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    // Subnormal: scale into the normal range first (exact).
    x *= 18014398509481984; // 2^54
    k = -54;
  }
  // x = m * 2^k with m in [sqrt(1/2), sqrt(2)); the scaling by a power of two is exact.
  f64[0] = x;
  const e = u32[HI] >>> 20;
  k += e - 1023;
  let m = x * POW2[1074 + 1023 - e];
  if (m >= 1.4142135623730951) {
    m *= 0.5;
    k += 1;
  }
  // ln m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), s = (m - 1)/(m + 1), |s| <= 0.1716, so
  // z = s^2 <= 0.0295 and terms past z^10 are below 2^-55 of the result. Estrin's scheme keeps
  // the dependency chains short.
  const f = m - 1;
  const s = f / (m + 1);
  const z = s * s;
  const z2 = z * z;
  const z4 = z2 * z2;
  const a = 2 / 3 + z * (2 / 5);
  const b = 2 / 7 + z * (2 / 9);
  const c = 2 / 11 + z * (2 / 13);
  const d = 2 / 15 + z * (2 / 17);
  const g = 2 / 19 + z * (2 / 21);
  const series = z * (a + z2 * b + z4 * (c + z2 * d + z4 * g));
  // 2s = f - s f, computed so that the large part f is added last.
  return k * LN2_HI + (f - (s * f - s * series - k * LN2_LO));
}

/** e to the power x. */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  // x = k ln2 + r, |r| <= ln2 / 2.
  const k = Math.round(x * INV_LN2);
  const rHi = x - k * LN2_HI;
  const r = rHi - k * LN2_LO;
  // Taylor series of e^r to degree 14: the remainder is below 2^-60 for |r| <= 0.347.
  let p = 1 / 87178291200;
  p = 1 / 6227020800 + r * p;
  p = 1 / 479001600 + r * p;
  p = 1 / 39916800 + r * p;
  p = 1 / 3628800 + r * p;
  p = 1 / 362880 + r * p;
  p = 1 / 40320 + r * p;
  p = 1 / 5040 + r * p;
  p = 1 / 720 + r * p;
  p = 1 / 120 + r * p;
  p = 1 / 24 + r * p;
  p = 1 / 6 + r * p;
  p = 0.5 + r * p;
  const er = 1 + (r + r * r * p);
  return scale2(er, k);
}

/** y * 2^k, exactly unless the result under- or overflows (k an integer in [-1200, 1200]). */
function scale2(y: number, k: number): number {
  while (k > 1000) {
    y *= pow2(1000);
    k -= 1000;
  }
  while (k < -1000) {
    y *= pow2(-1000);
    k += 1000;
  }
  return y * pow2(k);
}

/** ln(1 + x), accurate for small x. */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  // The rounding error of 1 + x, corrected to first order.
  return ln(u) - (u - 1 - x) / u;
}

/** e^x - 1, accurate for small x. */
export function expm1(x: number): number {
  if (Math.abs(x) < 1e-5) return x + x * x * (0.5 + x / 6);
  const u = exp(x);
  if (u === Infinity) return Infinity;
  if (u === 1) return x;
  const um1 = u - 1;
  if (um1 === -1) return -1;
  return (um1 * x) / ln(u);
}
