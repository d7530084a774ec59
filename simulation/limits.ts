/**
 * Run limits: memory is bounded by the work in flight, and these bound the work in flight. A run
 * that goes past one stops at once, with a sentence saying when and why, rather than growing
 * until the tab or the process runs out of memory. At the request limit (2,000,000 queries queued
 * on an overloaded service) a run peaked at 463 MB of heap and typed arrays, 471 MB resident, on
 * 2026-12-08.
 */

/**
 * Requests (attempts) in the system at once: 162 bytes of state each (96 of them the times of its
 * stages), in typed arrays that double as they fill.
 */
export const MAX_REQUESTS_IN_FLIGHT = 2_000_000;
/** Events committed but not yet on every read node: about 30 bytes each. */
export const MAX_STREAM_EVENTS_IN_FLIGHT = 4_000_000;
/** Pending events on the calendar: 33 bytes each. */
export const MAX_PENDING_EVENTS = 4_000_000;
/** The limits are checked every this many events (a power of two), so a run overshoots by at most that. */
export const LIMIT_CHECK_EVERY = 1024;
/** A host's interrupt (a wall-clock limit) is asked every this many events. */
export const INTERRUPT_EVERY = 1 << 17;

/** Why a run stopped before its end: the simulated time and a sentence. */
export interface RunStop {
  atS: number;
  reason: string;
}

/** 1234567 as "1,234,567" and 10000.5 as "10,000.5", the same on every host (no locale). */
export function groupDigits(n: number): string {
  const [whole, frac] = String(n).split('.');
  const g = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? g : `${g}.${frac}`;
}

/** The limits of one run (tests use smaller ones to reach them quickly). */
export interface RunLimits {
  requestsInFlight: number;
  streamEventsInFlight: number;
  pendingEvents: number;
}

export const DEFAULT_LIMITS: RunLimits = {
  requestsInFlight: MAX_REQUESTS_IN_FLIGHT,
  streamEventsInFlight: MAX_STREAM_EVENTS_IN_FLIGHT,
  pendingEvents: MAX_PENDING_EVENTS,
};

/** The reason a run must stop now, or null: what is over which limit. */
export function overLimit(limits: RunLimits, requests: number, streamEvents: number, pendingEvents: number): string | null {
  const over = (what: string, n: number, limit: number) => `${groupDigits(n)} ${what}, over the limit of ${groupDigits(limit)}`;
  if (requests > limits.requestsInFlight) return over('requests in flight', requests, limits.requestsInFlight);
  if (streamEvents > limits.streamEventsInFlight) {
    return over('events not yet applied on every read node', streamEvents, limits.streamEventsInFlight);
  }
  if (pendingEvents > limits.pendingEvents) return over('events pending on the calendar', pendingEvents, limits.pendingEvents);
  return null;
}

/** The reason a run must stop because a part holds more than its declared limit (`Part.limit`), or null. */
export function overPartLimit(held: readonly (readonly [limit: { what: string; max: number }, n: number])[]): string | null {
  for (const [{ what, max }, n] of held) if (n > max) return `${groupDigits(n)} ${what}, over the limit of ${groupDigits(max)}`;
  return null;
}
