import type { ReactNode } from 'react';
import { useScenarioStore } from '../../state/scenarioStore';
import { fieldAt, getField } from '../../../simulation/fields';
import { Help } from '../Help';
import { FIXED_DURING_RUN } from './fieldDefs';

/** The current value of a scenario field and the message of its last refused edit, if any. */
export function useField(path: string): { value: unknown; problem: string | undefined } {
  const value = useScenarioStore((s) => getField(s.scenario, path));
  const problem = useScenarioStore((s) => s.fieldProblems[path]);
  return { value, problem };
}

/** DOM ids from a field path. */
export const fieldId = (path: string) => `f-${path.replace(/[^\w]/g, '-')}`;

/** What a field's control is described by: its refusal message and its help text. */
export const describedBy = (path: string) => `${fieldId(path)}-problem ${fieldId(path)}-help`;

/** Label, control and the refusal message (announced, and tied to the control). */
export function FieldShell(props: { path: string; label: string; unit?: string; problem?: string; wide?: boolean; hint?: string; help?: string; children: ReactNode }) {
  const { path, label, unit, problem, wide, hint, children } = props;
  const id = fieldId(path);
  // Every field has help in the registry; a field the registry lacks says so rather than nothing.
  const help = props.help ?? fieldAt(path)?.help ?? `No help for ${path} yet.`;
  return (
    <div className={wide ? 'field wide' : 'field'} data-field={path}>
      <span className="field-label">
        <label htmlFor={id}>
          {label}
          {unit && <span className="unit"> ({unit})</span>}
        </label>
        <Help text={help} about={label} id={`${id}-help`} />
      </span>
      <div className="control">{children}</div>
      {FIXED_DURING_RUN.has(path) && path !== 'name' && <p className="hint">Fixed during a run: a change starts a new run.</p>}
      {hint && <p className="hint">{hint}</p>}
      <p className="problem" id={`${id}-problem`} role="alert">
        {problem ?? ''}
      </p>
    </div>
  );
}
