import { grown } from './grown';

/**
 * The event calendar: a binary min-heap ordered by (time, sequence number).
 *
 * Ties in time break by insertion order, so a run never depends on heap internals. Entries are
 * stored in typed arrays (no object per event) that grow by doubling, so memory is bounded by
 * the number of pending events. Each entry carries a small integer `kind` and two int32
 * arguments `arg` and `arg2`, kept in integer arrays so that reading them back never boxes a
 * float (which would make every event allocate). Two arguments mean no event needs to pack two
 * numbers into one: each argument is a plain id or count, each below 2^31 (ids come from pools
 * that the run limits of `limits.ts` keep far below that).
 *
 * The heap itself moves only two numbers per entry, its time and a slot: an event's sequence
 * number, kind and arguments stay in their slot from push to pop (slots are reused), so sifting
 * an entry up or down copies 12 bytes, not 29.
 */
export class EventQueue {
  /** The heap: times and the slots holding the rest of each entry. */
  private times: Float64Array;
  private heapSlots: Int32Array;
  /** By slot: sequence number, kind and arguments. Valid after `take()` until the next push. */
  private seqs: Float64Array;
  kinds: Uint8Array;
  args: Int32Array;
  args2: Int32Array;
  /** Slots free for reuse (a stack), and the slots ever used. */
  private freeSlots: Int32Array;
  private nFree = 0;
  private used = 0;
  private n = 0;
  private nextSeq = 0;

  /** Set by `pop()`: the popped event's time in ms, kind and arguments. */
  time = 0;
  kind = 0;
  arg = 0;
  arg2 = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.heapSlots = new Int32Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.kinds = new Uint8Array(initialCapacity);
    this.args = new Int32Array(initialCapacity);
    this.args2 = new Int32Array(initialCapacity);
    this.freeSlots = new Int32Array(initialCapacity);
    this.times[0] = Infinity;
  }

  /** Number of pending events. */
  get size(): number {
    return this.n;
  }

  /**
   * Time of the earliest pending event, or Infinity when empty: `times[0]` is kept at Infinity
   * while the heap is empty, so this is one load. (A conditional here made the engine's loop box
   * the time into a new heap number on every event.)
   */
  peekTime(): number {
    return this.times[0];
  }

  /**
   * Calls `fn` for each pending event, in no particular order (the heap's), without changing the
   * calendar: for checks from outside the run (the fuzzer's drain oracle), never on the hot path.
   */
  forEachPending(fn: (timeMs: number, kind: number, arg: number, arg2: number) => void): void {
    for (let i = 0; i < this.n; i++) {
      const slot = this.heapSlots[i];
      fn(this.times[i], this.kinds[slot], this.args[slot], this.args2[slot]);
    }
  }

  /** Schedules an event. `kind` must be in [0, 256); `arg` and `arg2` integers in [0, 2^31). */
  push(timeMs: number, kind: number, arg: number, arg2 = 0): void {
    let slot: number;
    if (this.nFree > 0) slot = this.freeSlots[--this.nFree];
    else {
      if (this.used === this.times.length) this.grow();
      slot = this.used++;
    }
    this.seqs[slot] = this.nextSeq++;
    this.kinds[slot] = kind;
    this.args[slot] = arg;
    this.args2[slot] = arg2;
    const times = this.times;
    const heapSlots = this.heapSlots;
    // Sift the hole up from the end. Every pending entry was pushed before this one, so an
    // equal time already orders it first: only a later time moves down.
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt <= timeMs) break;
      times[i] = pt;
      heapSlots[i] = heapSlots[p];
      i = p;
    }
    times[i] = timeMs;
    heapSlots[i] = slot;
  }

  /**
   * Removes the earliest event (the calendar must not be empty) and returns its slot: its kind
   * and arguments are `kinds[slot]`, `args[slot]` and `args2[slot]` until the next push.
   */
  take(): number {
    const times = this.times;
    const heapSlots = this.heapSlots;
    const top = heapSlots[0];
    this.freeSlots[this.nFree++] = top;
    const last = --this.n;
    if (last === 0) {
      times[0] = Infinity;
      return top;
    }
    const seqs = this.seqs;
    const t = times[last];
    const slot = heapSlots[last];
    const s = seqs[slot];
    // Sift the hole down from the root.
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      let ct = times[c];
      if (r < last) {
        const rt = times[r];
        if (rt < ct || (rt === ct && seqs[heapSlots[r]] < seqs[heapSlots[c]])) {
          c = r;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && s < seqs[heapSlots[c]])) break;
      times[i] = ct;
      heapSlots[i] = heapSlots[c];
      i = c;
    }
    times[i] = t;
    heapSlots[i] = slot;
    return top;
  }

  /** Removes the earliest event into `time`, `kind`, `arg` and `arg2`. Returns false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    this.time = this.times[0];
    const slot = this.take();
    this.kind = this.kinds[slot];
    this.arg = this.args[slot];
    this.arg2 = this.args2[slot];
    return true;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    this.times = grown(this.times, cap);
    this.heapSlots = grown(this.heapSlots, cap);
    this.seqs = grown(this.seqs, cap);
    this.kinds = grown(this.kinds, cap);
    this.args = grown(this.args, cap);
    this.args2 = grown(this.args2, cap);
    this.freeSlots = grown(this.freeSlots, cap);
  }
}
