/**
 * What the runner posts to the page, shaped: the latest windows (the page keeps no more), and the
 * preview of a run's first window, its counts scaled to per second.
 */
import type { ClassWindow, WindowStats } from '../../simulation/index';

/** The page keeps at most this many windows; older ones are not worth sending. */
export const MAX_WINDOWS_PER_POST = 600;

export function latestWindows(windows: WindowStats[]): WindowStats[] {
  return windows.length > MAX_WINDOWS_PER_POST ? windows.slice(windows.length - MAX_WINDOWS_PER_POST) : windows;
}
/** Before the first whole window, a preview (RunUpdate.preview) at most every this many simulated ms. */
export const PREVIEW_EVERY_MS = 200;

/** `w`, a window of `spanMs`, with its counts per second (a whole window is one second). */
export function perSecond(w: WindowStats, spanMs: number): WindowStats {
  const k = 1000 / spanMs;
  const cls = (c: ClassWindow): ClassWindow => ({
    ...c,
    offered: c.offered * k,
    retries: c.retries * k,
    completed: c.completed * k,
    rejected: c.rejected * k,
    timedOut: c.timedOut * k,
    failed: c.failed * k,
  });
  const e = w.errors;
  return {
    ...w,
    commands: cls(w.commands),
    queries: cls(w.queries),
    errors: { deadInstance: e.deadInstance * k, shardDown: e.shardDown * k, injected: e.injected * k, noInstance: e.noInstance * k },
  };
}
