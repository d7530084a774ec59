/**
 * One design judged against the targets with sequential testing: it runs on the plan's first N
 * seeds, and only while some target's 95% interval still straddles its limit (neither clearly in
 * nor clearly out) on twice as many, up to 4N. Every design runs on the same seeds (common random
 * numbers), and its decision depends on its own runs alone, so a design is judged the same in a
 * plan, in an exhaustive search, and in a shard.
 */
import { estimate } from '../study/stats';
import { figuresOf } from '../study/study';
import type { Report } from '../types';
import { STAGES, type Stage } from './estimate';
import type { Design, PlanTarget } from './space';

/** What a plan keeps of one run: each target's figure, the requests served a second, and why it stopped, if it did. */
export interface RunRecord {
  values: number[];
  servedRps: number;
  /** Each stage's measured utilisation, in STAGES' order (the busiest shard or read node for the stores). */
  utilisation: number[];
  stopped?: string;
}

/** Runs `design` on each of `seeds`; one record per seed, in their order. */
export type RunSource = (design: Design, seeds: readonly number[]) => Promise<RunRecord[]>;

/** Each stage's utilisation in a report, in STAGES' order. */
export function measuredUtilisation(r: Report): number[] {
  const busiest = (xs: { utilization: number }[]) => xs.reduce((m, x) => Math.max(m, x.utilization), 0);
  const byStage: Record<Stage, number> = {
    commandService: r.commandService.utilization,
    queryService: r.queryService.utilization,
    writeStore: busiest(r.writeStore.shards),
    projectors: r.projectors.utilization,
    readStore: busiest(r.readStore.nodes),
  };
  return STAGES.map((k) => byStage[k]);
}

/** The record of a report for these targets. */
export function recordOf(report: Report, targets: readonly PlanTarget[]): RunRecord {
  const figures = figuresOf(report);
  const rec: RunRecord = {
    values: targets.map((t) => figures.get(t.figure) ?? NaN),
    servedRps: report.commands.throughputRps + report.queries.throughputRps,
    utilisation: measuredUtilisation(report),
  };
  if (report.stopped) rec.stopped = `stopped at ${report.stopped.atS.toFixed(1)} s: ${report.stopped.reason}`;
  return rec;
}

/** A target's verdict on a design: its mean over the runs, the mean's 95% interval, and whether the whole interval is on the good side. */
export interface TargetResult {
  mean: number;
  ci95: [number, number];
  holds: boolean;
}

export interface DesignResult {
  design: Design;
  /** Runs this design took (N, 2N or 4N). */
  runs: number;
  /** Every target holds with 95% confidence. */
  holds: boolean;
  targets: TargetResult[];
  /** Requests served a second, the mean over the runs. */
  servedRps: number;
  /** Each stage's utilisation, the mean over the runs, in STAGES' order. */
  utilisation: number[];
  /** Why the design failed without figures: one of its runs stopped early (a run limit). */
  stopped?: string;
}

/** Where an interval [lo, hi] stands against a target: holds (all on the good side), fails (all on the bad side), or close. */
function side(t: PlanTarget, lo: number, hi: number): 'holds' | 'fails' | 'close' {
  switch (t.op) {
    case '<':
      return hi < t.limit ? 'holds' : lo >= t.limit ? 'fails' : 'close';
    case '<=':
      return hi <= t.limit ? 'holds' : lo > t.limit ? 'fails' : 'close';
    case '>':
      return lo > t.limit ? 'holds' : hi <= t.limit ? 'fails' : 'close';
    case '>=':
      return lo >= t.limit ? 'holds' : hi < t.limit ? 'fails' : 'close';
  }
}

/** How many times the first N replications a close design may grow to. */
export const MAX_REPLICATION_FACTOR = 4;

/**
 * Judges `design` on `seeds` (the plan's, at least N × MAX_REPLICATION_FACTOR of them): N runs,
 * then twice as many while the decision is close, up to 4N. A design still close at 4N has not
 * shown that its targets hold: it fails. A run that stopped early fails the design.
 */
export async function evaluateDesign(design: Design, targets: readonly PlanTarget[], seeds: readonly number[], n: number, source: RunSource): Promise<DesignResult> {
  const records: RunRecord[] = [];
  let want = n;
  for (;;) {
    records.push(...(await source(design, seeds.slice(records.length, want))));
    const stopped = records.find((r) => r.stopped !== undefined)?.stopped;
    const servedRps = estimate(records.map((r) => r.servedRps)).mean;
    const utilisation = STAGES.map((_, k) => estimate(records.map((r) => r.utilisation[k])).mean);
    if (stopped !== undefined) {
      return { design, runs: records.length, holds: false, targets: targets.map(() => ({ mean: NaN, ci95: [NaN, NaN], holds: false })), servedRps, utilisation, stopped };
    }
    const verdicts = targets.map((t, i) => {
      const e = estimate(records.map((r) => r.values[i]));
      const ci95: [number, number] = [e.mean - e.halfWidth, e.mean + e.halfWidth];
      return { mean: e.mean, ci95, side: side(t, ci95[0], ci95[1]) };
    });
    const holds = verdicts.every((v) => v.side === 'holds');
    const clear = holds || verdicts.some((v) => v.side === 'fails');
    if (clear || want >= n * MAX_REPLICATION_FACTOR) {
      return { design, runs: records.length, holds, targets: verdicts.map((v) => ({ mean: v.mean, ci95: v.ci95, holds: v.side === 'holds' })), servedRps, utilisation };
    }
    want = Math.min(want * 2, n * MAX_REPLICATION_FACTOR);
  }
}
