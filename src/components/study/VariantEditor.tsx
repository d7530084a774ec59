import { useId } from 'react';
import { FIELDS } from '../../../simulation/fields';
import type { FieldChange } from '../../study/studyLink';
import { useStudyStore } from '../../study/studyStore';

/** Settable leaf fields, for the editor's suggestions. */
const PATHS = FIELDS.filter((f) => f.kind !== 'group' && f.kind !== 'list').map((f) => f.path);

/** A value as typed: JSON where it parses (4, true, {"type":...}), else the text itself (hash, range). */
export function valueOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const textOf = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Variant B: A with these fields changed (paths from the engine's field registry). */
export function VariantEditor() {
  const variant = useStudyStore((s) => s.variant);
  const listId = useId();
  const set = (next: FieldChange[]) => useStudyStore.setState({ variant: next });
  const update = (i: number, c: Partial<FieldChange>) => set(variant.map((x, k) => (k === i ? { ...x, ...c } : x)));
  return (
    <fieldset className="study-variant">
      <legend>Variant B: A with these changes</legend>
      <datalist id={listId}>
        {PATHS.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      {variant.map((c, i) => (
        <div className="study-change" key={i}>
          <label>
            Field {i + 1}
            <input type="text" list={listId} value={c.path} spellCheck={false} onChange={(e) => update(i, { path: e.target.value.trim() })} />
          </label>
          <label>
            Value {i + 1}
            <input type="text" value={textOf(c.value)} spellCheck={false} onChange={(e) => update(i, { value: valueOf(e.target.value) })} />
          </label>
          <button type="button" className="btn small" aria-label={`Remove change ${i + 1}`} onClick={() => set(variant.filter((_, k) => k !== i))} disabled={variant.length === 1}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="btn small" onClick={() => set([...variant, { path: '', value: '' }])} disabled={variant.length >= 50}>
        Add a change
      </button>
    </fieldset>
  );
}
