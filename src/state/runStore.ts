/** The state of the run as the page sees it: status, latest snapshot, series, report, errors. */
import { create } from 'zustand';
import type { Report, Snapshot, Trace, WindowStats } from '../../simulation/index';
import type { RunStatus, Speed } from '../worker/runner';
import type { FollowKind } from '../worker/follow';

export type PageStatus = RunStatus | 'starting';

export interface RunState {
  status: PageStatus;
  speed: Speed;
  snapshot: Snapshot | null;
  /** The latest windows (bounded; see series.ts). */
  series: WindowStats[];
  /** The report so far (after warm-up); the final report once the status is 'done'. */
  report: Report | null;
  /** Simulated ms per wall ms, when running. */
  achievedSpeed: number | null;
  /** What went wrong with the worker or the simulation, in words. */
  error: string | null;
  /** A short message about the last action (a restart, a loaded file). */
  notice: string | null;
  /** "Follow a request": the kind asked for while its trace is awaited, and the trace once it came. */
  following: FollowKind | null;
  followed: Trace | null;
  /** True while the worker replays the run to trace the followed request (the slowest of a second). */
  replaying?: boolean;
  /** How the followed request was chosen, in words ("the slowest query answered from 12 s to 13 s"), or why none was. */
  followNote?: string | null;
  /** The topology's parts the followed request went through (set with its waterfall, follow/path.ts); none without one. */
  followedPath: readonly string[];
}

export const initialRunState: RunState = {
  status: 'starting',
  speed: 1,
  snapshot: null,
  series: [],
  report: null,
  achievedSpeed: null,
  error: null,
  notice: null,
  following: null,
  followed: null,
  followedPath: [],
};

export const useRunStore = create<RunState>()(() => ({ ...initialRunState }));
