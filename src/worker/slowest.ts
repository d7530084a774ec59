/**
 * The slowest request of each simulated second, with its whole trace, for "Follow the slowest":
 * per class (queries, commands), the answered request with the longest latency among those
 * answered in that second (the second its answer came in, as the latency charts count it), for
 * the last `KEPT_SECONDS` seconds. Memory: at most two traces a second kept, whatever the run.
 * A command's trace completes once its write is visible on every replica, so a command counts
 * from then on. Plain data, no engine: the follower (follow.ts) feeds it every completed trace.
 */
import type { Trace } from '../../simulation/output/trace';

export type RequestKind = 'query' | 'command';

/** Seconds kept: the last whole second and the nine before it (what a click on a chart may ask for). */
export const KEPT_SECONDS = 10;

/** A request's latency: its root span, from its first attempt's start to its answer. */
export const latencyOf = (t: Trace): number => t.spans[0].endMs - t.spans[0].startMs;

/** The answer to "the slowest of second `second`": the trace, or why there is none. */
export type SlowestAnswer = { ok: true; trace: Trace; second: number } | { ok: false; why: string; second: number };

/** Simulated seconds, as the charts' axis writes them. */
const secs = (s: number) => `${s} s`;

export class SlowestKeeper {
  /** Second index (the second [s, s + 1) of simulated time) -> the slowest of each class. */
  private readonly bySecond = new Map<number, Partial<Record<RequestKind, Trace>>>();
  /** The latest second a trace was answered in. */
  private latest = -1;

  constructor(private readonly kept = KEPT_SECONDS) {}

  /** A completed trace: kept if it was answered and is the slowest of its class in its second so far. */
  add(t: Trace): void {
    const root = t.spans[0];
    if (root.outcome !== 'ok') return;
    const second = Math.floor(root.endMs / 1000);
    if (second > this.latest) {
      this.latest = second;
      for (const s of this.bySecond.keys()) if (s <= second - this.kept - 1) this.bySecond.delete(s);
    }
    if (second <= this.latest - this.kept - 1) return;
    let slot = this.bySecond.get(second);
    if (!slot) this.bySecond.set(second, (slot = {}));
    const best = slot[t.kind];
    if (!best || latencyOf(t) > latencyOf(best)) slot[t.kind] = t;
  }

  /** How many traces it holds (the memory bound's test). */
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
    const t = q && c ? (latencyOf(c) > latencyOf(q) ? c : q) : (q ?? c);
    if (t) return { ok: true, trace: t, second };
    const span = `from ${secs(second)} to ${secs(second + 1)}`;
    const why = {
      query: `No query was answered ${span}.`,
      command: `No command answered ${span} has its write visible on every replica yet.`,
      any: `No request answered ${span} is done yet (a command is done once its write is visible on every replica).`,
    }[kind];
    return { ok: false, second, why };
  }
}
