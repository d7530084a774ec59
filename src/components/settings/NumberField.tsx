import { useState } from 'react';
import * as ctl from '../../app/controller';
import { describedBy, FieldShell, fieldId, useField } from './FieldShell';

/** Reads what was typed: a number when it is one, else the text itself (the engine says what is wrong). */
export function parseTyped(text: string): unknown {
  const t = text.trim();
  if (t === '') return t;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/**
 * A number field: commits on Enter or when it loses focus; +/- buttons commit at once. A refused
 * value stays in the box, marked invalid, with the engine's message under it.
 */
export function NumberField(props: { path: string; label: string; unit?: string; step?: number; stepper?: boolean; text?: boolean; hint?: string }) {
  const { path, label, unit, step = 1, stepper, text, hint } = props;
  const { value, problem } = useField(path);
  const [draft, setDraft] = useState<string | null>(null);
  const id = fieldId(path);
  const shown = draft ?? (value === undefined ? '' : String(value));

  const commit = async (raw: unknown) => {
    if (raw === value) return setDraft(null);
    const ok = await ctl.change(path, raw);
    if (ok) setDraft(null);
  };
  const bump = (sign: 1 | -1) => {
    const base = typeof value === 'number' ? value : 0;
    setDraft(null);
    void ctl.change(path, Math.round((base + sign * step) * 1e9) / 1e9);
  };

  return (
    <FieldShell path={path} label={label} unit={unit} problem={problem} hint={hint}>
      {stepper && (
        <button type="button" className="btn small" aria-label={`Decrease ${label}`} onClick={() => bump(-1)}>
          −
        </button>
      )}
      <input
        id={id}
        type="text"
        inputMode={text ? 'text' : 'decimal'}
        size={text ? 14 : 7}
        value={shown}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(path)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft !== null && void commit(text ? draft : parseTyped(draft))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft !== null) void commit(text ? draft : parseTyped(draft));
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {stepper && (
        <button type="button" className="btn small" aria-label={`Increase ${label}`} onClick={() => bump(1)}>
          +
        </button>
      )}
    </FieldShell>
  );
}
