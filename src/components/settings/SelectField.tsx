import * as ctl from '../../app/controller';
import { describedBy, FieldShell, fieldId, useField } from './FieldShell';

/** A choice among the engine's allowed values. */
export function SelectField({ path, label, options }: { path: string; label: string; options: readonly string[] }) {
  const { value, problem } = useField(path);
  const id = fieldId(path);
  return (
    <FieldShell path={path} label={label} problem={problem}>
      <select id={id} value={String(value)} aria-describedby={describedBy(path)} onChange={(e) => void ctl.change(path, e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
