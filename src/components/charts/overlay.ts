/**
 * A second run drawn over a chart: each line of the chart again, read from the other run's
 * windows (SeriesDef.data). The study's A/B charts and the page's kept run both draw it this way.
 */
import type { WindowStats } from '../../../simulation/index';
import type { ChartDef, SeriesDef } from './LineChart';

/** `s` drawn from `windows` instead of the chart's own run. */
export const fromRun = (s: SeriesDef, windows: readonly WindowStats[]): SeriesDef => ({ ...s, data: windows });

/**
 * The chart with the kept run behind it: its solid lines again, faint, from `windows`, named
 * "`label`: line" in the legend (a dashed line of the chart is a secondary one, left out).
 */
export function withKeptRun(def: ChartDef, windows: readonly WindowStats[], label: string): ChartDef {
  const kept = def.series.filter((s) => !s.dashed).map((s) => ({ ...fromRun(s, windows), label: `${label}: ${s.label}`, faint: true }));
  return { ...def, series: [...def.series, ...kept] };
}
