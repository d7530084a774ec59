/**
 * What the lab panel and the host API do with a lab: open it (its data, its starting scenario,
 * the address), point at its controls, record the prediction, and check each finished run.
 * Loaded only when a lab is opened.
 */
import * as ctl from '../app/controller';
import { useRunStore } from '../state/runStore';
import { useScenarioStore } from '../state/scenarioStore';
import { useUiStore, type PartId } from '../state/uiStore';
import { getField } from '../../simulation/fields';
import { sectionOfField } from '../components/settings/fieldDefs';
import type { Report, Scenario } from '../../simulation/index';
import { evaluateCheck, type CheckResult } from './checks';
import { highlight, showOnlyCharts } from './highlight';
import { loadLab } from './labIndex';
import { useLabStore } from './labStore';
import { isLabId, LAB_IDS, type LabDef, type LabId } from './labTypes';
import { saveProgress, useProgress } from './progress';
import { clearExample, useExampleStore } from '../examples/exampleStore';

const inFrame = () => window.self !== window.top;

/** The part of the topology whose settings hold a field (the settings section with its editor). */
export function partOf(path: string): PartId {
  return sectionOfField(path);
}

/** The sentence for an id that is not a lab (the id is shown as text, shortened). */
export function unknownLabMessage(id: string): string {
  const shown = id.replace(/[^\w.-]/g, '').slice(0, 20);
  const range = `the labs are ${LAB_IDS[0]} to ${LAB_IDS[LAB_IDS.length - 1]}, one per quiz question`;
  // An embedded page has no Labs menu: the course page's address names the lab.
  const where = document.documentElement.dataset.embed ? 'The course page\u2019s address should name one of them.' : 'Open one from the Labs menu.';
  return `There is no lab "${shown}": ${range}. ${where}`;
}

/** Keeps `?lab=` in the address (a reload or a copied address reopens the lab); a frame leaves the host's address alone. */
function setAddress(id: LabId | null): void {
  if (inFrame()) return;
  const url = new URL(location.href);
  if (id) url.searchParams.set('lab', id);
  else url.searchParams.delete('lab');
  history.replaceState(history.state, '', url);
}

let watching = false;

/** Checks each run of the open lab when it finishes, and tells a host page (src/embed/hostApi.ts) the result. */
function watchRuns(): void {
  if (watching) return;
  watching = true;
  // An example loaded over the lab replaces its scenario: the lab closes.
  useExampleStore.subscribe((s, was) => {
    if (s.current !== null && s.current !== was.current && useLabStore.getState().id !== null) closeLab();
  });
  useRunStore.subscribe((s, was) => {
    if (s.status !== 'done' || was.status === 'done' || !s.report) return;
    const def = useLabStore.getState().def;
    if (!def) return;
    if (s.report.scenario !== def.scenario.name) {
      useLabStore.setState({ result: null, message: `This run was not lab ${def.n}\u2019s scenario, so it was not checked. Open the lab again to load it.` });
      return;
    }
    void checkRun(def, s.report);
  });
}

/**
 * Checks a finished run against the lab, with the settings as they were at the run's end (the
 * worker's: changes made during the run, replayed by Run again, or recorded in a file included).
 */
async function checkRun(def: LabDef, report: Report): Promise<void> {
  const settings = (await ctl.scenarioNow()) ?? useScenarioStore.getState().scenario;
  if (useLabStore.getState().def !== def) return; // the lab was closed or another opened meanwhile
  const result = evaluateCheck(def, report, settings);
  const before = useProgress.getState().labs[def.id];
  saveProgress(def.id, { passed: result.passed || before?.passed === true, score: result.score, max: result.max });
  useLabStore.setState({ result, message: null, noticeShown: true });
  highlight({ charts: def.notice.charts, parts: def.notice.parts });
  window.dispatchEvent(new CustomEvent('cqrs-lab:lab-result', { detail: resultEvent(def, result, settings) }));
}

/**
 * What a host page hears when a lab's run is checked: an xAPI-like score (raw, min, max, scaled),
 * and the values at the run's end (`settings`) of the fields the course page locked (`locked`), the check reads
 * and the lab's steps set (`fields`: path to value, null when absent), so the host can verify them.
 */
export function resultEvent(def: LabDef, r: CheckResult, settings: Scenario) {
  const p = useProgress.getState().labs[def.id];
  const locked = ctl.lockedFields();
  const read = def.check.terms.flatMap((t) => (t.figure.startsWith('setting:') ? [t.figure.slice('setting:'.length)] : []));
  const stepFields = def.steps.flatMap((st) => (st.field ? [st.field] : []));
  const fields = Object.fromEntries([...new Set([...locked, ...read, ...stepFields])].map((path) => [path, getField(settings, path) ?? null]));
  return {
    lab: def.id,
    passed: r.passed,
    score: { raw: r.score, min: 0, max: r.max, scaled: r.scaled },
    terms: r.terms.map((t) => ({ figure: t.term.figure, value: t.value ?? null, op: t.term.op, limit: t.term.limit, met: t.met })),
    prediction: p?.prediction ? { chosen: p.prediction, right: p.predictionRight === true } : null,
    locked: [...locked],
    fields,
  };
}

/**
 * Opens lab `id`: its data, and (with `load`) its starting scenario. Without `load` the page keeps
 * the scenario it has: a reloaded address carries the lab's scenario with the student's changes.
 * `host`: the host page asked (the lab's scenario sets the fields the course page locked).
 */
export async function openLab(id: string, opts: { load: boolean; host?: boolean }): Promise<LabDef | null> {
  if (!isLabId(id)) {
    useLabStore.setState({ id: null, def: null, result: null, message: unknownLabMessage(id) });
    return null;
  }
  useLabStore.setState({ id, def: null, result: null, message: null, activeStep: null, noticeShown: false });
  const def = await loadLab(id);
  if (useLabStore.getState().id !== id) return null; // another lab was opened meanwhile
  watchRuns();
  if (opts.load) {
    if (!(await ctl.loadText(JSON.stringify(def.scenario), `lab ${def.n}, \u201c${def.title}\u201d`, { host: opts.host }))) {
      useLabStore.setState({ id: null, message: `Lab ${def.n} could not be loaded.` });
      return null;
    }
    clearExample(); // the example's notes no longer describe what is loaded
  }
  useLabStore.setState({ def, activeStep: 0 });
  setAddress(id);
  // Embed mode shows the lab and the charts it names (unless the address names the charts).
  const root = document.documentElement;
  if (root.dataset.embed) {
    if (!root.dataset.panels?.split(' ').includes('lab')) root.dataset.panels = `lab ${root.dataset.panels ?? ''}`.trim();
    root.dataset.lab = '1';
    if (!new URLSearchParams(location.search).has('charts')) showOnlyCharts(def.notice.charts);
  }
  showStep(0, false);
  return def;
}

export function closeLab(): void {
  useLabStore.setState({ id: null, def: null, result: null, message: null, activeStep: null, noticeShown: false });
  highlight({});
  setAddress(null);
}

/** Points at step `i`'s control: opens its part's settings, outlines it, and (with `focus`) moves the focus to it. */
export function showStep(i: number, focus = true): void {
  const def = useLabStore.getState().def;
  const step = def?.steps[i];
  if (!def || !step) return;
  const part = step.field ? partOf(step.field) : step.part;
  if (part) useUiStore.getState().select(part);
  useLabStore.setState({ activeStep: i, noticeShown: false });
  highlight({ fields: step.field ? [step.field] : [], parts: part ? [part] : [] });
  if (!focus) return;
  // After React has rendered the part's settings.
  requestAnimationFrame(() => {
    let target = step.field ? document.querySelector<HTMLElement>(`div[data-field="${CSS.escape(step.field)}"]`) : null;
    let el = target ?? document.querySelector<HTMLElement>(`[data-part="${CSS.escape(part ?? '')}"]`);
    // An embedded lab may hide the topology: the part's first setting on the page stands in for it.
    if ((!el || el.getClientRects().length === 0) && part) {
      target = document.querySelector<HTMLElement>(`div[data-field^="${CSS.escape(part)}."]`);
      el = target;
      if (target?.dataset.field) highlight({ fields: [target.dataset.field], parts: [] });
    }
    el?.scrollIntoView({ block: 'nearest' });
    (target?.querySelector<HTMLElement>('input, select') ?? target?.querySelector<HTMLElement>('button') ?? el)?.focus();
  });
}

/** Outlines the charts and topology parts that show the lesson. */
export function showNotice(): void {
  const def = useLabStore.getState().def;
  if (!def) return;
  useLabStore.setState({ activeStep: null, noticeShown: true });
  highlight({ charts: def.notice.charts, parts: def.notice.parts });
  document.querySelector<HTMLElement>(`[data-chart="${CSS.escape(def.notice.charts[0] ?? '')}"]`)?.scrollIntoView({ block: 'nearest' });
}

/** Records the prediction (once per attempt: before the lab's run is checked, in this visit or before a reload). */
export function recordPrediction(option: string): void {
  const def = useLabStore.getState().def;
  if (!def || !def.prediction.options.some((o) => o.id === option)) return;
  if (useLabStore.getState().result !== null || useProgress.getState().labs[def.id]?.score !== undefined) return;
  saveProgress(def.id, { prediction: option, predictionRight: option === def.prediction.answer });
}

/** Starts the lab over: its prediction is forgotten (a passed check stays passed) and its starting scenario is loaded again. */
export async function startOver(): Promise<void> {
  const def = useLabStore.getState().def;
  if (!def) return;
  const passed = useProgress.getState().labs[def.id]?.passed;
  saveProgress(def.id, null);
  if (passed) saveProgress(def.id, { passed });
  await openLab(def.id, { load: true });
}

/** Runs the lab (Play; a finished run is run again from the start). */
export const runLab = (): Promise<void> => ctl.play();
