/**
 * The runner's vocabulary, shared with the page (which imports it through runner.ts): the pace of
 * a run, its status, what the worker posts, the answers to a load and to a change, and the clock
 * the runner is driven by (the browser's, or a test's).
 */
import type { Report, Scenario, ScenarioProblem, Snapshot, Trace, WindowStats } from '../../simulation/index';
import type { Intervention } from './interventions';

/** Simulated seconds per wall second, or as fast as the machine goes. */
export type Speed = number | 'max';
export type RunStatus = 'ready' | 'running' | 'paused' | 'done' | 'failed';

/** What the worker posts to the page, at most every `POST_EVERY_MS`. Small plain data. */
export interface RunUpdate {
  /** Increases with every reset or load: the page drops its series when it sees a new run. */
  runId: number;
  status: RunStatus;
  snapshot: Snapshot;
  /** Windows completed since the previous update (the page keeps the series). */
  windows: WindowStats[];
  report: Report;
  /** Simulated ms per wall ms over the last update interval, when running. */
  achievedSpeed: number | null;
  /**
   * Before the run's first whole window: the window so far, from time 0 to now, with counts
   * scaled to per second. The charts draw it until the first window comes (replacing it).
   */
  preview?: WindowStats;
  /** The trace of the request the page asked to follow (follow.ts), once it is done. */
  followed?: Trace;
  /** Why the replay that was to trace the slowest request found no whole trace (follow.ts). */
  followMissed?: string;
  /** A message when the simulation threw. */
  error?: string;
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };
export type ChangeOutcome =
  | { ok: true; scenario: Scenario; interventions: Intervention[]; restarted: boolean; atS: number }
  | { ok: false; problems: ScenarioProblem[] };

/** Wall time, in ms, and timers on it. */
export interface Clock {
  now(): number;
  schedule(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}
