/**
 * Exports from the page: the time series as CSV (the CLI's --series columns and number format);
 * a chart or the topology as a standalone SVG or a PNG of it (./figureExport).
 */
import type { Scenario, WindowStats } from '../../simulation/index';
import { seriesColumns, seriesRowIn } from '../../simulation/series';
export { downloadBlob, fileNameOf } from './download';
export { standalonePng, standaloneSvg, type Figure, type LegendEntry } from './figureExport';

/**
 * The windows of a run of `scenario` as CSV, exactly as `npm run sim -- file.json --series out.csv`
 * writes them: the engine's columns, then those of the parts in the run (`seriesColumns`).
 */
export function seriesCsv(windows: readonly WindowStats[], scenario: Scenario): string {
  const columns = seriesColumns(scenario);
  return [columns.join(','), ...windows.map((w) => seriesRowIn(columns, w))].join('\n') + '\n';
}

