/**
 * The figures of the "where the time goes" panel, from a window or the report: for queries,
 * commands and the consistency lag, the mean's stages and the p99 tail's, in the order a request
 * meets them (docs/stages.md). Plain functions of the data; the panel only draws them.
 */
import type { Report, StageSplit, WindowStats } from '../../../simulation/index';

/** A stage as the page names it (from `STAGE_FACTS`, made at build time from the engine's `STAGES`). */
export interface StageName {
  readonly id: string;
  readonly label: string;
  readonly help: string;
}

/** The stages and each staged summary's stage ids, in order (`STAGE_FACTS` of virtual:part-declarations). */
export interface StageFacts {
  readonly stages: readonly StageName[];
  readonly paths: Readonly<Record<string, readonly string[]>>;
}

/** One stage of a bar: its ms, its share of the bar's total (0 to 1) and its place in the summary's path. */
export interface Segment {
  readonly id: string;
  readonly label: string;
  readonly ms: number;
  readonly share: number;
  readonly index: number;
}

/** A stacked bar: every stage of the summary (zeros too, for the table), and their total in ms. */
export interface StageBar {
  readonly totalMs: number;
  readonly segments: readonly Segment[];
}

export type GroupId = 'queries' | 'commands' | 'lag';

/** A group of the panel: which summary it draws and how it is named. */
export interface GroupDef {
  readonly id: GroupId;
  readonly title: string;
  /** The staged summary: its id in the report, and in a window's `stages`. */
  readonly summary: 'queries.clientLatencyMs' | 'commands.clientLatencyMs' | 'consistencyLagMs';
  /** What the latency is, in a few words. */
  readonly what: string;
}

export const GROUPS: readonly GroupDef[] = [
  { id: 'queries', title: 'Queries', summary: 'queries.clientLatencyMs', what: 'what a client waits for an answer, retries included' },
  { id: 'commands', title: 'Commands', summary: 'commands.clientLatencyMs', what: 'what a client waits for the commit, retries included' },
  { id: 'lag', title: 'Consistency lag', summary: 'consistencyLagMs', what: "from a command's commit until the read model shows it" },
];

/** A group's figures: the mean's bar, the tail's bar (the requests from `tailFromMs` up), and how many the tail holds. */
export interface GroupFigures {
  readonly def: GroupDef;
  readonly mean: StageBar;
  readonly tail: StageBar;
  readonly tailCount: number;
  readonly tailFromMs: number;
}

/** The summary's split in a window (`window.stages`) or in the report (the summary itself). */
export function splitOf(source: { window: WindowStats } | { report: Report }, summary: GroupDef['summary']): StageSplit {
  const root = 'window' in source ? source.window.stages : source.report;
  if (summary === 'consistencyLagMs') return root.consistencyLagMs;
  return summary === 'queries.clientLatencyMs' ? root.queries.clientLatencyMs : root.commands.clientLatencyMs;
}

/** A stacked bar of `values` (ms by stage id) over the stages `ids`, in that order; a stage missing from `values` counts 0. */
export function barOf(values: Readonly<Record<string, number>>, ids: readonly string[], facts: StageFacts): StageBar {
  // Rounding may leave a mean of exactly 0 at -1e-17 (docs/stages.md); a bar has no negative part.
  const ms = ids.map((id) => Math.max(0, values[id] ?? 0));
  const totalMs = ms.reduce((a, b) => a + b, 0);
  const segments = ids.map((id, index) => ({
    id,
    label: facts.stages.find((s) => s.id === id)?.label ?? id,
    ms: ms[index],
    share: totalMs > 0 ? ms[index] / totalMs : 0,
    index,
  }));
  return { totalMs, segments };
}

/** The bar's stages from the largest down, the ones with no time left out. */
export function ranked(bar: StageBar): Segment[] {
  return bar.segments.filter((s) => s.ms > 0).sort((a, b) => b.ms - a.ms || a.index - b.index);
}

/** Every group's figures from one window or from the report. */
export function groupFigures(source: { window: WindowStats } | { report: Report }, facts: StageFacts): GroupFigures[] {
  return groupFiguresOf((summary) => splitOf(source, summary), facts);
}

/** Every group's figures, each group's split from `splitFor` (a window's, the report's, or a study's means). */
export function groupFiguresOf(splitFor: (summary: GroupDef['summary']) => StageSplit, facts: StageFacts): GroupFigures[] {
  return GROUPS.map((def) => {
    const split = splitFor(def.summary);
    const ids = facts.paths[def.summary] ?? [];
    return { def, mean: barOf(split.stages, ids, facts), tail: barOf(split.tailStages, ids, facts), tailCount: split.tail.count, tailFromMs: split.tail.fromMs };
  });
}

/**
 * A summary's split from figures named as a report's numbers are (`queries.clientLatencyMs.stages.read`,
 * `....tail.mean`): a study's means over its replications. A figure `figure` does not have counts 0.
 */
export function splitFromFigures(figure: (name: string) => number | undefined, summary: GroupDef['summary'], ids: readonly string[]): StageSplit {
  const at = (name: string) => figure(`${summary}.${name}`) ?? 0;
  const byStage = (key: 'stages' | 'tailStages') => Object.fromEntries(ids.map((id) => [id, at(`${key}.${id}`)]));
  return { stages: byStage('stages'), tailStages: byStage('tailStages'), tail: { count: at('tail.count'), mean: at('tail.mean'), fromMs: at('tail.fromMs') } };
}
