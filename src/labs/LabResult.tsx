import { forwardRef } from 'react';
import { formatTermValue, termLimitText, type CheckResult } from './checks';
import { comparisonLines, fillDebrief, labFigures } from './labFigures';
import type { LabDef } from './labTypes';
import type { LabProgress } from './progress';

/** The last check: this visit's result, or the one stored with the progress (its figures survive a reload). */
export function shownResult(def: LabDef, result: CheckResult | null, p: LabProgress | undefined): CheckResult | null {
  if (result) return result;
  if (!p?.terms || p.terms.length !== def.check.terms.length || p.score === undefined || p.max === undefined) return null;
  const terms = def.check.terms.map((term, i) => {
    const value = p.terms?.[i] ?? undefined;
    return { term, value, met: value !== undefined && termLimitMet(term.op, value, term.limit) };
  });
  return { passed: p.score === p.max, score: p.score, max: p.max, scaled: p.max > 0 ? p.score / p.max : 0, terms };
}

function termLimitMet(op: string, v: number, limit: number): boolean {
  return op === '<' ? v < limit : op === '<=' ? v <= limit : op === '>' ? v > limit : v >= limit;
}

/** The check's verdict and its conditions; focusable, so "Run the lab" can move the focus here. */
export const CheckView = forwardRef<HTMLDivElement, { result: CheckResult | null; running: boolean; passedBefore: boolean }>(function CheckView(props, ref) {
  const { result, running, passedBefore } = props;
  if (!result) {
    return (
      <div ref={ref} tabIndex={-1} className="lab-check-slot">
        <p role="status" className="muted">
          {running ? 'Running: the check is made when the run ends.' : 'Not checked yet: do the steps, then run the lab to the end.'}
          {passedBefore ? ' You have passed this check before.' : ''}
        </p>
      </div>
    );
  }
  return (
    <div ref={ref} tabIndex={-1} className={result.passed ? 'lab-check passed' : 'lab-check failed'}>
      <p role="status">
        <strong>{result.passed ? 'Check passed' : 'Check not passed'}</strong> ({result.score} of {result.max} conditions met)
      </p>
      <ul aria-label="Conditions of the check">
        {result.terms.map((t) => (
          <li key={t.term.figure}>
            <span aria-hidden="true">{t.met ? '\u2713 ' : '\u2717 '}</span>
            {t.term.label}: {formatTermValue(t.value, t.term.unit)} (needs {termLimitText(t.term)}){t.met ? '' : ', not met'}
          </li>
        ))}
      </ul>
    </div>
  );
});

/** The starting system's figures, once its run has ended: what the student's change is measured against. */
export function BeforeFigures({ def, before }: { def: LabDef; before: (number | null)[] | undefined }) {
  if (!before) return <p className="muted">The lab&rsquo;s starting system runs first: its figures appear here as &ldquo;before&rdquo;.</p>;
  const figs = labFigures(def);
  return (
    <p className="lab-before">
      <strong>Before</strong> (the lab&rsquo;s starting system, faint on the charts):{' '}
      {figs.map((f, i) => `${f.label} ${formatTermValue(before[i] ?? undefined, f.unit)}`).join('; ')}.
    </p>
  );
}

/** The debrief: the prediction against what happened, the student's own figures before and after, and why. */
export function Debrief({ def, p }: { def: LabDef; p: LabProgress | undefined }) {
  const answerText = def.prediction.options.find((o) => o.id === def.prediction.answer)?.text;
  const after = p?.after ?? [];
  const lines = comparisonLines(def, p?.before, after);
  const moved = lines.filter((l) => l.moved === true);
  const still = lines.filter((l) => l.moved === false);
  return (
    <>
      <p className="lab-verdict">
        {p?.prediction === undefined
          ? `You made no prediction. The answer: ${answerText}`
          : p.predictionRight
            ? `Your prediction was right: ${answerText}`
            : `Your prediction did not match what happened: ${answerText}`}
      </p>
      <p>Your runs, the lab&rsquo;s starting system against your change:</p>
      <ul className="lab-figures" aria-label="Your figures, before and after">
        {lines.map((l) => (
          <li key={l.text}>{l.text}</li>
        ))}
      </ul>
      {p?.before && (
        <p>
          {moved.length > 0 ? `What moved: ${moved.map((l) => l.label).join(', ')}.` : 'None of these figures moved by more than a tenth.'}
          {still.length > 0 ? ` What stayed: ${still.map((l) => l.label).join(', ')}.` : ''}
        </p>
      )}
      {def.debrief.map((text, i) => (
        <p key={i}>{fillDebrief(text, def, p?.before, after)}</p>
      ))}
    </>
  );
}
