import { useEffect, useRef } from 'react';
import { cancelPlan, runPlanPanel } from '../../plan/planActions';
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
  const busy = s.status === 'running' || s.status === 'preparing';
  useEffect(() => headingRef.current?.focus(), []);
  const p = s.progress;
  return (
    <section id="plan-panel" className="panel study plan" aria-labelledby="plan-title">
      <div className="study-head">
        <h2 id="plan-title" ref={headingRef} tabIndex={-1}>
          Plan
        </h2>
        <span className="muted">The cheapest design of a space that meets your targets, on the page&apos;s current scenario</span>
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
