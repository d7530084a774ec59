/**
 * What the study panel's buttons do. A study runs on its own Web Workers (src/study/studyPool.ts),
 * apart from the sandbox's run; the main thread only sends scenarios and sums the reports.
 */
import { scenarioForStudy } from '../app/controller';
import { downloadText, fileNameOf } from '../lib/download';
import { studyHash, studyTextFromHash, type StudyDef } from './studyLink';
import { StudyPool } from './studyPool';
import { useStudyStore, type StudyState } from './studyStore';

let pool: StudyPool | null = null;

/**
 * How long a study's workers stay after it, idle, for the next study. A worker's first runs are
 * slow while the browser compiles the engine (a default run takes several times its later cost):
 * a warm pool starts the next study at full speed. Cancelling a study stops its workers at once;
 * a pool whose worker failed is not reused.
 */
const WARM_MS = 120_000;
let warm: StudyPool | null = null;
let warmTimer: ReturnType<typeof setTimeout> | null = null;

/** Forgets the idle pool, if any, and its timer; returns it. */
function unwarm(): StudyPool | null {
  if (warmTimer !== null) clearTimeout(warmTimer);
  warmTimer = null;
  const p = warm;
  warm = null;
  return p;
}

/** The idle pool of the last study, unless a worker of it failed while idle, or a new one. */
function takePool(): StudyPool {
  const p = unwarm();
  if (p && !p.broken) return p;
  p?.close();
  return new StudyPool();
}

/** Keeps a pool whose study ended well for the next study, for `WARM_MS`. */
function keepWarm(p: StudyPool): void {
  unwarm()?.close();
  warm = p;
  warmTimer = setTimeout(() => {
    if (warm === p) warm = null;
    warmTimer = null;
    p.close();
  }, WARM_MS);
}

/** The study as the panel defines it, on `scenario`. */
function definitionOf(s: StudyState, scenario: unknown): StudyDef {
  const def: StudyDef = { study: 1, kind: s.kind, replications: s.replications, scenario };
  if (s.kind === 'compare') def.variant = s.variant;
  if (s.kind === 'sweep') def.sweep = s.sweep;
  return def;
}

/** The panel's study: on a loaded study's scenario, or else on the page's current one. */
async function currentDefinition(): Promise<StudyDef | null> {
  const s = useStudyStore.getState();
  const scenario = s.scenario ?? (await scenarioForStudy());
  return scenario ? definitionOf(s, scenario) : null;
}

/** Runs the panel's study; progress and the result go to the store. */
export async function runStudy(): Promise<void> {
  const state = useStudyStore.getState();
  if (state.status === 'preparing' || state.status === 'running') return;
  const def = await currentDefinition();
  if (!def) {
    useStudyStore.setState({ status: 'failed', problems: ['The page has no scenario to study yet.'] });
    return;
  }
  useStudyStore.setState({ status: 'preparing', problems: [], notice: null, done: 0, total: 0, result: null });
  pool?.cancel();
  const mine = takePool();
  pool = mine;
  try {
    const planned = await mine.prepare(JSON.stringify(def));
    if (!planned.ok) {
      useStudyStore.setState({ status: 'failed', problems: planned.problems });
      return;
    }
    const plan = planned.plan;
    // The first seed of each variant of a comparison brings its time series, for the overlaid charts.
    const series = new Set(plan.kind === 'compare' ? [0, plan.seeds.length] : []);
    useStudyStore.setState({ status: 'running', total: plan.jobs.length, done: 0 });
    const results = await mine.runAll(plan.jobs, series, (k) => {
      if (pool === mine) useStudyStore.setState({ done: k, workers: mine.workers });
    });
    const result = await mine.summarize(
      plan,
      results.map((r) => r.report),
      results.map((r) => r.windows),
    );
    if (pool === mine) useStudyStore.setState({ status: 'done', result });
  } catch (e) {
    if (pool !== mine) return;
    const st = useStudyStore.getState();
    if (st.status !== 'cancelled') useStudyStore.setState({ status: 'failed', problems: [(e as Error).message] });
  } finally {
    if (pool === mine) pool = null;
    // Kept unless a worker failed, or the study was cancelled (its workers are gone) or replaced.
    if (!mine.broken && !mine.cancelled && pool === null) keepWarm(mine);
    else mine.close();
  }
}

/** Stops the study: its workers are terminated at once, and no more progress arrives. */
export function cancelStudy(): void {
  const p = pool;
  if (!p) return;
  const { done, total } = useStudyStore.getState();
  useStudyStore.setState({ status: 'cancelled', notice: `Cancelled after ${done} of ${total} runs; the study's workers were stopped.` });
  p.cancel();
}


const fileBase = (name: string) => fileNameOf(name, 'scenario');

/** Downloads the study's definition (scenario, kind, variant or sweep, replications) as JSON. */
export async function saveStudy(): Promise<void> {
  const def = await currentDefinition();
  if (!def) return;
  const name = (def.scenario as { name?: unknown }).name;
  downloadText(JSON.stringify(def, null, 2) + '\n', `${fileBase(typeof name === 'string' ? name : '')}-${def.kind}.study.json`, 'application/json');
  useStudyStore.setState({ notice: 'Saved the study (its definition: run it again to get the same figures).' });
}

/** Puts the study in the address (`#study=`), and copies the link if allowed. */
export async function shareStudy(): Promise<void> {
  const def = await currentDefinition();
  if (!def) return;
  history.replaceState(null, '', studyHash(def));
  let copied = false;
  try {
    await navigator.clipboard.writeText(location.href);
    copied = true;
  } catch {
    // No clipboard permission: the address bar holds the link anyway.
  }
  useStudyStore.setState({ notice: `The address now links to this study${copied ? ' (copied)' : ''}.` });
}

/** Downloads the result as the CLI's CSV. */
export function exportCsv(): void {
  const r = useStudyStore.getState().result;
  if (r) downloadText(r.csv, `${fileBase(r.name)}-${r.kind}.csv`, 'text/csv');
}

/**
 * Loads a study's text (a file or a link) into the panel: checked and planned by a study worker,
 * so the scenario is validated by the engine before the panel takes it. Nothing runs until Run.
 */
export async function loadStudyText(text: string, source: string): Promise<boolean> {
  const checker = new StudyPool(1);
  try {
    const r = await checker.prepare(text);
    if (!r.ok) {
      useStudyStore.setState({ open: true, problems: r.problems, notice: `${source} was not loaded.` });
      return false;
    }
    const def = JSON.parse(text) as StudyDef;
    useStudyStore.setState({
      open: true,
      kind: def.kind,
      replications: def.replications,
      ...(def.variant ? { variant: def.variant } : {}),
      ...(def.sweep !== undefined ? { sweep: def.sweep } : {}),
      scenario: r.plan.scenario,
      scenarioName: r.plan.name,
      problems: [],
      status: 'idle',
      result: null,
      notice: `Loaded the study from ${source}: ${r.plan.jobs.length} runs. Run it to see its figures.`,
    });
    return true;
  } catch (e) {
    useStudyStore.setState({ open: true, problems: [(e as Error).message], notice: `${source} was not loaded.` });
    return false;
  } finally {
    checker.close();
  }
}

/** Loads the study in the address, if there is one. */
export async function loadStudyFromHash(hash: string): Promise<void> {
  const text = studyTextFromHash(hash);
  if (text !== null) await loadStudyText(text, 'the link');
}

/** Studies the page's scenario again (after a study was loaded from a file or link). */
export function studyPageScenario(): void {
  useStudyStore.setState({ scenario: null, scenarioName: null, result: null, status: 'idle' });
}
