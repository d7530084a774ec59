/**
 * A finished study's figures, computed in a study worker from the reports with the engine's own
 * statistics (`replicationRows`, `compareRows`, `rowsCsv`: the functions the CLI uses), so the
 * page's means and intervals are the CLI's to the last bit.
 */
import { compareRows, KEY_FIGURES, replicationRows, rowsCsv, type FigureRow, type Report, type WindowStats } from '../../simulation/index';
import type { StudyPlan } from './plan';
import type { StudyKind } from './studyLink';

export interface SweepPoint {
  value: number | string | boolean;
  rows: FigureRow[];
}

export interface StudyResult {
  kind: StudyKind;
  name: string;
  seeds: number[];
  /** Replications: every figure's mean and interval; a comparison: A, B and the paired difference. */
  rows: FigureRow[];
  /** A comparison's time series, first seed: A and B. */
  seriesA?: WindowStats[];
  seriesB?: WindowStats[];
  field?: string;
  points?: SweepPoint[];
  /** The CLI's CSV of the same study. */
  csv: string;
  /** The figures shown first (and alone, until the table is asked for every figure). */
  keyFigures: readonly string[];
}

export function resultOf(plan: StudyPlan, reports: readonly Report[], series: readonly (WindowStats[] | undefined)[]): StudyResult {
  const n = plan.seeds.length;
  const base = { kind: plan.kind, name: plan.name, seeds: plan.seeds, keyFigures: KEY_FIGURES };
  if (plan.kind === 'sweep') {
    const points = plan.groups.map((g, i) => ({ value: g.value!, rows: replicationRows(reports.slice(i * n, (i + 1) * n)) }));
    const csv = points.map((p, i) => rowsCsv(p.rows, { field: plan.field!, value: p.value }, i === 0)).join('');
    return { ...base, rows: [], field: plan.field, points, csv };
  }
  if (plan.kind === 'compare') {
    const rows = compareRows(reports.slice(0, n), reports.slice(n));
    return { ...base, rows, seriesA: series[0], seriesB: series[n], csv: rowsCsv(rows) };
  }
  const rows = replicationRows(reports);
  return { ...base, rows, csv: rowsCsv(rows) };
}
