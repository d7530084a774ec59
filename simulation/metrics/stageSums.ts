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
  /** Where `add` puts the second set of additions when there is no second set of sums (never read). */
  private readonly scratch: Float64Array;
  private rows: Float64Array | null = null;
  private lo = HISTOGRAM_BUCKETS;
  /** The buckets with a sample, in the order they got their first (what `reset` clears). */
  private touched = new Int32Array(64);
  private nTouched = 0;
  /** The slots of the stages a record reads (the first `used`), as bits. */
  private readonly usedMask: number;
  /** By slot: the column a record adds that slot's time to (what `record`'s loop over a mask's bits needs). */
  private readonly column = new Int32Array(32);
  /**
   * By slot: the column that takes what rounding leaves over when a sample ended in that slot's
   * stage (the stage's own column; the last read stage's when the slot is not one of them).
   */
  private readonly openColumn = new Int32Array(32);
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
    this.scratch = new Float64Array(this.stride);
    let mask = 0;
    this.openColumn.fill(used + 1);
    for (let j = 0; j < used; j++) {
      const s = slots[j];
      if (!(s >= 0 && s < 32) || mask & (1 << s) || (j > 0 && s < slots[j - 1])) {
        throw new Error(`stage slots ${slots.join(',')}: each must be an integer in 0..31, once, in rising order`);
      }
      mask |= 1 << s;
      this.column[s] = j + 2;
      this.openColumn[s] = j + 2;
    }
    this.usedMask = mask;
  }

  /**
   * A sample whose value is at `vec[off + valueSlot]` and whose stages are at `vec[off + slot]`
   * (the value goes through the vector, not as an argument: see `S_VALUE` in stageSlots.ts);
   * `mask` has the bit `1 << slot` set for every stage whose time is not 0 (the others are 0 and
   * add nothing: x + 0 is x, to the bit). It ended in the stage at slot `open`, which takes what the
   * stages' sum misses of the value (rounding). `also`, when not null, gets the same sample (the
   * run's sums beside a window's: same stages, one pass for both).
   */
  record(vec: Float64Array, off: number, valueSlot: number, open: number, mask: number, also: StageSums | null = null): void {
    const b = bucketOf(vec[off + valueSlot]);
    if (also === null || (also !== this && also.usedMask === this.usedMask && also.used === this.used && also.stride === this.stride)) {
      this.add(also, vec, off, valueSlot, open, mask, b);
    } else {
      this.add(null, vec, off, valueSlot, open, mask, b);
      also.add(null, vec, off, valueSlot, open, mask, b);
    }
  }

  /**
   * `record` into these sums and, when `o` is not null, into `o`'s (same stages, same columns), in
   * one pass, the sample's bucket `b` found: into each sum the same additions in the same order as
   * a record into it alone. Only the stages in `mask` are read, in the order of their slots (the
   * order of the columns, so the sums are added in the same order as a loop over every stage that
   * skipped the zeros): most of a request's stages are 0. Without `o`, the second set of additions
   * goes to a scratch row that nothing reads, so that one loop serves both cases without a branch
   * in it (a record with `o` is the common one: a window's and the run's sums at once).
   */
  private add(o: StageSums | null, vec: Float64Array, off: number, valueSlot: number, open: number, mask: number, b: number): void {
    const v = vec[off + valueSlot];
    const base = b * this.stride;
    const rows = this.rows ?? (this.rows = new Float64Array(HISTOGRAM_BUCKETS * this.stride));
    const t = this.total;
    const ot = o === null ? this.scratch : o.total;
    const oRows = o === null ? this.scratch : (o.rows ??= new Float64Array(HISTOGRAM_BUCKETS * this.stride));
    const oBase = o === null ? 0 : base;
    const column = this.column;
    let sum = 0;
    let m = mask & this.usedMask;
    while (m !== 0) {
      const low = m & -m;
      m ^= low;
      const s = 31 - Math.clz32(low);
      const x = vec[off + s];
      const k = column[s];
      sum += x;
      t[k] += x;
      rows[base + k] += x;
      ot[k] += x;
      oRows[oBase + k] += x;
    }
    if (this.used > 0) {
      const c = this.openColumn[open];
      const rest = v - sum;
      t[c] += rest;
      rows[base + c] += rest;
      ot[c] += rest;
      oRows[oBase + c] += rest;
    }
    if (rows[base] === 0) this.touch(b);
    t[0]++;
    t[1] += v;
    rows[base]++;
    rows[base + 1] += v;
    if (b < this.lo) this.lo = b;
    if (b > this.hi) this.hi = b;
    if (o === null) return;
    if (oRows[base] === 0) o.touch(b);
    ot[0]++;
    ot[1] += v;
    oRows[base]++;
    oRows[base + 1] += v;
    if (b < o.lo) o.lo = b;
    if (b > o.hi) o.hi = b;
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
      const stride = this.stride;
      const touched = this.touched;
      // A loop, not rows.fill: a row is a dozen numbers, and fill is a call into the runtime each.
      for (let k = 0; k < this.nTouched; k++) {
        const base = touched[k] * stride;
        for (let j = 0; j < stride; j++) rows[base + j] = 0;
      }
    }
    this.nTouched = 0;
    this.lo = HISTOGRAM_BUCKETS;
    this.hi = -1;
  }
}
