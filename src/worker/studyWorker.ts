/**
 * A Web Worker of the page's what-if studies. The page starts one per core less one; each runs
 * the scenarios it is sent with the engine's `runScenario`, the same function the CLI's worker
 * threads call, so a replication's report is the CLI's report. The first worker also checks a
 * study and plans its runs, so validation never runs on the page's main thread.
 */
import * as Comlink from 'comlink';
import { runScenario, type Report, type Scenario, type WindowStats } from '../../simulation/index';
import { planStudy, type PlanResult, type StudyPlan } from '../study/plan';
import { resultOf, type StudyResult } from '../study/results';
import { parseStudyText } from '../study/studyDef';

export interface StudyRunResult {
  report: Report;
  /** The run's time series, when asked for (the first seed of each variant of a comparison). */
  windows?: WindowStats[];
}

const api = {
  ping: (): true => true,
  /** Checks a study's text (a file, a link, or the panel's own definition) and plans its runs. */
  prepare(text: string): PlanResult {
    const checked = parseStudyText(text);
    return checked.ok ? planStudy(checked.def) : checked;
  },
  /** Runs one scenario to its end. */
  run(scenario: Scenario, withSeries: boolean): StudyRunResult {
    if (!withSeries) return { report: runScenario(scenario) };
    const windows: WindowStats[] = [];
    return { report: runScenario(scenario, (w) => windows.push(w)), windows };
  },
  /** A finished study's figures from its reports (the CLI's statistics), so the page's main thread runs no engine code. */
  summarize: (plan: StudyPlan, reports: Report[], series: (WindowStats[] | undefined)[]): StudyResult => resultOf(plan, reports, series),
};

export type StudyWorkerApi = typeof api;

Comlink.expose(api);
