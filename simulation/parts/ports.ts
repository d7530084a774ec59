/**
 * The interfaces parts are handed, so that a part depends on what it calls, not on the module
 * that implements it (and no two modules import each other).
 */
import type { FailureCause } from '../metrics/classTally';

export type AttemptOutcome = 'rejected' | 'timedOut' | 'failed';

/** Where every attempt ends: the clients that sent it (they count it and may retry). */
export interface Outcomes {
  /** An answer came back (completed, or timed out if the client gave up first). */
  respond(id: number): void;
  /** The attempt failed after it left its instance's CPU (say its shard was down). */
  respondFailed(id: number, cause: FailureCause): void;
  /** The attempt ended without an answer; `keepSlot` when the request stays where it is. */
  endAttempt(id: number, outcome: AttemptOutcome, cause?: FailureCause, keepSlot?: boolean): void;
}

/** The next hop of a request once a service instance has done its work; called last in that event's handler. */
export interface Downstream {
  handle(id: number): void;
}

/** Whether an attempt fails at random on arrival at a service (an `errors` fault). */
export interface InjectedFailures {
  injectedFailure(fraction: number): boolean;
}

/**
 * Reads a query's key from the read store (a cache miss, or no cache). Called as the last thing
 * an event's handler does, so that a read with no latency may answer at once.
 */
export interface Reader {
  read(id: number): void;
}

/** Puts what a query read into the cache. */
export interface CacheFill {
  fill(id: number, nowMs: number): void;
}
