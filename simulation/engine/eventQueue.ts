/**
 * The event calendar: a binary min-heap ordered by (time, sequence number).
 *
 * Ties in time break by insertion order, so a run never depends on heap internals. Entries are
 * stored in parallel typed arrays (no object per event) and the arrays grow by doubling, so
 * memory is bounded by the number of pending events. Each entry carries a small integer `kind`
 * and a non-negative integer `arg` (packed exactly into one float64 as `arg * 64 + kind`).
 */
export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private payloads: Float64Array;
  private n = 0;
  private nextSeq = 0;

  /** Set by `pop()`: the popped event's time in ms, kind and argument. */
  time = 0;
  kind = 0;
  arg = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.payloads = new Float64Array(initialCapacity);
  }

  /** Number of pending events. */
  get size(): number {
    return this.n;
  }

  /** Time of the earliest pending event, or Infinity when empty. */
  peekTime(): number {
    return this.n === 0 ? Infinity : this.times[0];
  }

  /** Schedules an event. `kind` must be in [0, 64); `arg` a non-negative integer below 2^46. */
  push(timeMs: number, kind: number, arg: number): void {
    if (this.n === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const payload = arg * 64 + kind;
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    // Sift the hole up from the end.
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt < timeMs || (pt === timeMs && seqs[p] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p];
      payloads[i] = payloads[p];
      i = p;
    }
    times[i] = timeMs;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  /** Removes the earliest event into `time`, `kind` and `arg`. Returns false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const payload = payloads[0];
    this.time = times[0];
    this.kind = payload % 64;
    this.arg = (payload - this.kind) / 64;
    const last = --this.n;
    if (last === 0) return true;
    const t = times[last];
    const s = seqs[last];
    const pl = payloads[last];
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
      payloads[i] = payloads[c];
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    payloads[i] = pl;
    return true;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const t = new Float64Array(cap);
    const s = new Float64Array(cap);
    const p = new Float64Array(cap);
    t.set(this.times);
    s.set(this.seqs);
    p.set(this.payloads);
    this.times = t;
    this.seqs = s;
    this.payloads = p;
  }
}
