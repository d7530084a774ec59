/**
 * What the lab panel and the host API do with a lab: open it (its data, its starting scenario,
 * the address), point at its controls, record the prediction, and check each finished run.
 * Loaded only when a lab is opened.
 */
import * as ctl from '../app/controller';
import { useRunStore } from '../state/runStore';
import { useScenarioStore } from '../state/scenarioStore';
import { useUiStore, type PartId } from '../state/uiStore';
import { sectionOfField } from '../components/settings/fieldDefs';
import { forgetKeptRun } from '../state/compareStore';
import { highlight, showOnlyCharts } from './highlight';
import { isStartingSystem } from './labFigures';
import { watchRunEnds } from './labRuns';
import { loadLab } from './labIndex';
import { initialLabState, useLabStore } from './labStore';
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

/** An example loaded over the lab replaces its scenario: the lab closes. */
function watchExamples(): void {
  if (watching) return;
  watching = true;
  useExampleStore.subscribe((s, was) => {
    if (s.current !== null && s.current !== was.current && useLabStore.getState().id !== null) closeLab();
  });
}

/**
 * Observe first: the lab runs its starting system as it opens (fast), so the state its first step
 * names is on the screen and its figures are kept as "before". Not in an embedded page (its host
 * says when to run), nor during a run, nor when the address holds the student's changes.
 */
async function observeStart(def: LabDef): Promise<void> {
  const run = useRunStore.getState();
  // A run under way is the student's (a reloaded page starts ready; a loaded lab replaced any run).
  if (document.documentElement.dataset.embed !== undefined || run.status === 'running' || run.status === 'paused') return;
  if (!isStartingSystem(def, useScenarioStore.getState().scenario)) return;
  useLabStore.setState({ observing: true, speedBefore: run.speed });
  await ctl.setSpeed('max');
  await ctl.play();
}

/**
 * Opens lab `id`: its data, and (with `load`) its starting scenario. Without `load` the page keeps
 * the scenario it has: a reloaded address carries the lab's scenario with the student's changes.
 * `host`: the host page asked (the lab's scenario sets the fields the course page locked).
 */
export async function openLab(id: string, opts: { load: boolean; host?: boolean }): Promise<LabDef | null> {
  if (!isLabId(id)) {
    useLabStore.setState({ ...initialLabState, message: unknownLabMessage(id) });
    return null;
  }
  useLabStore.setState({ ...initialLabState, id });
  const def = await loadLab(id);
  if (useLabStore.getState().id !== id) return null; // another lab was opened meanwhile
  watchExamples();
  watchRunEnds();
  // A run kept before belongs to another system: the lab keeps its own starting system.
  forgetKeptRun();
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
  await observeStart(def);
  return def;
}

export function closeLab(): void {
  const { observing, speedBefore } = useLabStore.getState();
  if (observing && speedBefore !== null) void ctl.setSpeed(speedBefore);
  useLabStore.setState({ ...initialLabState });
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
  useLabStore.setState({ activeStep: i, noticeShown: false, returnTo: focus ? i : null });
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
    // A part with no drawing and no field of its own (the faults): its tab in the settings, now open.
    if (!el && part) el = document.querySelector<HTMLElement>('.part-tabs button[aria-pressed="true"]');
    // The middle of the screen: on a phone the bottom edge hides it under the browser's bar.
    el?.scrollIntoView({ block: 'center' });
    const control = target?.querySelector<HTMLElement>('input, select') ?? target?.querySelector<HTMLElement>('button') ?? el;
    control?.focus({ preventScroll: true });
    // A number typed at once replaces the value shown.
    if (control instanceof HTMLInputElement && (control.type === 'text' || control.type === 'number')) control.select();
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

/** Back from a step's control to the step it came from ("Back to the lab", or Escape). */
export function backToLab(): void {
  const i = useLabStore.getState().returnTo;
  useLabStore.setState({ returnTo: null });
  if (i === null) return;
  document.querySelector<HTMLElement>(`.lab-steps [data-step="${i}"]`)?.focus();
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

/**
 * Runs the lab from the start with the settings as they are now. A change made during a run is
 * in force from time 0 (Play's "Run again" would replay it at the time it was made, and the
 * run's figures would mix the two systems).
 */
export async function runLab(): Promise<void> {
  if (useScenarioStore.getState().recorded > 0) {
    const now = await ctl.scenarioNow();
    const notice = 'The lab runs from the start, with your changes in force from time 0.';
    if (now) await ctl.loadText(JSON.stringify({ ...now, interventions: [] }), 'your settings', { notice });
  }
  await ctl.play();
}
