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
import type { Design, PlanAnswer, PlanTarget, Report, RunRecord, Scenario, WindowStats } from '../../simulation/index';
import { readyToRun, runScenario } from '../../simulation/run';
import type { PlanResult, StudyPlan } from '../study/plan';
import type { PageRunSource, PlanProgressLine, PlanQuestion, PreparedPlan } from '../plan/planPrepare';
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
  /** Checks a plan's question (its targets, its space) on a scenario and lists its designs. */
  async preparePlan(q: PlanQuestion): Promise<PreparedPlan> {
    return (await import('../plan/planPrepare')).preparePlan(q);
  },
  /** Searches the plan prepared last; `source` (the page) runs each design's seeds on the pool, this worker included. */
  async searchPlan(replications: number, source: PageRunSource, onProgress: (p: PlanProgressLine) => void): Promise<PlanAnswer> {
    return (await import('../plan/planPrepare')).searchPlan(replications, source, onProgress);
  },
  /** Runs one design of a plan on one seed; what the plan keeps of it (the CLI's record). */
  async record(scenario: Design['scenario'], targets: PlanTarget[]): Promise<RunRecord> {
    await readyToRun(scenario);
    const { recordOf } = await import('../../simulation/index');
    return recordOf(runScenario(scenario), targets);
  },
  /** A finished study's figures from its reports (the CLI's statistics), so the page's main thread runs no engine code. */
  async summarize(plan: StudyPlan, reports: Report[], series: (WindowStats[] | undefined)[]): Promise<StudyResult> {
    return (await import('../study/results')).resultOf(plan, reports, series);
  },
};

export type StudyWorkerApi = typeof api;

Comlink.expose(api);
