/**
 * What the first screen's charts read of the built-in parts: their charts (`BuiltinView.charts`),
 * in their places. Like `engineFacts.ts`, vite.config.ts runs this module at build time and the
 * page imports `virtual:chart-facts`, plain data; a module of its own, so that it is bundled with
 * the charts (the first screen's chunk) rather than the entry. Vitest aliases it to this file.
 */
import { BUILTIN_CHARTS as builtinCharts } from '../simulation/index';

/** The built-in parts' charts, in their places: the first screen's charts are made from them (`chartDefs.ts`). */
export const BUILTIN_CHARTS = builtinCharts;
