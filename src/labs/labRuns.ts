/**
 * What happens at the end of each run of the open lab. The lab's starting system (its "before",
 * run when the lab opens) is kept for comparison and not checked; a run of the student's change
 * ("after") is checked, its figures set against the before ones. Both are stored with the
 * progress, so the check and the debrief survive a reload.
 */
import * as ctl from '../app/controller';
import { keepRun } from '../state/compareStore';
import { useRunStore } from '../state/runStore';
import { useScenarioStore } from '../state/scenarioStore';
import { getField } from '../../simulation/fields';
import type { Report, Scenario } from '../../simulation/index';
import { evaluateCheck, type CheckResult } from './checks';
import { highlight } from './highlight';
import { figureValues, isStartingSystem } from './labFigures';
import { useLabStore } from './labStore';
import type { LabDef } from './labTypes';
import { saveProgress, useProgress } from './progress';

let watching = false;

/** Watches the runs of whichever lab is open: a run's start clears the last verdict, its end is kept or checked. */
export function watchRunEnds(): void {
  if (watching) return;
  watching = true;
  useRunStore.subscribe((s, was) => {
    const def = useLabStore.getState().def;
    if (!def) return;
    // A new run: the verdict on screen belonged to the run before.
    if (s.status === 'running' && was.status !== 'running' && was.status !== 'paused') useLabStore.setState({ result: null, announce: '' });
    if (s.status !== 'done' || was.status === 'done' || !s.report) return;
    if (s.report.scenario !== def.scenario.name) {
      useLabStore.setState({ result: null, observing: false, message: `This run was not lab ${def.n}\u2019s scenario, so it was not checked. Open the lab again to load it.` });
      return;
    }
    void runEnded(def, s.report);
  });
}

/** Ends the lab's observing of its starting system: the speed it ran at goes back to the student's. */
function stopObserving(): void {
  const { observing, speedBefore } = useLabStore.getState();
  if (!observing) return;
  useLabStore.setState({ observing: false, speedBefore: null });
  if (speedBefore !== null) void ctl.setSpeed(speedBefore);
}

async function runEnded(def: LabDef, report: Report): Promise<void> {
  const recorded = useScenarioStore.getState().recorded;
  const settings = (await ctl.scenarioNow()) ?? useScenarioStore.getState().scenario;
  if (useLabStore.getState().def !== def) return; // the lab was closed or another opened meanwhile
  stopObserving();
  // An embedded lab's host says when to run and hears every run's result: its runs are all checked.
  const embedded = document.documentElement.dataset.embed !== undefined;
  if (recorded > 0 && !embedded) {
    // Two systems in one run: its figures mix the time before the change with the time after.
    const say = `You changed a setting during this run, so its figures mix two systems and it was not checked. \u201cRun the lab\u201d runs it again from the start with your settings as they are now.`;
    useLabStore.setState({ result: null, message: say, announce: say });
    return;
  }
  if (isStartingSystem(def, settings)) {
    keepRun(useRunStore.getState(), report.scenario, 'before');
    saveProgress(def.id, { before: figureValues(def, report, settings) });
    if (!embedded) {
      const say = 'This run was the lab\u2019s starting system: it stays on the charts as faint \u201cbefore\u201d lines, and its figures are set beside your run\u2019s.';
      useLabStore.setState({ result: null, message: null, announce: say });
      return;
    }
  }
  checkRun(def, report, settings);
}

/** Checks a run of the student's change with the settings at its end (the worker's), and tells a host page. */
function checkRun(def: LabDef, report: Report, settings: Scenario): void {
  const result = evaluateCheck(def, report, settings);
  const was = useProgress.getState().labs[def.id];
  saveProgress(def.id, {
    passed: result.passed || was?.passed === true,
    score: result.score,
    max: result.max,
    terms: result.terms.map((t) => (t.value === undefined || !Number.isFinite(t.value) ? null : t.value)),
    after: figureValues(def, report, settings),
  });
  const say = `${result.passed ? 'Check passed' : 'Check not passed'}: ${result.score} of ${result.max} conditions met.`;
  useLabStore.setState({ result, message: null, noticeShown: true, announce: say });
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
