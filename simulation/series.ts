/**
 * The per-window time series as CSV: one header, one row per window, flat column names. The
 * engine's columns always (its window figures, as `figures.ts` declares them); then the columns of each part in the run (`Part.windowFigures`, in the
 * order of the parts list) when the caller names the run's scenario.
 */
import { ENGINE_SERIES_IDS } from './figures';
import { PARTS } from './parts';
import type { Scenario } from './scenario';
import type { WindowStats } from './types';

type Row = Record<string, number>;

function flatten(w: WindowStats): Row {
  const row: Row = {};
  const walk = (o: object, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      const name = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'number') row[name] = v;
      else if (v !== null && typeof v === 'object') walk(v, name);
    }
  };
  walk(w, '');
  return row;
}

/** The engine's columns: its own window figures as `figures.ts` declares them, in order. */
const COLUMNS = ENGINE_SERIES_IDS;

/** Whether a run of `scenario` has the part's section at its start or sets it by an intervention. */
function inRun(scenario: Scenario, section: string): boolean {
  return (scenario as unknown as Record<string, unknown>)[section] !== undefined || scenario.interventions.some((iv) => iv.set === section || iv.set.startsWith(`${section}.`));
}

/** The series' columns for a run of `scenario`: the engine's, then those of the parts in the run (none without a scenario). */
export function seriesColumns(scenario?: Scenario): readonly string[] {
  if (!scenario) return COLUMNS;
  const parts = PARTS.flatMap((p) => (p.section && p.windowFigures && inRun(scenario, p.section.name) ? p.windowFigures.map(([id]) => id) : []));
  return parts.length === 0 ? COLUMNS : [...COLUMNS, ...parts];
}

export function seriesHeader(scenario?: Scenario): string {
  return seriesColumns(scenario).join(',');
}

/** One window's row in `columns` (`seriesColumns`); a column the window lacks (a part not yet on) is empty. */
export function seriesRowIn(columns: readonly string[], w: WindowStats): string {
  const row = flatten(w);
  return columns
    .map((c) => {
      const v = row[c];
      return v === undefined ? '' : Number.isInteger(v) ? String(v) : v.toFixed(4);
    })
    .join(',');
}

/** One window's row in the engine's columns. */
export function seriesRow(w: WindowStats): string {
  return seriesRowIn(COLUMNS, w);
}
