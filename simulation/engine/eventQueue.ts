import { grown } from './grown';

/**
 * The event calendar: a binary min-heap ordered by (time, sequence number).
 *
 * Ties in time break by insertion order, so a run never depends on heap internals. Entries are
 * stored in parallel typed arrays (no object per event) and the arrays grow by doubling, so
 * memory is bounded by the number of pending events. Each entry carries a small integer `kind`
 * and two int32 arguments `arg` and `arg2`, kept in integer arrays so that reading them back never
 * boxes a float (which would make every event allocate). Two arguments mean no event needs to
 * pack two numbers into one: each argument is a plain id or count, each below 2^31 (ids come
 * from pools that the run limits of `limits.ts` keep far below that).
 */
export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Uint8Array;
  private args: Int32Array;
  private args2: Int32Array;
  private n = 0;
  private nextSeq = 0;

  /** Set by `pop()`: the popped event's time in ms, kind and argument. */
  time = 0;
  kind = 0;
  arg = 0;
  arg2 = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.kinds = new Uint8Array(initialCapacity);
    this.args = new Int32Array(initialCapacity);
    this.args2 = new Int32Array(initialCapacity);
  }

  /** Number of pending events. */
  get size(): number {
    return this.n;
  }

  /** Time of the earliest pending event, or Infinity when empty. */
  peekTime(): number {
    return this.n === 0 ? Infinity : this.times[0];
  }

  /** Schedules an event. `kind` must be in [0, 256); `arg` and `arg2` integers in [0, 2^31). */
  push(timeMs: number, kind: number, arg: number, arg2 = 0): void {
    if (this.n === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const args = this.args;
    const args2 = this.args2;
    // Sift the hole up from the end.
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt < timeMs || (pt === timeMs && seqs[p] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p];
      kinds[i] = kinds[p];
      args[i] = args[p];
      args2[i] = args2[p];
      i = p;
    }
    times[i] = timeMs;
    seqs[i] = seq;
    kinds[i] = kind;
    args[i] = arg;
    args2[i] = arg2;
  }

  /** Removes the earliest event into `time`, `kind`, `arg` and `arg2`. Returns false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const args = this.args;
    const args2 = this.args2;
    this.time = times[0];
    this.kind = kinds[0];
    this.arg = args[0];
    this.arg2 = args2[0];
    const last = --this.n;
    if (last === 0) return true;
    const t = times[last];
    const s = seqs[last];
    const k = kinds[last];
    const a = args[last];
    const a2 = args2[last];
    // Sift the hole down from the root.
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last && (times[r] < times[c] || (times[r] === times[c] && seqs[r] < seqs[c]))) c = r;
      const ct = times[c];
      if (t < ct || (t === ct && s < seqs[c])) break;
      times[i] = ct;
      seqs[i] = seqs[c];
      kinds[i] = kinds[c];
      args[i] = args[c];
      args2[i] = args2[c];
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    kinds[i] = k;
    args[i] = a;
    args2[i] = a2;
    return true;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    this.times = grown(this.times, cap);
    this.seqs = grown(this.seqs, cap);
    this.kinds = grown(this.kinds, cap);
    this.args = grown(this.args, cap);
    this.args2 = grown(this.args2, cap);
  }
}
