/**
 * A run kept for comparison (a lab bench keeps the last measurement on the bench): its windows
 * and report, drawn faint behind the current run on every chart and set beside the current
 * figures. Any run can be kept ("Keep this run for comparison"); a lab keeps its starting system.
 */
import { create } from 'zustand';
import type { Report, WindowStats } from '../../simulation/index';

export interface KeptRun {
  /** What the legend and the figures call it: "before". */
  label: string;
  /** The scenario's name, to say which run it was. */
  scenario: string;
  series: readonly WindowStats[];
  /** The run's report (the final one if it had ended). */
  report: Report | null;
}

export interface CompareState {
  kept: KeptRun | null;
  /** The kept run is drawn (the student may hide it). */
  shown: boolean;
}

export const useCompareStore = create<CompareState>()(() => ({ kept: null, shown: true }));

/** Keeps this run as the one to compare with, shown. */
export function keepRun(run: { series: readonly WindowStats[]; report: Report | null }, scenario: string, label = 'before'): void {
  useCompareStore.setState({ kept: { label, scenario, series: run.series, report: run.report }, shown: true });
}

export function forgetKeptRun(): void {
  useCompareStore.setState({ kept: null });
}
