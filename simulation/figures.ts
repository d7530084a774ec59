/**
 * The registry of figures: every number a report (and each window of the series) holds, with a
 * stable id (its dotted path in the report, `[]` for each element of a list), a unit and a
 * sentence of help. The page's figures and charts, the CLI's summaries and a host page name
 * figures by these ids. Each part declares its own (the built-in parts in `parts/decl/`, the parts
 * on the contract in their modules); this module joins them, and names no part. Zod-free, like
 * `fields.ts`. A test checks it against a full report.
 */

import { figureLabel } from './output/figureLabels';
import { PARTS } from './parts';
import { builtinFigureBlocks, type FigureBlock } from './parts/decl';
import { STAGE_PATHS, STAGES, type StagedSummary } from './stages';

export interface FigureEntry {
  /** Dotted path in the report, such as `queries.latencyMs.p99`; `[]` stands for every element of a list. */
  readonly id: string;
  /** ms, s, rps, ratio (0..1), hours, or what it counts. */
  readonly unit: string;
  readonly help: string;
  /** A short human label ("Query p99 latency"), from the rule in `figureLabels.ts`. */
  readonly label: string;
}

type Row = readonly [id: string, unit: string, help: string];

/** The causes the parts add to `errors`, after the engine's own, in the list's order. */
const PART_CAUSES = PARTS.flatMap((p) => (p.cause ? [p.cause] : []));

/** The rows of a built-in part's block, then what the parts on the contract add right after it (`FigureBlock.then`). */
function expand(block: FigureBlock, window: boolean): Row[] {
  const then = block.then;
  if (then === 'causes') return [...block.rows, ...PART_CAUSES.map((c): Row => [`errors.${c.id}`, window ? 'attempts/s' : 'attempts', window ? c.windowHelp : c.reportHelp])];
  if (then) return [...block.rows, ...PARTS.flatMap((p) => (p.serviceFigures ?? []).map(([id, unit, help]): Row => [`${then.serviceFiguresOf}.${id}`, unit, help]))];
  return [...block.rows];
}

/** The help of a stage by its id (a stage id names the same stage wherever it appears). */
const stageHelp = (id: string): string => STAGES.find((s) => s.id === id)?.help ?? id;

/**
 * The figures a latency summary gains from its stages (docs/stages.md), under `id` (the summary's
 * place in the report or in a window's `stages`): the mean per stage, the same over the tail, and the tail.
 */
const staged = (id: string, summary: StagedSummary): Row[] => [
  ...STAGE_PATHS[summary].ids.map((s): Row => [`${id}.stages.${s}`, 'ms', `Mean time in this stage, over the requests the summary covers (the stages add up to the mean): ${stageHelp(s)}`]),
  ...STAGE_PATHS[summary].ids.map((s): Row => [`${id}.tailStages.${s}`, 'ms', `Mean time in this stage over the tail, the slowest 1% or so (the stages add up to the tail's mean): ${stageHelp(s)}`]),
  [`${id}.tail.count`, 'samples', "How many samples the tail holds: those in the p99's histogram bucket and above (at least 1%)."],
  [`${id}.tail.mean`, 'ms', 'Mean of the tail: what its stages add up to.'],
  [`${id}.tail.fromMs`, 'ms', 'Where the tail starts: the lower edge of the p99\'s histogram bucket (within 0.8% below the p99).'],
];

/** The stage figures of the report, after the summary they split (by the id of that summary's last row). */
const STAGED_AFTER: ReadonlyMap<string, Row[]> = new Map([
  ...(['commands', 'queries'] as const).map((c): [string, Row[]] => [`${c}.clientLatencyMs.max`, [...staged(`${c}.latencyMs`, `${c}.latencyMs`), ...staged(`${c}.clientLatencyMs`, `${c}.clientLatencyMs`)]]),
  ['consistencyLagMs.max', staged('consistencyLagMs', 'consistencyLagMs')],
  ['replicaLagMs.max', staged('replicaLagMs', 'replicaLagMs')],
]);

/** Where each window's latencies and lags went, by stage (the requests and events that ended in the window). */
const WINDOW_STAGED: Row[] = (['commands.latencyMs', 'commands.clientLatencyMs', 'queries.latencyMs', 'queries.clientLatencyMs', 'consistencyLagMs', 'replicaLagMs'] as const).flatMap((s) => staged(`stages.${s}`, s));

/**
 * The report's figures: each built-in part's (`parts/decl/`), in their places, then the figures
 * the parts on the contract add at the report's end, in the list's order.
 */
const ROWS: Row[] = [
  ...builtinFigureBlocks(false).flatMap((b) => expand(b, false)).flatMap((r) => [r, ...(STAGED_AFTER.get(r[0]) ?? [])]),
  ...PARTS.flatMap((p) => p.figures ?? []),
];

/** Every figure of the report, in the report's order. */
export const FIGURES: readonly FigureEntry[] = ROWS.map(([id, unit, help]) => ({ id, unit, help, label: figureLabel(id) }));

const BY_ID: ReadonlyMap<string, FigureEntry> = new Map(FIGURES.map((f) => [f.id, f]));

/** The figure with this id (list indices written `[]`), or undefined. */
export function figureAt(id: unknown): FigureEntry | undefined {
  return typeof id === 'string' ? BY_ID.get(id.replace(/\[\d+\]/g, '[]')) : undefined;
}

/**
 * A window's figures: each built-in part's, in their places, then the figures the parts on the
 * contract add to each window, in the list's order (columns while a part is in the run).
 */
const SERIES_ROWS: Row[] = [...builtinFigureBlocks(true).flatMap((b) => expand(b, true)), ...WINDOW_STAGED, ...PARTS.flatMap((p) => p.windowFigures ?? [])];

/** Every figure of a window of the time series (the CSV's columns), by its flattened name. */
export const SERIES_FIGURES: readonly FigureEntry[] = SERIES_ROWS.map(([id, unit, help]) => ({ id, unit, help, label: figureLabel(id) }));

/** The ids of the series figures the parts declare (their causes' counts and their window figures). */
const PART_SERIES = new Set([...PART_CAUSES.map((c) => `errors.${c.id}`), ...PARTS.flatMap((p) => (p.windowFigures ?? []).map(([id]) => id))]);

/** The series figures of the engine's own, in order: the CSV's columns in every run (`series.ts`). */
export const ENGINE_SERIES_IDS: readonly string[] = SERIES_FIGURES.map((f) => f.id).filter((id) => !PART_SERIES.has(id));

const SERIES_BY_ID: ReadonlyMap<string, FigureEntry> = new Map(SERIES_FIGURES.map((f) => [f.id, f]));

/** The series figure with this id (a flattened window field, such as `queries.clientP99`), or undefined. */
export function seriesFigureAt(id: unknown): FigureEntry | undefined {
  return typeof id === 'string' ? SERIES_BY_ID.get(id) : undefined;
}
