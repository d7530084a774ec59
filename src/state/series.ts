/** The page keeps the time series; the worker only hands out new windows. */
import type { WindowStats } from '../../simulation/index';

/** Windows kept for the charts: the last 10 minutes of simulated time (1 s windows). */
export const MAX_WINDOWS = 600;

/**
 * `series` followed by `windows`, keeping at most `max` of the latest. Returns `series` itself
 * when there is nothing new, so React and memoised charts see no change.
 */
export function appendWindows(series: readonly WindowStats[], windows: readonly WindowStats[], max = MAX_WINDOWS): WindowStats[] {
  if (windows.length === 0) return series as WindowStats[];
  const all = series.concat(windows);
  return all.length > max ? all.slice(all.length - max) : all;
}
