/**
 * "Follow a request": traces for the page's waterfall (docs/stages.md "Traces"), at almost no cost
 * to a run while no one follows:
 * - the next client request to arrive, or, for a kind, the first of the next few arrivals of that
 *   kind to be done (a command is done once its write is visible on every replica): a tracer of
 *   just those requests is attached when asked, and detached once one is done;
 * - the slowest query and command answered in each of the last seconds: slowest.ts watches every
 *   answer (its number and latency, no spans), and the one asked for is traced by a replay of the
 *   run (replay.ts), in the runner's next slices, while the page says it is tracing it.
 * Tracers and watchers only observe, so following a request changes nothing in the run.
 */
import type { ChangeFn } from '../../simulation/input/changeFn';
import type { Scenario } from '../../simulation/index';
import type { Simulation } from '../../simulation/simulation';
import type { Trace, Tracer } from '../../simulation/output/trace';
import { Replay } from './replay';
import { SlowestKeeper, type RequestKind, type SlowestAnswer } from './slowest';

export type FollowKind = 'any' | RequestKind;

/** Arrivals looked at when a kind is asked for: one of each kind comes among them unless the mix is extreme. */
const AMONG = 64;

/** What the run needs to replay itself: its scenario with the changes made so far, and the checks of changes. */
export interface ReplaySource {
  scenario(): Scenario;
  readonly changeFn: ChangeFn;
  /** Asks the runner for a slice soon (a replay has begun). */
  wake(): void;
}

/** What an update carries of following: the followed request's trace, or why a replay found none. */
export interface FollowNews {
  followed?: Trace;
  followMissed?: string;
}

export class Follower {
  private tracer: Tracer | null = null;
  private sim: Simulation | null = null;
  private source: ReplaySource | null = null;
  private slowestKept = new SlowestKeeper();
  /** What "follow the next" waits for: requests numbered (after, after + among] of `kind`. */
  private waiting: { kind: FollowKind; after: number; among: number } | null = null;
  private replay: Replay | null = null;
  private news: FollowNews = {};

  /** Starts watching a new run (before its first event): the slowest of each second. */
  attach(sim: Simulation, source: ReplaySource): void {
    this.stopFollowing();
    this.sim = sim;
    this.source = source;
    this.news = {};
    this.slowestKept = new SlowestKeeper();
    sim.watch(this.slowestKept);
  }

  /** Drops what was asked before: a tracer waiting for the next request, a replay under way. */
  private stopFollowing(): void {
    this.tracer?.detach();
    this.tracer = null;
    this.waiting = null;
    this.replay = null;
  }

  private completed(t: Trace): void {
    const w = this.waiting;
    if (w && t.request > w.after && t.request <= w.after + w.among && (w.kind === 'any' || t.kind === w.kind)) {
      this.news = { followed: t };
      this.waiting = null;
    }
  }

  /** Starts following: the next request (`any`), or the first of the next AMONG arrivals of `kind` to be done; null, or why not. */
  start(kind: FollowKind): string | null {
    const sim = this.sim;
    if (!sim || sim.done) return 'The run has ended: play it again to follow a request.';
    this.stopFollowing();
    const after = sim.clients.arrived;
    const among = kind === 'any' ? 1 : AMONG;
    this.waiting = { kind, after, among };
    this.news = {};
    const ids = Array.from({ length: among }, (_, i) => after + 1 + i);
    this.tracer = sim.trace({ every: 0, ids, maxTraces: among, onDone: (t) => this.completed(t) });
    return null;
  }

  /**
   * The slowest `kind` (`any`: query or command) answered in `second` (by default the last whole
   * second before now), or why none: its trace comes in an update once a replay has made it.
   */
  slowest(kind: FollowKind, second?: number): SlowestAnswer {
    const a = this.slowestKept.slowest(kind, this.sim?.nowMs ?? 0, second);
    if (a.ok && this.source) {
      this.stopFollowing();
      this.news = {};
      this.replay = new Replay(this.source.scenario(), this.source.changeFn, a.answered.request);
      this.source.wake();
    }
    return a;
  }

  /** Whether a replay is under way. */
  get replaying(): boolean {
    return this.replay !== null;
  }

  /** Runs the replay on while `more()` says so; true once it is over (its trace, or why none, is news). */
  replayFor(more: () => boolean): boolean {
    const r = this.replay;
    if (!r) return true;
    const out = r.advance(more);
    if (out === null) return false;
    this.replay = null;
    this.news = out === 'ended' ? { followMissed: `Request ${r.request.toLocaleString('en-US')} was still in flight when the run ended: it has no whole trace.` } : { followed: out };
    return true;
  }

  /** The followed request's trace once it is done, or why a replay found none (once: then the follower waits for nothing). */
  take(): FollowNews {
    const news = this.news;
    this.news = {};
    // Between slices: a tracer that has found its request leaves the run.
    if (this.tracer && this.waiting === null) {
      this.tracer.detach();
      this.tracer = null;
    }
    return news;
  }
}
