import * as ctl from '../../app/controller';
import { describedBy, FieldShell, fieldId, useField } from './FieldShell';

/** An on/off setting. */
export function BoolField({ path, label }: { path: string; label: string }) {
  const { value, problem } = useField(path);
  const id = fieldId(path);
  return (
    <FieldShell path={path} label={label} problem={problem}>
      <input id={id} type="checkbox" checked={value === true} aria-describedby={describedBy(path)} onChange={(e) => void ctl.change(path, e.target.checked)} />
    </FieldShell>
  );
}
