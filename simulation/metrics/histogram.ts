/**
 * A streaming histogram with bounded relative error: logarithmic buckets 2% wide, so any
 * quantile it reports is within 1% of a value that was recorded (clamped to the exact min and
 * max). Memory is fixed whatever the number of samples; mean, min and max are exact.
 */
const GAMMA = 1.02;
const LOG_GAMMA = Math.log(GAMMA);
/** Values below this (in the histogram's unit, ms here) share bucket 0 and report as `min`. */
const FLOOR = 1e-3;
/** Buckets cover FLOOR .. FLOOR * GAMMA^(BUCKETS-1): about 1e-3 ms to 1e9 ms. */
const BUCKETS = 1400;

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export class Histogram {
  readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Infinity;
  max = 0;
  private lo = BUCKETS;
  private hi = -1;

  record(v: number): void {
    let i = 0;
    if (v >= FLOOR) {
      i = 1 + Math.floor(Math.log(v / FLOOR) / LOG_GAMMA);
      if (i >= BUCKETS) i = BUCKETS - 1;
    }
    this.counts[i]++;
    if (i < this.lo) this.lo = i;
    if (i > this.hi) this.hi = i;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  /** The q-quantile (nearest rank), 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = this.lo; i <= this.hi; i++) {
      seen += this.counts[i];
      if (seen >= rank) {
        // Geometric middle of the bucket, clamped to what was actually seen.
        const mid = i === 0 ? this.min : FLOOR * Math.pow(GAMMA, i - 0.5);
        return Math.min(this.max, Math.max(this.min, mid));
      }
    }
    return this.max;
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

  reset(): void {
    if (this.hi >= this.lo) this.counts.fill(0, this.lo, this.hi + 1);
    this.lo = BUCKETS;
    this.hi = -1;
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = 0;
  }
}
