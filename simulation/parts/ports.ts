/**
 * The interfaces parts are handed, so that a part depends on what it calls, not on the module
 * that implements it (and no two modules import each other).
 */
import type { FailureCause } from '../metrics/classTally';
import type { InstanceGroup } from '../model/instanceGroup';

export type AttemptOutcome = 'rejected' | 'timedOut' | 'failed';

/** The versions a query's answer is compared with (the write store's latest commits). */
export interface Versions {
  readonly writeVersion: Int32Array;
  readonly lastCommitMs: Float64Array;
}

/** Where every attempt ends: the clients that sent it (they count it and may retry). */
export interface Outcomes {
  /** An answer came back (completed, or timed out if the client gave up first). */
  respond(id: number): void;
  /** The attempt failed after it left its instance's CPU (say its shard was down). */
  respondFailed(id: number, cause: FailureCause): void;
  /** The attempt ended without an answer; `keepSlot` when the request stays where it is. */
  endAttempt(id: number, outcome: AttemptOutcome, cause?: FailureCause, keepSlot?: boolean): void;
}

/** The trace sample's keeper (output/trace.ts), as the clients tell it of traced requests. */
export interface RequestTracer {
  /** Client request `n` (arrival order, from 1) arrives as attempt `id`: the tracer may pick it (it sets `F_TRACED`). */
  arrive(id: number, n: number, nowMs: number): void;
  answered(id: number, nowMs: number): void;
  /** A traced attempt ended without an answer; `next` retries it, or -1 (the client gave up at `endMs`). */
  attemptEnded(id: number, outcome: string, nowMs: number, next: number, endMs: number): void;
}

/**
 * Told of every client request's arrival, retry and answer, with no spans (the page's slowest
 * request of each second): cheap enough to watch every request of a long run.
 */
export interface AnswerWatcher {
  /** Client request `n` (arrival order, from 1) arrives as attempt `id`. */
  arrive(id: number, n: number): void;
  /** Attempt `id` failed and `next` retries it (the same client request). */
  retried(id: number, next: number): void;
  /** Attempt `id` was answered at `nowMs`; its client request started at `firstMs`. */
  answered(id: number, firstMs: number, nowMs: number, command: boolean): void;
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

/** The two services, by the name of their section of the scenario. */
export type ServiceName = 'commandService' | 'queryService';

/**
 * A check on each attempt before it is sent, by a part in the clients: false fails it fast with `cause`,
 * and the outcome of every attempt it let through is reported back.
 */
export interface CallGuard {
  allow(id: number): boolean;
  /** Whether attempts need a timeout event even without retries (to learn of timeouts on time). */
  readonly needsTimeouts: boolean;
  /** The cause an attempt it refused fails with. */
  readonly cause: FailureCause;
  record(id: number, success: boolean): void;
}

/** The clients, as a part that guards their calls sees them. */
export interface Guarded {
  /** Puts guards (or nothing) in front of each service. */
  setGuards(command: CallGuard | null, query: CallGuard | null): void;
}

/** A gate a part puts in front of a load balancer: false refuses the attempt (the gate ends it). */
export interface Gate {
  allow(id: number): boolean;
}

/** A service, as a part that watches or gates it sees it. */
export interface ServicePort {
  readonly name: ServiceName;
  /** Its instances and their load balancer. */
  readonly group: InstanceGroup;
  /** Attempts failed, by cause, since warm-up. */
  readonly tally: { readonly failedBy: Readonly<Record<FailureCause, number>> };
  /** Where its attempts end. */
  readonly outcomes: Outcomes;
  /** The gate in front of its load balancer, or null. */
  gate: Gate | null;
}

/** What an apply hook answers for an event whose apply finished: make it visible (see `ApplyHook`). */
export const APPLY = -1;
/** What an apply hook answers to drop the event: it is never applied, nor shipped to a replica. */
export const DROP = -2;

/**
 * A hook at the projectors' apply, put there by a part (`Projected.setApplyHook`). When a
 * projector finishes one apply attempt of event `ev` (of partition `partition`), the projection
 * asks the hook first: `APPLY` applies it as usual, `DROP` drops it (the partition moves on), and
 * a number of ms from 0 up fails the attempt: the projector keeps the event, waits so long (idle,
 * not counted as busy) and then applies it again. Meanwhile it takes no other event, so every
 * partition it owns waits behind that one (head-of-line blocking). With no hook the projection
 * does not ask anyone: the path costs one comparison.
 */
export interface ApplyHook {
  attempt(ev: number, partition: number): number;
}

/** The event stream and its projectors, as a part that hooks the apply sees them. */
export interface Projected {
  /** Partitions of the stream (fixed for the run): at most one event of each is in apply at a time. */
  readonly partitions: number;
  /** Puts a hook at the apply, or removes it (null). One hook at a time. */
  setApplyHook(hook: ApplyHook | null): void;
}
