/**
 * Requests in flight, stored column-wise with a free list: memory is bounded by the number of
 * requests in the system at once, never by the length of the run. Each slot is one attempt; a
 * retry is a new attempt (a new slot) of the same client request.
 */
import { grown } from '../engine/grown';
import { REQUEST_SLOTS, S_BACKOFF, S_FAILED, S_QUEUE_WAIT } from './stageSlots';

export const F_COMMAND = 1;
/** Arrived after warm-up: its outcome counts in the report. */
export const F_COUNTED = 2;
/** A command whose client will read its key again after it completes (read-your-writes). */
export const F_WANTS_FOLLOW_UP = 4;
/** A follow-up query; `minVersion` holds the version its command wrote. */
export const F_FOLLOW_UP = 8;
/** Scheduled but not yet arrived (a follow-up waiting for its delay). */
export const F_PENDING = 16;
/** A query that looked in the cache and missed (its answer will be put in the cache). */
export const F_CACHE_MISS = 32;
/** Its instance crashed: the answer can never reach the client (already counted as failed). */
export const F_DEAD = 64;
/** Set on every allocated slot, so a live request never has flags 0. */
export const F_LIVE = 128;
/** The client gave up on this attempt at its timeout (already counted as timed out). */
export const F_ABANDONED = 256;
/** Scheduled but not yet arrived: a retry waiting for its backoff. */
export const F_RETRY = 512;
/** A guard's trial attempt (a probe of a service it stopped calling): its outcome decides whether calls resume. */
export const F_TRIAL = 1024;
/** An attempt of a request in the trace sample (output/trace.ts): its stages are told to the tracer. */
export const F_TRACED = 2048;

/** Told of each stage a traced attempt leaves (output/trace.ts). */
export interface StageTracer {
  stage(id: number, slot: number, startMs: number, endMs: number): void;
}

export class RequestPool {
  /** When this attempt was sent. */
  arrivalMs = new Float64Array(256);
  /** When the client request's first attempt was sent (retries copy it): what the client waits from. */
  firstMs = new Float64Array(256);
  serviceMs = new Float64Array(256);
  key = new Int32Array(256);
  flags = new Uint16Array(256);
  /** 1 for a first attempt, 2 for the first retry, ... */
  attempt = new Uint8Array(256);
  /** When the client gives up on this attempt (only tracked when retries are on). */
  deadlineMs = new Float64Array(256);
  instance = new Int32Array(256);
  /** The shard or read-store node holding a connection for this request. */
  resource = new Int32Array(256);
  /** For queries: the version read. */
  version = new Int32Array(256);
  /** For follow-up queries: the version the client wrote and expects to see. */
  minVersion = new Int32Array(256);
  /** Per attempt, its time so far in each stage (`REQUEST_SLOTS` a slot, see stageSlots.ts). */
  stageMs = new Float64Array(256 * REQUEST_SLOTS);
  /**
   * Per attempt, the stages whose time is not 0, as bits (`1 << slot`): what the stage sums read
   * (`StageSums.record`) and what the next occupant of the slot clears.
   */
  stageMask = new Uint16Array(256);
  /** When the attempt entered its open stage. */
  markMs = new Float64Array(256);
  /** The stage it is in now (its slot). */
  open = new Uint8Array(256);
  /** The tracer, when a trace sample is kept. */
  tracer: StageTracer | null = null;
  /** The engine's clock: stages end now (read here rather than passed: see stageSlots.ts, `S_VALUE`). */
  clock: { readonly nowMs: number } = { nowMs: 0 };
  private free: number[] = [];
  private top = 0;
  /** Requests allocated and not yet released. */
  live = 0;

  alloc(): number {
    this.live++;
    let id = this.free.pop();
    if (id === undefined) {
      if (this.top === this.flags.length) this.grow();
      id = this.top++;
    }
    this.flags[id] = F_LIVE;
    this.attempt[id] = 1;
    // A timeout event left from the slot's previous occupant must never match this one.
    this.deadlineMs[id] = NaN;
    // Only the stages the slot's previous occupant spent time in hold something (`S_VALUE` and
    // `S_CLIENT_VALUE` are written before they are read).
    let m = this.stageMask[id];
    if (m !== 0) {
      const o = id * REQUEST_SLOTS;
      const st = this.stageMs;
      do {
        const low = m & -m;
        m ^= low;
        st[o + 31 - Math.clz32(low)] = 0;
      } while (m !== 0);
      this.stageMask[id] = 0;
    }
    this.open[id] = S_QUEUE_WAIT;
    return id;
  }

  /** Attempt `id` enters stage `slot` now: the time since it entered its open stage goes to that one. */
  enter(id: number, slot: number): void {
    const nowMs = this.clock.nowMs;
    const open = this.open[id];
    if (this.flags[id] & F_TRACED) this.traceStage(id, open, nowMs);
    const d = nowMs - this.markMs[id];
    if (d !== 0) {
      this.stageMs[id * REQUEST_SLOTS + open] += d;
      this.stageMask[id] |= 1 << open;
    }
    this.markMs[id] = nowMs;
    this.open[id] = slot;
  }

  /** Tells the tracer of the stage a traced attempt leaves (cold: out of `enter`'s way). */
  private traceStage(id: number, open: number, nowMs: number): void {
    this.tracer!.stage(id, open, this.markMs[id], nowMs);
  }

  /**
   * Attempt `id` ended without an answer at `nowMs` and `next` will retry it: the client's time so
   * far goes with it (this attempt joins the failed ones), and its back-off starts now.
   */
  retryStages(id: number, next: number, nowMs: number): void {
    const from = id * REQUEST_SLOTS;
    const to = next * REQUEST_SLOTS;
    const failed = (this.stageMs[to + S_FAILED] = this.stageMs[from + S_FAILED] + (nowMs - this.arrivalMs[id]));
    const backoff = (this.stageMs[to + S_BACKOFF] = this.stageMs[from + S_BACKOFF]);
    this.stageMask[next] |= (failed !== 0 ? 1 << S_FAILED : 0) | (backoff !== 0 ? 1 << S_BACKOFF : 0);
    this.markMs[next] = nowMs;
    this.open[next] = S_BACKOFF;
  }

  release(id: number): void {
    this.flags[id] = 0;
    this.live--;
    this.free.push(id);
  }

  /** Calls `f` on every allocated request (free slots have flags 0, allocated ones never do). */
  forEachLive(f: (id: number) => void): void {
    for (let i = 0; i < this.top; i++) if (this.flags[i] !== 0) f(i);
  }

  private grow(): void {
    const n = this.flags.length * 2;
    this.arrivalMs = grown(this.arrivalMs, n);
    this.firstMs = grown(this.firstMs, n);
    this.serviceMs = grown(this.serviceMs, n);
    this.key = grown(this.key, n);
    this.flags = grown(this.flags, n);
    this.attempt = grown(this.attempt, n);
    this.deadlineMs = grown(this.deadlineMs, n);
    this.instance = grown(this.instance, n);
    this.resource = grown(this.resource, n);
    this.version = grown(this.version, n);
    this.minVersion = grown(this.minVersion, n);
    this.stageMs = grown(this.stageMs, n * REQUEST_SLOTS);
    this.stageMask = grown(this.stageMask, n);
    this.markMs = grown(this.markMs, n);
    this.open = grown(this.open, n);
  }
}
