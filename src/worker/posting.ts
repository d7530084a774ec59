/**
 * What the runner posts to the page, shaped: the latest windows (the page keeps no more), and the
 * preview of a run's first window (`FirstWindowPreview`), its counts scaled to per second.
 */
import type { ClassWindow, Scenario, WindowStats } from '../../simulation/index';
import { Simulation, WINDOW_MS } from '../../simulation/simulation';

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

/**
 * The first window so far, while a paced run has none yet: so a chart shows a line well within the
 * first second at 1x. The engine closes windows only on whole seconds, so a preview runs a second
 * Simulation of the same scenario (recorded changes included) that ends now, and takes its one
 * window; the run itself is not touched, its report stays byte for byte the same. Only while
 * simulating is cheap next to the wall clock, since each preview re-runs from time 0.
 */
export class FirstWindowPreview {
  /** Whether this run has posted a window yet, and the simulated time of its last preview. */
  private hadWindow = false;
  private lastSimMs = 0;

  /** A new run: no window yet. */
  reset(): void {
    this.hadWindow = false;
    this.lastSimMs = 0;
  }

  /** The run posts `count` windows: once it has one, previews end. */
  sawWindows(count: number): void {
    if (count > 0) this.hadWindow = true;
  }

  /**
   * The preview to post at simulated time `nowMs`, or null when none is due. `paced`: the run is
   * running at a set speed; `wallRunMs`: the wall time it has taken so far; `scenario`: the run's
   * scenario with its recorded changes (asked only when a preview is due).
   */
  next(nowMs: number, paced: boolean, wallRunMs: number, scenario: () => Scenario): WindowStats | null {
    if (this.hadWindow || !paced) return null;
    const t = Math.floor(nowMs);
    if (t < this.lastSimMs + PREVIEW_EVERY_MS || t >= WINDOW_MS || wallRunMs > t / 4) return null;
    this.lastSimMs = t;
    return previewWindow(scenario(), t);
  }
}

/** The first window of `scenario` up to `tMs`, its counts per second: null when there is none or the run fails (a preview is a nicety). */
function previewWindow(scenario: Scenario, tMs: number): WindowStats | null {
  try {
    const shadow = new Simulation({ ...scenario, durationS: tMs / 1000 });
    shadow.run();
    const w = shadow.drainWindows()[0];
    return w ? perSecond(w, tMs) : null;
  } catch {
    return null;
  }
}
