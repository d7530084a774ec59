import { useEffect, useRef } from 'react';
import { cancelPlan, runPlanPanel } from '../../plan/planActions';
import { loadPlanFromHash, loadPlanText, planPageScenario, savePlan, sharePlan } from '../../plan/planShare';
import { usePlanStore } from '../../plan/planStore';
import { PlanAnswerView } from './PlanAnswerView';
import { PlanForm } from './PlanForm';
import '../study/study.css';
import './plan.css';

const money = (x: number) => `$${x.toFixed(4)}`;

/** Plans: targets in, the cheapest design of a space that meets them out, on the study's Web Workers. */
export function PlanPanel() {
  const s = usePlanStore();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const busy = s.status === 'running' || s.status === 'preparing';
  useEffect(() => {
    headingRef.current?.focus();
    loadPlanFromHash(location.hash);
    const onHash = () => loadPlanFromHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) loadPlanText(await f.text(), f.name);
    e.target.value = '';
  };
  const p = s.progress;
  return (
    <section id="plan-panel" className="panel study plan" aria-labelledby="plan-title">
      <div className="study-head">
        <h2 id="plan-title" ref={headingRef} tabIndex={-1}>
          Plan
        </h2>
        <span className="muted">
          The cheapest design of a space that meets your targets, on {s.scenario !== null ? `the loaded plan's scenario: ${s.scenarioName ?? ''}` : "the page's current scenario"}
        </span>
        {s.scenario !== null && (
          <button type="button" className="btn small" onClick={planPageScenario} disabled={busy}>
            Use the page&apos;s scenario
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="btn small" onClick={() => usePlanStore.setState({ open: false })} aria-label="Close the plan panel">
          Close
        </button>
      </div>
      <PlanForm disabled={busy} />
      <div className="study-actions" role="group" aria-label="Plan actions">
        {busy ? (
          <button type="button" className="btn primary" onClick={cancelPlan}>
            Cancel
          </button>
        ) : (
          <button type="button" className="btn primary" onClick={() => void runPlanPanel()}>
            Find the cheapest design
          </button>
        )}
        <button type="button" className="btn" onClick={() => void savePlan()} disabled={busy}>
          Save plan
        </button>
        <button type="button" className="btn" onClick={() => void sharePlan()} disabled={busy}>
          Share plan link
        </button>
        <input ref={fileRef} type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void onFile(e)} />
        <button type="button" className="btn" onClick={() => fileRef.current?.click()} disabled={busy}>
          Load plan…
        </button>
      </div>
      {(busy || s.status === 'done' || s.status === 'cancelled') && (
        <div className="study-progress">
          <output aria-label="Plan progress">
            {s.status === 'preparing' || !p
              ? 'checking the plan…'
              : `${p.evaluated} design${p.evaluated === 1 ? '' : 's'} evaluated of ${p.designs}, ${p.runs} runs; best so far: ${p.best ? `${p.best} (${money(p.bestCost ?? 0)} per hour)` : 'none yet'}`}
          </output>
          <output aria-label="Plan status" className="muted">
            {s.status}
          </output>
        </div>
      )}
      {s.notice && (
        <p className="study-notice" role="status">
          {s.notice}
        </p>
      )}
      {s.problems.length > 0 && (
        <ul className="study-problems" role="alert" aria-label="Plan problems">
          {s.problems.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
      )}
      {s.answer && s.status === 'done' && <PlanAnswerView answer={s.answer} />}
    </section>
  );
}
