/**
 * What must hold of the stages of every staged summary (docs/stages.md), in a report or a window:
 * the mean per stage adds up to the summary's mean, and over the tail to the tail's mean, to 1e-9
 * relative (1e-12 ms absolute at the least, for means of 0); the tail is at least 1% of the samples
 * and at most all of them; and every stage is finite and not negative.
 */
import type { Report, StagedLatencySummary, StageSplit, WindowStats } from '../types';

const TOLERANCE = 1e-9;
const FLOOR_MS = 1e-12;

function sum(o: Record<string, number>): number {
  let s = 0;
  for (const v of Object.values(o)) s += v;
  return s;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(TOLERANCE * Math.max(Math.abs(a), Math.abs(b)), FLOOR_MS);
}

/** Broken rules of one split, given the mean and count of the samples it covers. */
export function splitFailures(name: string, split: StageSplit, mean: number, count: number): string[] {
  const bad: string[] = [];
  const all = sum(split.stages);
  if (!close(all, mean)) bad.push(`${name}: stages add up to ${all}, not the mean ${mean}`);
  const tail = sum(split.tailStages);
  if (!close(tail, split.tail.mean)) bad.push(`${name}: tail stages add up to ${tail}, not the tail's mean ${split.tail.mean}`);
  if (split.tail.count > count || (count > 0 && split.tail.count < 0.01 * count)) bad.push(`${name}: tail of ${split.tail.count} of ${count} samples`);
  if (count > 0 && split.tail.mean < mean * (1 - TOLERANCE)) bad.push(`${name}: tail mean ${split.tail.mean} below the mean ${mean}`);
  for (const [id, v] of [...Object.entries(split.stages), ...Object.entries(split.tailStages)]) {
    if (!Number.isFinite(v) || v < 0) bad.push(`${name}: stage ${id} is ${v}`);
  }
  return bad;
}

/** The staged summaries of a report, by their ids. */
export function stagedSummaries(r: Report): [string, StagedLatencySummary][] {
  return [
    ['commands.latencyMs', r.commands.latencyMs],
    ['commands.clientLatencyMs', r.commands.clientLatencyMs],
    ['queries.latencyMs', r.queries.latencyMs],
    ['queries.clientLatencyMs', r.queries.clientLatencyMs],
    ['consistencyLagMs', r.consistencyLagMs],
    ['replicaLagMs', r.replicaLagMs],
  ];
}

/** Broken rules of the stages of a report. */
export function reportStageFailures(r: Report): string[] {
  return stagedSummaries(r).flatMap(([name, s]) => splitFailures(name, s, s.mean, s.count));
}

/** Broken rules of a window's stages (its tail counts against the split's own sample count: a window keeps no mean). */
export function windowStageFailures(w: WindowStats): string[] {
  const st = w.stages;
  const splits: [string, StageSplit][] = [
    ['commands.latencyMs', st.commands.latencyMs],
    ['commands.clientLatencyMs', st.commands.clientLatencyMs],
    ['queries.latencyMs', st.queries.latencyMs],
    ['queries.clientLatencyMs', st.queries.clientLatencyMs],
    ['consistencyLagMs', st.consistencyLagMs],
    ['replicaLagMs', st.replicaLagMs],
  ];
  return splits.flatMap(([name, s]) => {
    const tail = sum(s.tailStages);
    return close(tail, s.tail.mean) ? [] : [`window ${w.tS} ${name}: tail stages add up to ${tail}, not ${s.tail.mean}`];
  });
}
