/**
 * The slowest request of each simulated second, for "Follow the slowest": per class (queries,
 * commands), the answered request with the longest latency among those answered in that second
 * (the second its answer came in, as the latency charts count it), for the last `KEPT_SECONDS`
 * seconds. It keeps no spans: only the request's number, class and times, told by the engine on
 * every answer (`Simulation.watch`), so watching a whole run costs little. Its waterfall is traced
 * afterwards by a replay of the run (replay.ts). Memory: two requests a second kept, and the
 * number of each request in flight, whatever the run.
 */
import type { AnswerWatcher } from '../../simulation/parts/ports';

export type RequestKind = 'query' | 'command';

/** Seconds kept: the last whole second and the nine before it (what a click on a chart may ask for). */
export const KEPT_SECONDS = 10;

/** An answered request, without its spans: its number (arrival order, from 1), class, start and answer in simulated ms. */
export interface Answered {
  readonly request: number;
  readonly kind: RequestKind;
  readonly startMs: number;
  readonly endMs: number;
}

/** A request's latency: from its first attempt's start to its answer (its trace's root span). */
export const latencyOf = (a: Answered): number => a.endMs - a.startMs;

/** The answer to "the slowest of second `second`": the request, or why there is none. */
export type SlowestAnswer = { ok: true; answered: Answered; second: number } | { ok: false; why: string; second: number };

/** Simulated seconds, as the charts' axis writes them. */
const secs = (s: number) => `${s} s`;

export class SlowestKeeper implements AnswerWatcher {
  /** Second index (the second [s, s + 1) of simulated time) -> the slowest of each class. */
  private readonly bySecond = new Map<number, Partial<Record<RequestKind, Answered>>>();
  /** The latest second a request was answered in, and its slot. */
  private latest = -1;
  private latestSlot: Partial<Record<RequestKind, Answered>> = {};
  /** The client request's number, by the pool slot of its attempt in flight. */
  private readonly numberOf: number[] = [];

  constructor(private readonly kept = KEPT_SECONDS) {}

  arrive(id: number, n: number): void {
    this.numberOf[id] = n;
  }

  retried(id: number, next: number): void {
    this.numberOf[next] = this.numberOf[id];
  }

  answered(id: number, firstMs: number, nowMs: number, command: boolean): void {
    const kind = command ? 'command' : 'query';
    const second = Math.floor(nowMs / 1000);
    let slot: Partial<Record<RequestKind, Answered>> | null = this.latestSlot;
    if (second !== this.latest) {
      slot = this.slotOf(second);
      if (slot === null) return;
    }
    const best = slot[kind];
    if (best === undefined || nowMs - firstMs > latencyOf(best)) slot[kind] = { request: this.numberOf[id], kind, startMs: firstMs, endMs: nowMs };
  }

  /** An answered request (tests; the engine calls `answered`). */
  add(a: Answered): void {
    const slot = this.slotOf(Math.floor(a.endMs / 1000));
    const best = slot?.[a.kind];
    if (slot && (best === undefined || latencyOf(a) > latencyOf(best))) slot[a.kind] = a;
  }

  /** The slot of `second`, made if need be (dropping seconds no longer kept), or null if too old to keep. */
  private slotOf(second: number): Partial<Record<RequestKind, Answered>> | null {
    if (second > this.latest) {
      this.latest = second;
      for (const s of this.bySecond.keys()) if (s <= second - this.kept - 1) this.bySecond.delete(s);
      this.bySecond.set(second, (this.latestSlot = {}));
      return this.latestSlot;
    }
    if (second <= this.latest - this.kept - 1) return null;
    let slot = this.bySecond.get(second);
    if (!slot) this.bySecond.set(second, (slot = {}));
    return slot;
  }

  /** How many requests it holds (the memory bound's test). */
  get size(): number {
    let n = 0;
    for (const slot of this.bySecond.values()) n += Object.keys(slot).length;
    return n;
  }

  /**
   * The slowest `kind` (`any`: the slower of the two) answered in second `second` ([second,
   * second + 1) s), asked at simulated time `nowMs`; without `second`, the last whole second before `nowMs`.
   */
  slowest(kind: RequestKind | 'any', nowMs: number, second = Math.floor(nowMs / 1000) - 1): SlowestAnswer {
    if (!Number.isInteger(second) || second < 0) return { ok: false, second, why: 'No whole second has run yet: step or play the run first.' };
    const last = Math.floor(nowMs / 1000) - 1;
    if (second > last) return { ok: false, second, why: `The second from ${secs(second)} to ${secs(second + 1)} has not run yet.` };
    if (second < last - this.kept + 1)
      return { ok: false, second, why: `The second from ${secs(second)} to ${secs(second + 1)} is no longer kept: the page keeps the slowest requests of the last ${this.kept} simulated seconds only.` };
    const slot = this.bySecond.get(second) ?? {};
    const [q, c] = [kind === 'command' ? undefined : slot.query, kind === 'query' ? undefined : slot.command];
    const a = q && c ? (latencyOf(c) > latencyOf(q) ? c : q) : (q ?? c);
    if (a) return { ok: true, answered: a, second };
    const noun = { query: 'query', command: 'command', any: 'request' }[kind];
    return { ok: false, second, why: `No ${noun} was answered from ${secs(second)} to ${secs(second + 1)}.` };
  }
}
