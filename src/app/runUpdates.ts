/**
 * The worker's updates, shown: coalesced so the page renders at most every UI_EVERY_MS, the
 * charts' windows at most every SERIES_FLUSH_MS, and a dead worker's last words dropped. The
 * controller (controller.ts) hands the bridge these two callbacks.
 */
import type { WindowStats } from '../../simulation/index';
import { appendWindows } from '../state/series';
import { useRunStore } from '../state/runStore';
import type { RunUpdate } from '../worker/runner';

/** Windows reach the charts at most this often while running (the topology updates every post). */
const SERIES_FLUSH_MS = 250;
const UI_EVERY_MS = 100;

let pendingWindows: WindowStats[] = [];
let lastFlush = 0;

/**
 * The run's first window so far (RunUpdate.preview), not yet shown; and whether the series the
 * page shows is that preview alone. The first whole window replaces it.
 */
let preview: WindowStats | null = null;
let showingPreview = false;

function flushSeries(): void {
  lastFlush = performance.now();
  if (pendingWindows.length === 0) {
    if (!preview) return;
    const first = preview;
    preview = null;
    showingPreview = true;
    useRunStore.setState({ series: [first] });
    return;
  }
  const windows = pendingWindows;
  pendingWindows = [];
  preview = null;
  const replace = showingPreview;
  showingPreview = false;
  useRunStore.setState((s) => ({ series: appendWindows(replace ? [] : s.series, windows) }));
}

/** The run the page is showing; updates from an earlier run (still in flight) are dropped. */
let runId = -1;

/**
 * The latest update not yet shown. Updates are coalesced so the page renders at most every
 * `UI_EVERY_MS` (the worker may post up to ~30 a second); a change of status shows at once.
 */
let latest: RunUpdate | null = null;
let uiTimer: ReturnType<typeof setTimeout> | null = null;

export function onUpdate(u: RunUpdate): void {
  if (u.runId < runId) return;
  if (u.runId > runId) {
    runId = u.runId;
    pendingWindows = [];
    preview = null;
    showingPreview = false;
    useRunStore.setState({ series: [] });
  }
  pendingWindows = appendWindows(pendingWindows, u.windows);
  if (u.preview && pendingWindows.length === 0 && (showingPreview || useRunStore.getState().series.length === 0)) preview = u.preview;
  const statusChanged = u.status !== useRunStore.getState().status;
  latest = u;
  if (statusChanged || u.error) showLatest();
  else uiTimer ??= setTimeout(showLatest, UI_EVERY_MS);
}

function showLatest(): void {
  if (uiTimer !== null) clearTimeout(uiTimer);
  uiTimer = null;
  const u = latest;
  if (!u) return;
  latest = null;
  useRunStore.setState({
    status: u.status,
    snapshot: u.snapshot,
    report: u.report,
    achievedSpeed: u.achievedSpeed,
    ...(u.error ? { error: u.error } : {}),
  });
  // As fast as possible, the charts change too fast to read anyway: redraw them less often.
  const every = useRunStore.getState().speed === 'max' ? 2 * SERIES_FLUSH_MS : SERIES_FLUSH_MS;
  if (u.status !== 'running' || performance.now() - lastFlush >= every) flushSeries();
}

export function onFailure(message: string): void {
  // Drop what the dead worker said last, or it would overwrite the failure a moment later.
  if (uiTimer !== null) clearTimeout(uiTimer);
  uiTimer = null;
  latest = null;
  pendingWindows = [];
  preview = null;
  runId = -1; // a new worker counts its runs from the start
  useRunStore.setState({ status: 'failed', error: message, achievedSpeed: null });
}
