import { useEffect, useId, useRef, useState } from 'react';
import './labs.css';
import { useRunStore } from '../state/runStore';
import { backToLab, closeLab, recordPrediction, runLab, showNotice, showStep, startOver } from './labActions';
import { BeforeFigures, CheckView, Debrief, shownResult } from './LabResult';
import { LabLookView } from './LabLook';
import { useLabStore } from './labStore';
import { LAB_IDS, type LabDef } from './labTypes';
import { useProgress } from './progress';

/** The open lab: goal, prediction, steps, what to notice, the check of the last run, and the debrief. */
export function LabPanel() {
  const def = useLabStore((s) => s.def);
  const message = useLabStore((s) => s.message);
  const loading = useLabStore((s) => s.id !== null && s.def === null);
  if (!def) {
    return (
      <section className="panel lab-panel" aria-labelledby="lab-title">
        <div className="lab-head">
          <h2 id="lab-title">Lab</h2>
          <button type="button" className="btn small" onClick={closeLab}>
            Close
          </button>
        </div>
        {loading ? <p className="muted">Loading the lab…</p> : <p role="alert">{message}</p>}
      </section>
    );
  }
  return <OpenLab def={def} message={message} />;
}

function OpenLab({ def, message }: { def: LabDef; message: string | null }) {
  const progress = useProgress((s) => s.labs[def.id]);
  const live = useLabStore((s) => s.result);
  const activeStep = useLabStore((s) => s.activeStep);
  const noticeShown = useLabStore((s) => s.noticeShown);
  const announce = useLabStore((s) => s.announce);
  const returnTo = useLabStore((s) => s.returnTo);
  const status = useRunStore((s) => s.status);
  const [choice, setChoice] = useState<string>('');
  const name = useId();
  const predictedRef = useRef<HTMLParagraphElement>(null);
  const checkRef = useRef<HTMLDivElement>(null);
  const predicted = progress?.prediction;
  const predictedText = def.prediction.options.find((o) => o.id === predicted)?.text;
  // While a run goes the verdict of the run before is not shown; after a reload, the stored one is.
  const result = status === 'running' ? live : shownResult(def, live, progress);
  // A run of the student's change checked in this attempt (this visit, or one before a reload: its
  // score is kept) locks the prediction. The lab's starting system is not checked: it leaves it open.
  const checked = live !== null || progress?.score !== undefined;

  // Escape, anywhere outside the lab, goes back to the step whose control "Show" pointed at.
  useEffect(() => {
    if (returnTo === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || (e.target instanceof Element && e.target.closest('.lab-panel'))) return;
      backToLab();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [returnTo]);

  return (
    <>
      {returnTo !== null && (
        <button type="button" className="btn small lab-back" onClick={backToLab}>
          Back to the lab, step {returnTo + 1} (Esc)
        </button>
      )}
      {/* Back in the lab by any way (a click, Tab): no step to return to. */}
      <section className="panel lab-panel" aria-labelledby="lab-title" onFocus={() => returnTo !== null && useLabStore.setState({ returnTo: null })}>
        <div className="lab-head">
          <h2 id="lab-title" tabIndex={-1}>
            Lab {def.n} of {LAB_IDS.length}: {def.title}
          </h2>
          <button type="button" className="btn small" onClick={closeLab} aria-label={`Close lab ${def.n}`}>
            Close
          </button>
        </div>
        <p className="visually-hidden" aria-live="polite">
          {announce}
        </p>
        <p className="muted lab-question">Quiz question {def.n}: {def.question}</p>
        <p className="lab-goal">
          <strong>Goal:</strong> {def.goal}
        </p>
        <BeforeFigures def={def} before={progress?.before} />

        <h3>1. Predict</h3>
        {predicted ? (
          <p className="lab-predicted" ref={predictedRef} tabIndex={-1}>
            Your prediction: <em>{predictedText}</em>
          </p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!choice) return;
              recordPrediction(choice);
              const text = def.prediction.options.find((o) => o.id === choice)?.text ?? '';
              useLabStore.setState({ announce: `Prediction recorded: ${text} Next: the steps under 2.` });
              // After React has drawn the recorded prediction in place of the form.
              requestAnimationFrame(() => predictedRef.current?.focus());
            }}
          >
            <fieldset className="lab-prediction" disabled={checked}>
              <legend>{def.prediction.question}</legend>
              {def.prediction.options.map((o) => (
                <label key={o.id} className="lab-option">
                  <input type="radio" name={name} value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} /> {o.text}
                </label>
              ))}
              <button type="submit" className="btn small" disabled={!choice}>
                Record my prediction
              </button>
            </fieldset>
            {checked && <p className="muted">Your change has been run and checked, so this attempt has no prediction: start over to make one.</p>}
          </form>
        )}

        <h3>2. Do</h3>
        {topologyHidden() && (
          <p className="muted">
            This page shows the lab&rsquo;s settings, not the topology the steps mention: &ldquo;Show&rdquo; takes you to each step&rsquo;s setting.
          </p>
        )}
        <ol className="lab-steps">
          {def.steps.map((s, i) => (
            <li key={i} className={activeStep === i ? 'active' : undefined}>
              {s.text}{' '}
              <button type="button" className="btn small" data-step={i} aria-label={`Show the control of step ${i + 1}`} onClick={() => showStep(i)}>
                Show
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="btn primary"
          onClick={() => {
            checkRef.current?.focus();
            void runLab();
          }}
          disabled={status === 'running' || status === 'starting'}
        >
          {status === 'done' ? 'Run the lab again' : 'Run the lab'}
        </button>

        <h3>3. What to notice</h3>
        <p>
          {def.notice.text}{' '}
          <button type="button" className="btn small" aria-pressed={noticeShown} onClick={showNotice}>
            Show where
          </button>
        </p>
        {def.look && <LabLookView look={def.look} />}

        <h3>4. Check</h3>
        <p>{def.check.text}</p>
        <CheckView ref={checkRef} result={result} running={status === 'running'} passedBefore={progress?.passed === true} />
        {message && <p role="alert">{message}</p>}

        {result && (
          <>
            <h3>5. Debrief</h3>
            {result.passed || progress?.passed === true ? (
              <Debrief def={def} p={progress} />
            ) : (
              <p className="lab-verdict">
                The debrief opens once the check passes: do the steps under 2, then run the lab again. What you predicted stays as you recorded it.
              </p>
            )}
          </>
        )}
        <p>
          <button type="button" className="btn small" onClick={() => void startOver()}>
            Start this lab over
          </button>
        </p>
      </section>
    </>
  );
}

/** An embedded page (src/embed) without the topology panel, whose steps still name its parts. */
function topologyHidden(): boolean {
  const root = document.documentElement;
  return root.dataset.embed !== undefined && !(root.dataset.panels ?? '').split(' ').includes('topology');
}
