/**
 * The worker's updates, shown: coalesced so the page renders at most every UI_EVERY_MS, the
 * charts' windows at most every SERIES_FLUSH_MS, and a dead worker's last words dropped. The
 * bridge is handed one of these as its handlers; the store and the clock are the page's, or a
 * test's (src/app/testController.ts).
 */
import type { StoreApi } from 'zustand';
import type { WindowStats } from '../../simulation/index';
import type { BridgeHandlers } from '../bridge/simBridge';
import { appendWindows } from '../state/series';
import type { RunState } from '../state/runStore';
import type { Clock, RunUpdate } from '../worker/runner';

/** Windows reach the charts at most this often while running (the topology updates every post). */
const SERIES_FLUSH_MS = 250;
const UI_EVERY_MS = 100;

export class RunUpdates implements BridgeHandlers {
  private pendingWindows: WindowStats[] = [];
  private lastFlush = 0;
  /**
   * The run's first window so far (RunUpdate.preview), not yet shown; and whether the series the
   * page shows is that preview alone. The first whole window replaces it.
   */
  private preview: WindowStats | null = null;
  private showingPreview = false;
  /** The run the page is showing; updates from an earlier run (still in flight) are dropped. */
  private runId = -1;
  /**
   * The latest update not yet shown. Updates are coalesced so the page renders at most every
   * `UI_EVERY_MS` (the worker may post up to ~30 a second); a change of status shows at once.
   */
  private latest: RunUpdate | null = null;
  private uiTimer: unknown = null;

  constructor(
    private readonly store: StoreApi<RunState>,
    private readonly clock: Clock,
  ) {}

  onUpdate(u: RunUpdate): void {
    if (u.runId < this.runId) return;
    if (u.runId > this.runId) {
      this.runId = u.runId;
      this.pendingWindows = [];
      this.preview = null;
      this.showingPreview = false;
      this.store.setState({ series: [], following: null, followed: null, followNote: null, replaying: false });
    }
    // Kept apart from the coalesced updates: the one update that carries a followed trace may be overtaken.
    if (u.followed) this.store.setState({ following: null, followed: u.followed, replaying: false });
    if (u.followMissed) this.store.setState((s) => ({ replaying: false, followNote: s.followNote ? `${s.followNote} ${u.followMissed}` : u.followMissed }));
    this.pendingWindows = appendWindows(this.pendingWindows, u.windows);
    if (u.preview && this.pendingWindows.length === 0 && (this.showingPreview || this.store.getState().series.length === 0)) this.preview = u.preview;
    const statusChanged = u.status !== this.store.getState().status;
    this.latest = u;
    if (statusChanged || u.error) this.showLatest();
    else this.uiTimer ??= this.clock.schedule(() => this.showLatest(), UI_EVERY_MS);
  }

  onFailure(message: string): void {
    // Drop what the dead worker said last, or it would overwrite the failure a moment later.
    this.cancelTimer();
    this.latest = null;
    this.pendingWindows = [];
    this.preview = null;
    this.runId = -1; // a new worker counts its runs from the start
    this.store.setState({ status: 'failed', error: message, achievedSpeed: null });
  }

  private cancelTimer(): void {
    if (this.uiTimer !== null) this.clock.cancel(this.uiTimer);
    this.uiTimer = null;
  }

  private showLatest(): void {
    this.cancelTimer();
    const u = this.latest;
    if (!u) return;
    this.latest = null;
    this.store.setState({
      status: u.status,
      snapshot: u.snapshot,
      report: u.report,
      achievedSpeed: u.achievedSpeed,
      ...(u.error ? { error: u.error } : {}),
    });
    // As fast as possible, the charts change too fast to read anyway: redraw them less often.
    const every = this.store.getState().speed === 'max' ? 2 * SERIES_FLUSH_MS : SERIES_FLUSH_MS;
    if (u.status !== 'running' || this.clock.now() - this.lastFlush >= every) this.flushSeries();
  }

  private flushSeries(): void {
    this.lastFlush = this.clock.now();
    if (this.pendingWindows.length === 0) {
      if (!this.preview) return;
      const first = this.preview;
      this.preview = null;
      this.showingPreview = true;
      this.store.setState({ series: [first] });
      return;
    }
    const windows = this.pendingWindows;
    this.pendingWindows = [];
    this.preview = null;
    const replace = this.showingPreview;
    this.showingPreview = false;
    this.store.setState((s) => ({ series: appendWindows(replace ? [] : s.series, windows) }));
  }
}
