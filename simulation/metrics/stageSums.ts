/**
 * Where the time of the samples of one histogram went, by stage: for each sample (a request's
 * latency, an event's lag) the vector of its stages' times is added to the sums of all samples and
 * to the sums of the histogram bucket the sample falls in. From these come, at any moment, the
 * mean time per stage over every sample (`stages`) and over the tail (`tailStages`): the samples in
 * the bucket the p99 comes from and every bucket above it (`Histogram.quantileBucket`).
 *
 * Exact by construction: each sample's stages are made to add up to the sample (what rounding of
 * the stage differences leaves over goes to the stage the sample ended in), so the means add up to
 * the histogram's mean, and to the tail's mean, to rounding. Memory is fixed: one row of sums per
 * histogram bucket (allocated at the first sample), whatever the number of samples.
 */
import { bucketOf, HISTOGRAM_BUCKETS, lowerEdgeOf, type Histogram } from './histogram';

/** What a summary gains: the mean per stage of all its samples and of its tail, and the tail itself. */
export interface StageSplit {
  /** Mean ms per stage over the samples the summary covers; they add up to its `mean`. */
  stages: Record<string, number>;
  /** Mean ms per stage over the tail (`tail`); they add up to `tail.mean`. */
  tailStages: Record<string, number>;
  /**
   * The tail: the samples in the histogram bucket the p99 comes from and above, that is every
   * sample of at least `fromMs` (the bucket's lower edge), so `count` is at least 1% of them;
   * `mean` is their mean.
   */
  tail: { count: number; mean: number; fromMs: number };
}

export class StageSums {
  /** Columns: 0 the count, 1 the samples' sum, then one per stage. */
  private readonly stride: number;
  private readonly total: Float64Array;
  /** `split`'s sums over the tail's buckets (kept, so that a split allocates no array). */
  private readonly tailSums: Float64Array;
  private rows: Float64Array | null = null;
  private lo = HISTOGRAM_BUCKETS;
  /** The buckets with a sample, in the order they got their first (what `reset` clears). */
  private touched = new Int32Array(64);
  private nTouched = 0;
  /** Where each stage is in the vectors handed to `record`. */
  private readonly slots: Int32Array;
  private hi = -1;

  /**
   * `ids` and `slots`: the summary's stages and where each is in the vectors handed to `record`,
   * `used`: how many of them (from the first) a record reads; the others stay 0 (an attempt's sums
   * laid out as its client's, so that one can become a copy of the other).
   */
  constructor(
    readonly ids: readonly string[],
    slots: readonly number[],
    readonly used = slots.length,
  ) {
    this.stride = ids.length + 2;
    this.total = new Float64Array(this.stride);
    this.tailSums = new Float64Array(this.stride);
    this.slots = Int32Array.from(slots);
  }

  /**
   * A sample whose value is at `vec[off + valueSlot]` and whose stages are at `vec[off + slot]`
   * (the value goes through the vector, not as an argument: see `S_VALUE` in stageSlots.ts); it
   * ended in the stage at slot `open`, which takes what the stages' sum misses of the value
   * (rounding). `also`, when not null, gets the same sample (the run's sums beside a window's:
   * same stages, one pass for both).
   */
  record(vec: Float64Array, off: number, valueSlot: number, open: number, also: StageSums | null = null): void {
    const b = bucketOf(vec[off + valueSlot]);
    this.add(vec, off, valueSlot, open, b);
    if (also !== null) also.add(vec, off, valueSlot, open, b);
  }

  /**
   * `record` into these sums, the sample's bucket `b` found. A stage of 0 adds nothing to any sum
   * (x + 0 is x, to the bit), so it is skipped: most of a request's stages are 0.
   */
  private add(vec: Float64Array, off: number, valueSlot: number, open: number, b: number): void {
    const v = vec[off + valueSlot];
    const stride = this.stride;
    const base = b * stride;
    const rows = this.rows ?? (this.rows = new Float64Array(HISTOGRAM_BUCKETS * stride));
    const t = this.total;
    const slots = this.slots;
    const used = this.used;
    let sum = 0;
    let c = used + 1;
    for (let j = 0; j < used; j++) {
      const s = slots[j];
      if (s === open) c = j + 2;
      const x = vec[off + s];
      if (x !== 0) {
        sum += x;
        t[j + 2] += x;
        rows[base + j + 2] += x;
      }
    }
    if (used > 0) {
      const rest = v - sum;
      t[c] += rest;
      rows[base + c] += rest;
    }
    if (rows[base] === 0) this.touch(b);
    t[0]++;
    t[1] += v;
    rows[base]++;
    rows[base + 1] += v;
    if (b < this.lo) this.lo = b;
    if (b > this.hi) this.hi = b;
  }

  private touch(b: number): void {
    if (this.nTouched === this.touched.length) {
      const more = new Int32Array(this.touched.length * 2);
      more.set(this.touched);
      this.touched = more;
    }
    this.touched[this.nTouched++] = b;
  }

  /** Samples recorded. */
  get count(): number {
    return this.total[0];
  }

  /**
   * The means over every sample and over the tail of `h`, the histogram of the same samples. Runs
   * every window for every summary: plain loops, no closure and no array per call.
   */
  split(h: Histogram): StageSplit {
    const stages: Record<string, number> = {};
    const tailStages: Record<string, number> = {};
    const n = this.total[0];
    const stride = this.stride;
    const tail = this.tailSums;
    tail.fill(0);
    const from = h.quantileBucket(0.99);
    const rows = this.rows;
    if (rows !== null && from >= 0) {
      for (let b = Math.max(from, this.lo); b <= this.hi; b++) {
        const base = b * stride;
        for (let j = 0; j < stride; j++) tail[j] += rows[base + j];
      }
    }
    const m = tail[0];
    const ids = this.ids;
    for (let j = 0; j < ids.length; j++) {
      // A stage only rounding touched may sum to -1e-17: shown as 0.
      stages[ids[j]] = n > 0 ? Math.max(0, this.total[j + 2] / n) : 0;
      tailStages[ids[j]] = m > 0 ? Math.max(0, tail[j + 2] / m) : 0;
    }
    return { stages, tailStages, tail: { count: m, mean: m > 0 ? tail[1] / m : 0, fromMs: from >= 0 ? lowerEdgeOf(from) : 0 } };
  }

  /** Becomes what `other` is; `other` has the same stages (it may read fewer of them). */
  copyFrom(other: StageSums): void {
    this.total.set(other.total);
    if (other.rows !== null) (this.rows ??= new Float64Array(HISTOGRAM_BUCKETS * this.stride)).set(other.rows);
    else this.rows?.fill(0);
    this.lo = other.lo;
    this.hi = other.hi;
    this.touched = other.touched.slice();
    this.nTouched = other.nTouched;
  }

  /** Forgets every sample. */
  reset(): void {
    this.total.fill(0);
    // Only the rows that hold something: a window's samples touch few of the buckets between its least and its most.
    const rows = this.rows;
    if (rows !== null) {
      for (let k = 0; k < this.nTouched; k++) {
        const base = this.touched[k] * this.stride;
        rows.fill(0, base, base + this.stride);
      }
    }
    this.nTouched = 0;
    this.lo = HISTOGRAM_BUCKETS;
    this.hi = -1;
  }
}
