/**
 * A Web Worker of the page's what-if studies. The page starts one per core less one; each runs
 * the scenarios it is sent with the engine's `runScenario`, the same function the CLI's worker
 * threads call, so a replication's report is the CLI's report. The first worker also checks a
 * study and plans its runs, so validation never runs on the page's main thread.
 *
 * A worker starts with the engine alone (simulation/run.ts); the checks and the statistics, with
 * zod, load in the one worker that is asked for them, and a scenario's timed changes load their
 * check when a scenario has any. The page starts one worker per core less one: on a laptop of
 * eight cores, six of seven never load the validation.
 */
import * as Comlink from 'comlink';
import type { Report, Scenario, WindowStats } from '../../simulation/index';
import { readyToRun, runScenario } from '../../simulation/run';
import type { PlanResult, StudyPlan } from '../study/plan';
import type { StudyResult } from '../study/results';

export interface StudyRunResult {
  report: Report;
  /** The run's time series, when asked for (the first seed of each variant of a comparison). */
  windows?: WindowStats[];
}

const api = {
  ping: (): true => true,
  /** Checks a study's text (a file, a link, or the panel's own definition) and plans its runs. */
  async prepare(text: string): Promise<PlanResult> {
    const [{ parseStudyText }, { planStudy }] = await Promise.all([import('../study/studyDef'), import('../study/plan')]);
    const checked = parseStudyText(text);
    return checked.ok ? planStudy(checked.def) : checked;
  },
  /** Runs one scenario to its end. */
  async run(scenario: Scenario, withSeries: boolean): Promise<StudyRunResult> {
    await readyToRun(scenario);
    if (!withSeries) return { report: runScenario(scenario) };
    const windows: WindowStats[] = [];
    return { report: runScenario(scenario, (w) => windows.push(w)), windows };
  },
  /** A finished study's figures from its reports (the CLI's statistics), so the page's main thread runs no engine code. */
  async summarize(plan: StudyPlan, reports: Report[], series: (WindowStats[] | undefined)[]): Promise<StudyResult> {
    return (await import('../study/results')).resultOf(plan, reports, series);
  },
};

export type StudyWorkerApi = typeof api;

Comlink.expose(api);
