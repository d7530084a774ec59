import { useId, useState } from 'react';
import './labs.css';
import { useRunStore } from '../state/runStore';
import { formatTermValue, termLimitText } from './checks';
import { closeLab, recordPrediction, runLab, showNotice, showStep, startOver } from './labActions';
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
  const result = useLabStore((s) => s.result);
  const activeStep = useLabStore((s) => s.activeStep);
  const noticeShown = useLabStore((s) => s.noticeShown);
  const status = useRunStore((s) => s.status);
  const [choice, setChoice] = useState<string>('');
  const name = useId();
  const predicted = progress?.prediction;
  const predictedText = def.prediction.options.find((o) => o.id === predicted)?.text;
  const answerText = def.prediction.options.find((o) => o.id === def.prediction.answer)?.text;
  // A run checked in this attempt (this visit, or one before a reload: its score is kept) locks the prediction.
  const checked = result !== null || progress?.score !== undefined;

  return (
    <section className="panel lab-panel" aria-labelledby="lab-title">
      <div className="lab-head">
        <h2 id="lab-title">
          Lab {def.n} of {LAB_IDS.length}: {def.title}
        </h2>
        <button type="button" className="btn small" onClick={closeLab} aria-label={`Close lab ${def.n}`}>
          Close
        </button>
      </div>
      <p className="muted lab-question">Quiz question {def.n}: {def.question}</p>
      <p className="lab-goal">
        <strong>Goal:</strong> {def.goal}
      </p>

      <h3>1. Predict</h3>
      {predicted ? (
        <p className="lab-predicted">
          Your prediction: <em>{predictedText}</em>
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) recordPrediction(choice);
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
          {checked && <p className="muted">Predictions are made before running: start over to make one.</p>}
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
            <button type="button" className="btn small" aria-label={`Show the control of step ${i + 1}`} onClick={() => showStep(i)}>
              Show
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="btn primary" onClick={() => void runLab()} disabled={status === 'running' || status === 'starting'}>
        {status === 'done' ? 'Run the lab again' : 'Run the lab'}
      </button>

      <h3>3. What to notice</h3>
      <p>
        {def.notice.text}{' '}
        <button type="button" className="btn small" aria-pressed={noticeShown} onClick={showNotice}>
          Show where
        </button>
      </p>

      <h3>4. Check</h3>
      <p>{def.check.text}</p>
      <CheckView result={result} running={status === 'running'} passedBefore={progress?.passed === true} />
      {message && <p role="alert">{message}</p>}

      {result && (
        <>
          <h3>5. Debrief</h3>
          {result.passed || progress?.passed === true ? (
            <>
              <p className="lab-verdict">
                {predicted === undefined
                  ? `You made no prediction. The answer: ${answerText}`
                  : progress?.predictionRight
                    ? `Your prediction was right: ${answerText}`
                    : `Your prediction did not match what happened: ${answerText}`}
              </p>
              {def.debrief.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </>
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
  );
}

function CheckView(props: { result: ReturnType<typeof useLabStore.getState>['result']; running: boolean; passedBefore: boolean }) {
  const { result, running, passedBefore } = props;
  if (!result) {
    return (
      <p role="status" className="muted">
        {running ? 'Running: the check is made when the run ends.' : 'Not checked yet: run the lab to the end.'}
        {passedBefore ? ' You have passed this check before.' : ''}
      </p>
    );
  }
  return (
    <div className={result.passed ? 'lab-check passed' : 'lab-check failed'}>
      <p role="status">
        <strong>{result.passed ? 'Check passed' : 'Check not passed'}</strong> ({result.score} of {result.max} conditions met)
      </p>
      <ul aria-label="Conditions of the check">
        {result.terms.map((t) => (
          <li key={t.term.figure}>
            <span aria-hidden="true">{t.met ? '✓ ' : '✗ '}</span>
            {t.term.label}: {formatTermValue(t.value, t.term.unit)} (needs {termLimitText(t.term)}){t.met ? '' : ', not met'}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An embedded page (src/embed) without the topology panel, whose steps still name its parts. */
function topologyHidden(): boolean {
  const root = document.documentElement;
  return root.dataset.embed !== undefined && !(root.dataset.panels ?? '').split(' ').includes('topology');
}
