import { useId, useState } from 'react';
import { MAX_REPLICATIONS, STUDY_KINDS, type StudyKind } from '../../study/studyLink';
import { useStudyStore } from '../../study/studyStore';
import { VariantEditor } from './VariantEditor';

const KIND_LABELS: Record<StudyKind, string> = {
  replications: 'Replications',
  compare: 'A/B compare',
  sweep: 'Sweep',
};

/** What to study: the kind, the number of seeds, and variant B or the sweep. */
export function StudyForm() {
  const kind = useStudyStore((s) => s.kind);
  const replications = useStudyStore((s) => s.replications);
  const sweep = useStudyStore((s) => s.sweep);
  const busy = useStudyStore((s) => s.status === 'running' || s.status === 'preparing');
  const nId = useId();
  const sweepId = useId();
  const sweepHint = useId();
  return (
    <fieldset className="study-form" disabled={busy}>
      <legend className="visually-hidden">Study definition</legend>
      <div role="radiogroup" aria-label="Kind of study" className="study-kinds">
        {STUDY_KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="study-kind" value={k} checked={kind === k} onChange={() => useStudyStore.setState({ kind: k })} />
            {KIND_LABELS[k]}
          </label>
        ))}
      </div>
      <div className="study-row">
        <label htmlFor={nId}>Replications (seeds)</label>
        <ReplicationsInput id={nId} value={replications} />
        <span className="muted">seed, seed + 1, …{kind === 'compare' ? ' (the same seeds for A and B: common random numbers)' : ''}</span>
      </div>
      {kind === 'compare' && <VariantEditor />}
      {kind === 'sweep' && (
        <div className="study-row">
          <label htmlFor={sweepId}>Sweep</label>
          <input
            id={sweepId}
            type="text"
            className="study-sweep"
            spellCheck={false}
            value={sweep}
            aria-describedby={sweepHint}
            onChange={(e) => useStudyStore.setState({ sweep: e.target.value })}
          />
          <span id={sweepHint} className="muted">
            field=from..to, from..to:step or a,b,c (as the CLI&apos;s --sweep)
          </span>
        </div>
      )}
    </fieldset>
  );
}

/**
 * The number of seeds. What is typed stays as typed (it may be empty while the user retypes it);
 * each whole number in range is taken at once, and leaving the field brings any other number
 * into range (an empty field keeps the last one taken).
 */
function ReplicationsInput({ id, value }: { id: string; value: number }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      id={id}
      type="number"
      min={1}
      max={MAX_REPLICATIONS}
      step={1}
      value={draft ?? value}
      onChange={(e) => {
        setDraft(e.target.value);
        const n = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= MAX_REPLICATIONS) useStudyStore.setState({ replications: n });
      }}
      onBlur={() => {
        const n = Math.round(Number(draft));
        if (draft !== null && draft.trim() !== '' && Number.isFinite(n)) useStudyStore.setState({ replications: Math.min(MAX_REPLICATIONS, Math.max(1, n)) });
        setDraft(null);
      }}
    />
  );
}
