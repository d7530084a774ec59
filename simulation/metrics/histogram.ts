/**
 * A streaming histogram with bounded relative error: log-linear buckets (as in HdrHistogram),
 * 64 per power of two, so any quantile it reports is within 0.8% of a value that was recorded
 * (and clamped to the exact min and max). Memory is fixed whatever the number of samples; mean,
 * min and max are exact. The bucket comes from the float's exponent and top mantissa bits, read
 * through a typed-array view: no logarithm on the hot path.
 */
import type { Summary } from '../types';
import { highWord, pow2 } from '../engine/detMath';

const SUB_BITS = 6;
const SUB = 1 << SUB_BITS;
/** Values below this (in the histogram's unit, ms here) share bucket 0 and report as `min`. */
const FLOOR = 1e-3;
/** 42 powers of two above FLOOR: up to about 4e9 ms. Larger values share the last bucket. */
const BUCKETS = 1 + 42 * SUB;

export function bucketOf(v: number): number {
  if (!(v >= FLOOR)) return 0;
  const hi = highWord(v / FLOOR);
  const i = 1 + ((hi >>> 20) - 1023) * SUB + ((hi & 0xfffff) >>> (20 - SUB_BITS));
  return i < BUCKETS ? i : BUCKETS - 1;
}

/** The least value bucket i holds (0 for bucket 0): FLOOR * 2^e * (1 + m / SUB). */
export function lowerEdgeOf(i: number): number {
  if (i <= 0) return 0;
  const e = Math.floor((i - 1) / SUB);
  const m = (i - 1) % SUB;
  return FLOOR * pow2(e) * (1 + m / SUB);
}

/** Buckets of every histogram (see `bucketOf`). */
export const HISTOGRAM_BUCKETS = BUCKETS;

/** The middle of bucket i (i >= 1). */
function middleOf(i: number): number {
  const e = Math.floor((i - 1) / SUB);
  const m = (i - 1) % SUB;
  return FLOOR * pow2(e) * (1 + (m + 0.5) / SUB);
}

export type { Summary };

/** Samples a histogram holds before it sorts them into its buckets (see `record`). */
const PENDING = 64;

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS);
  private n = 0;
  private total = 0;
  private least = Infinity;
  private most = 0;
  private lo = BUCKETS;
  private hi = -1;
  /** Samples recorded but not yet in the buckets and sums, in the order they came. */
  private readonly pending = new Float64Array(PENDING);
  private nPending = 0;

  /**
   * Records a sample. It only goes into a small buffer here, and into the buckets, count, sum,
   * min and max when the buffer is full or anything is read: a call this small is inlined on
   * the engine's hot path (a request records up to five samples), where the full update was not
   * and cost a call with a newly allocated number each time. Samples are added in the order they
   * came, so the sum is the same to the last bit.
   */
  record(v: number): void {
    const k = this.nPending;
    this.pending[k] = v;
    this.nPending = k + 1;
    if (k === PENDING - 1) this.flush();
  }

  /** Moves the buffered samples into the buckets and sums. */
  private flush(): void {
    const k = this.nPending;
    const pending = this.pending;
    const counts = this.counts;
    let lo = this.lo;
    let hi = this.hi;
    let sum = this.total;
    let min = this.least;
    let max = this.most;
    for (let j = 0; j < k; j++) {
      const v = pending[j];
      const i = bucketOf(v);
      counts[i]++;
      if (i < lo) lo = i;
      if (i > hi) hi = i;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    this.lo = lo;
    this.hi = hi;
    this.total = sum;
    this.least = min;
    this.most = max;
    this.n += k;
    this.nPending = 0;
  }

  /** Brings buffered samples in before anything is read. */
  private settled(): this {
    if (this.nPending > 0) this.flush();
    return this;
  }

  /** Samples recorded. */
  get count(): number {
    return this.settled().n;
  }

  /** Their sum, exact min and max (max 0 when empty). */
  get sum(): number {
    return this.settled().total;
  }

  get min(): number {
    return this.settled().least;
  }

  get max(): number {
    return this.settled().most;
  }

  /** The q-quantile (nearest rank), 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = this.lo; i <= this.hi; i++) {
      seen += this.counts[i];
      if (seen >= rank) return this.valueAt(i);
    }
    return this.max;
  }

  /**
   * The bucket the q-quantile (as `quantile` gives it) comes from, -1 when empty: the samples "at
   * or above" that quantile, for the tail's stages (`StageSums.tail`), are those of this bucket and
   * every bucket above it.
   */
  quantileBucket(q: number): number {
    if (this.count === 0) return -1;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = this.lo; i <= this.hi; i++) {
      seen += this.counts[i];
      if (seen >= rank) return i;
    }
    return this.hi;
  }

  /** The value a quantile in bucket i reports: the bucket's middle, clamped to what was actually seen. */
  private valueAt(i: number): number {
    return Math.min(this.max, Math.max(this.min, i === 0 ? this.min : middleOf(i)));
  }

  /**
   * The p50, p95 and p99 (as `quantile` gives them) in one pass over the buckets, into `out`:
   * each window closes two histograms per class, and a pass is up to 2,700 buckets.
   */
  percentiles(out: { p50: number; p95: number; p99: number }): void {
    if (this.count === 0) {
      out.p50 = out.p95 = out.p99 = 0;
      return;
    }
    const r50 = Math.max(1, Math.ceil(0.5 * this.count));
    const r95 = Math.max(1, Math.ceil(0.95 * this.count));
    const r99 = Math.max(1, Math.ceil(0.99 * this.count));
    out.p50 = out.p95 = out.p99 = this.max;
    let seen = 0;
    let i = this.lo;
    for (; i <= this.hi && seen + this.counts[i] < r50; i++) seen += this.counts[i];
    if (i <= this.hi) out.p50 = this.valueAt(i);
    for (; i <= this.hi && seen + this.counts[i] < r95; i++) seen += this.counts[i];
    if (i <= this.hi) out.p95 = this.valueAt(i);
    for (; i <= this.hi && seen + this.counts[i] < r99; i++) seen += this.counts[i];
    if (i <= this.hi) out.p99 = this.valueAt(i);
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  summary(): Summary {
    return {
      count: this.count,
      mean: this.mean,
      p50: this.quantile(0.5),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
      max: this.count === 0 ? 0 : this.max,
    };
  }

  /** Becomes what `other` is (as if it had been given the same samples in the same order). */
  copyFrom(other: Histogram): void {
    this.counts.set(other.counts);
    this.lo = other.lo;
    this.hi = other.hi;
    this.n = other.n;
    this.total = other.total;
    this.least = other.least;
    this.most = other.most;
    this.pending.set(other.pending);
    this.nPending = other.nPending;
  }

  /** Forgets every sample (buffered ones too). */
  reset(): void {
    if (this.hi >= this.lo) this.counts.fill(0, this.lo, this.hi + 1);
    this.lo = BUCKETS;
    this.hi = -1;
    this.n = 0;
    this.total = 0;
    this.least = Infinity;
    this.most = 0;
    this.nPending = 0;
  }
}
