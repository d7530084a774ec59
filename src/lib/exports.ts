/**
 * Exports from the page: the time series as CSV (the CLI's --series columns and number format);
 * a chart or the topology as a standalone SVG or a PNG of it (./figureExport).
 */
import type { WindowStats } from '../../simulation/index';
import { seriesHeader, seriesRow } from '../../simulation/series';
export { downloadBlob, fileNameOf } from './download';
export { standalonePng, standaloneSvg, type Figure, type LegendEntry } from './figureExport';

/** The windows as CSV, exactly as `npm run sim -- file.json --series out.csv` writes them. */
export function seriesCsv(windows: readonly WindowStats[]): string {
  return [seriesHeader(), ...windows.map(seriesRow)].join('\n') + '\n';
}

