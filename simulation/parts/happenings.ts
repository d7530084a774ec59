/**
 * What happened during a run, in order, for the page's chart markers and its "what happened"
 * log: live changes, scaling decisions, instances that start to serve, faults starting and
 * ending, and health checks marking instances down and up. Each entry goes into the window of
 * the time series it happened in (`WindowStats.happenings`).
 *
 * Bounded: at most MAX_PER_WINDOW entries a window and MAX_PER_RUN a run; the rest are counted
 * (`WindowStats.happeningsDropped`), never kept. Deterministic: entries come from the model's
 * own events, in the engine's order.
 */
import type { Engine } from '../engine/core';
import type { Happening } from '../types';

export const MAX_HAPPENINGS_PER_WINDOW = 40;
export const MAX_HAPPENINGS_PER_RUN = 5000;
/** A change's value is kept as JSON text of at most this many characters. */
const MAX_VALUE_CHARS = 80;

export class Happenings {
  private current: Happening[] = [];
  private droppedInWindow = 0;
  private kept = 0;

  constructor(private readonly engine: Engine) {}

  /** Notes `h` at the current simulated time (dropped, and counted, beyond the caps). */
  add(h: Omit<Happening, 'atS'>): void {
    if (this.current.length >= MAX_HAPPENINGS_PER_WINDOW || this.kept >= MAX_HAPPENINGS_PER_RUN) {
      this.droppedInWindow++;
      return;
    }
    this.kept++;
    // Milliseconds are enough: a marker is drawn on a time axis of seconds.
    this.current.push({ atS: Math.round(this.engine.nowMs) / 1000, ...h });
  }

  /** A live change (or a recorded intervention) of field `set` to `value`. */
  change(set: string, value: unknown): void {
    let text = value === undefined ? 'null' : JSON.stringify(value);
    if (text.length > MAX_VALUE_CHARS) text = `${text.slice(0, MAX_VALUE_CHARS - 1)}…`;
    this.add({ kind: 'change', what: set, value: text });
  }

  /** The entries of the window just closed, and how many were dropped in it; starts the next. */
  take(): { happenings: Happening[]; dropped: number } {
    const out = { happenings: this.current, dropped: this.droppedInWindow };
    this.current = [];
    this.droppedInWindow = 0;
    return out;
  }
}
