/**
 * "Follow a request": the trace of one request from now on (Simulation.trace, docs/stages.md
 * "Traces"), for the page's waterfall. The next client request to arrive, or, for a kind, the
 * first of the next few arrivals of that kind to be done (a command is done once its write is
 * visible on every replica). The tracer only observes, so following a request changes nothing
 * in the run.
 */
import type { Simulation } from '../../simulation/simulation';
import type { Trace, Tracer } from '../../simulation/output/trace';

export type FollowKind = 'any' | 'query' | 'command';

/** Arrivals traced when a kind is asked for: one of each kind comes among them unless the mix is extreme. */
const AMONG = 64;

export class Follower {
  private tracer: Tracer | null = null;
  private kind: FollowKind = 'any';

  /** Starts following: the next request (`any`), or the first of the next AMONG arrivals of `kind` to be done; null, or why not. */
  start(sim: Simulation, kind: FollowKind): string | null {
    if (sim.done) return 'The run has ended: play it again to follow a request.';
    const ids = kind === 'any' ? [1] : Array.from({ length: AMONG }, (_, k) => k + 1);
    this.tracer = sim.trace({ every: 0, ids, maxTraces: ids.length });
    this.kind = kind;
    return null;
  }

  /** Stops waiting (a new run). */
  reset(): void {
    this.tracer = null;
  }

  /** The followed request's trace once it is done (once: then the follower waits for nothing). */
  take(): Trace | null {
    const t = this.tracer?.done.find((d) => this.kind === 'any' || d.kind === this.kind) ?? null;
    if (t) this.tracer = null;
    return t;
  }
}
