/**
 * The trace of one request of a page run, after the fact: a fresh Simulation of the same scenario
 * (the loaded one with every change made during the run, at the simulated times it was made, as
 * "Run again" replays them) that traces only that request, run until its trace is complete. The
 * engine is deterministic and a tracer only observes, so the trace is the one the page's run would
 * have given had it traced every request (follow.test.ts compares the two).
 */
import type { ChangeFn } from '../../simulation/input/changeFn';
import type { Scenario, Trace } from '../../simulation/index';
import { DEFAULT_LIMITS } from '../../simulation/limits';
import { Simulation } from '../../simulation/simulation';

/** Events a replay runs between two looks at the wall clock. */
const CHUNK_EVENTS = 5000;

export class Replay {
  private readonly sim: Simulation;
  private trace: Trace | null = null;

  constructor(
    scenario: Scenario,
    changeFn: ChangeFn | null,
    /** The request to trace (arrival order, from 1). */
    readonly request: number,
  ) {
    this.sim = new Simulation(scenario, DEFAULT_LIMITS, changeFn);
    this.sim.trace({ every: 0, ids: [request], maxTraces: 1, onDone: (t) => (this.trace = t) });
  }

  /** Where the replay has got to, in simulated ms. */
  get nowMs(): number {
    return this.sim.nowMs;
  }

  /**
   * Runs on while `more()` says so (asked every few thousand events): the trace once complete,
   * 'ended' if the run ended with the request still in flight, null while there is more to run.
   */
  advance(more: () => boolean = () => true): Trace | 'ended' | null {
    while (this.trace === null && !this.sim.done) {
      this.sim.runUntil(this.sim.durationMs, CHUNK_EVENTS);
      if (!more()) break;
    }
    return this.trace ?? (this.sim.done ? 'ended' : null);
  }
}
