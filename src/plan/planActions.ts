/**
 * What the plan panel's buttons do. The first study worker checks the plan's question, lists its
 * designs and runs the search (simulation/plan's runPlan, the CLI's); it asks this thread for each
 * design's runs, which go out to the study's worker pool (one record per seed, the CLI's recordOf).
 * So for the same seeds the page finds the CLI's answer, and this thread loads no engine code.
 */
import * as Comlink from 'comlink';
import type { Design, PlanTarget } from '../../simulation/index';
import { loadText, scenarioForStudy } from '../app/controller';
import { StudyPool } from '../study/studyPool';
import { checkRows, settingsLine } from './planInput';
import type { PlanProgressLine } from './planPrepare';
import { usePlanStore } from './planStore';

let pool: StudyPool | null = null;
/** The designs of the last plan that ran, to load the answer's design whole. */
let lastDesigns: readonly Design[] = [];
let lastName = 'plan';

const NOTHING_RAN = 'Nothing ran: fix what is named below.';

/** Runs the panel's plan on the page's current scenario; progress and the answer go to the store. */
export async function runPlanPanel(): Promise<void> {
  const st = usePlanStore.getState();
  if (st.status === 'preparing' || st.status === 'running') return;
  const rows = checkRows(st.targets, st.space, st.replications);
  if (!rows.ok) {
    usePlanStore.setState({ status: 'failed', problems: rows.problems, notice: NOTHING_RAN, answer: null, progress: null });
    return;
  }
  const scenario = st.scenario ?? (await scenarioForStudy());
  if (!scenario) {
    usePlanStore.setState({ status: 'failed', problems: ['The page has no scenario to plan on yet.'], notice: NOTHING_RAN });
    return;
  }
  usePlanStore.setState({ status: 'preparing', problems: [], notice: null, answer: null, progress: null });
  pool?.cancel();
  const mine = new StudyPool();
  pool = mine;
  try {
    const prepared = await mine.preparePlan({ scenario, targets: rows.targets, space: rows.space });
    if (pool !== mine) return;
    if (!prepared.ok) {
      usePlanStore.setState({ status: 'failed', problems: prepared.problems, notice: NOTHING_RAN });
      return;
    }
    const { designs } = prepared;
    const targets: PlanTarget[] = prepared.targets;
    lastDesigns = designs;
    lastName = prepared.name;
    usePlanStore.setState({ status: 'running', progress: { evaluated: 0, runs: 0, designs: designs.length, best: null, bestCost: null } });
    // The search in the worker asks for one design's seeds at a time; they run on every worker of the pool.
    const source = (index: number, seeds: number[]) => mine.records(seeds.map((seed) => ({ ...designs[index].scenario, seed })), targets);
    const onProgress = (p: PlanProgressLine) => {
      if (pool === mine) usePlanStore.setState({ progress: { ...p, designs: designs.length } });
    };
    const answer = await mine.searchPlan(st.replications, Comlink.proxy(source), Comlink.proxy(onProgress));
    if (pool === mine) usePlanStore.setState({ status: 'done', answer });
  } catch (e) {
    if (pool !== mine) return;
    if (usePlanStore.getState().status !== 'cancelled') usePlanStore.setState({ status: 'failed', problems: [(e as Error).message] });
  } finally {
    if (pool === mine) pool = null;
    mine.close();
  }
}

/** Stops the plan: its workers are terminated at once, and no more progress arrives. */
export function cancelPlan(): void {
  const p = pool;
  if (!p) return;
  pool = null;
  const pr = usePlanStore.getState().progress;
  const done = pr ? `${pr.evaluated} design${pr.evaluated === 1 ? '' : 's'} evaluated, ${pr.runs} runs` : 'before any run';
  usePlanStore.setState({ status: 'cancelled', notice: `Cancelled after ${done}; the plan's workers were stopped.` });
  p.cancel();
}

/** Loads a design of the last plan into the page (its whole scenario); Play then runs it live. */
export async function loadDesign(settings: Design['settings']): Promise<void> {
  const text = settingsLine(settings);
  const d = lastDesigns.find((x) => settingsLine(x.settings) === text);
  if (!d) {
    usePlanStore.setState({ notice: `The design ${text} is not in the last plan's space; run the plan again.` });
    return;
  }
  const ok = await loadText(JSON.stringify(d.scenario), `${lastName}.json`, { notice: `Loaded the plan's design: ${text}. Press Play to run it live.` });
  usePlanStore.setState({ notice: ok ? `Loaded ${text} into the page; press Play to run it live.` : `The design ${text} could not be loaded.` });
}
