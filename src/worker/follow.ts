/**
 * "Follow a request": traces for the page's waterfall (Simulation.trace, docs/stages.md "Traces").
 * One tracer per run, attached before its first event, traces every request; the follower keeps
 * none of them but the two it is asked for:
 * - the next client request to arrive, or, for a kind, the first of the next few arrivals of that
 *   kind to be done (a command is done once its write is visible on every replica);
 * - the slowest query and command answered in each of the last seconds (slowest.ts).
 * The tracer only observes, so following a request changes nothing in the run.
 */
import type { Simulation } from '../../simulation/simulation';
import type { Trace, Tracer } from '../../simulation/output/trace';
import { SlowestKeeper, type RequestKind, type SlowestAnswer } from './slowest';

export type FollowKind = 'any' | RequestKind;

/** Arrivals looked at when a kind is asked for: one of each kind comes among them unless the mix is extreme. */
const AMONG = 64;

export class Follower {
  private tracer: Tracer | null = null;
  private sim: Simulation | null = null;
  private slowestKept = new SlowestKeeper();
  /** What "follow the next" waits for: requests numbered (after, after + among] of `kind`. */
  private waiting: { kind: FollowKind; after: number; among: number } | null = null;
  private found: Trace | null = null;

  /** Starts tracing a new run (before its first event). */
  attach(sim: Simulation): void {
    this.sim = sim;
    this.waiting = null;
    this.found = null;
    this.slowestKept = new SlowestKeeper();
    this.tracer = sim.trace({ every: 1, maxTraces: Infinity, onDone: (t) => this.completed(t) });
  }

  private completed(t: Trace): void {
    this.slowestKept.add(t);
    const w = this.waiting;
    if (w && t.request > w.after && t.request <= w.after + w.among && (w.kind === 'any' || t.kind === w.kind)) {
      this.found = t;
      this.waiting = null;
    }
  }

  /** Starts following: the next request (`any`), or the first of the next AMONG arrivals of `kind` to be done; null, or why not. */
  start(kind: FollowKind): string | null {
    if (!this.sim || this.sim.done || !this.tracer) return 'The run has ended: play it again to follow a request.';
    this.waiting = { kind, after: this.tracer.arrived, among: kind === 'any' ? 1 : AMONG };
    this.found = null;
    return null;
  }

  /** The slowest `kind` (`any`: query or command) answered in `second` (by default the last whole second before now). */
  slowest(kind: FollowKind, second?: number): SlowestAnswer {
    return this.slowestKept.slowest(kind, this.sim?.nowMs ?? 0, second);
  }

  /** The followed request's trace once it is done (once: then the follower waits for nothing). */
  take(): Trace | null {
    const t = this.found;
    this.found = null;
    return t;
  }
}
