import type { ReactNode } from 'react';
import * as ctl from '../../app/controller';
import { describedBy, FieldShell, fieldId, useField } from './FieldShell';

/**
 * An optional group of settings (a part that may be off for a service, as its `serviceGroup.page`
 * declares): a checkbox that adds it with `defaults` or removes it, and its settings while it is on.
 */
export function OptionalGroupField(props: { path: string; label: string; hint?: string; defaults: object; children: ReactNode }) {
  const { path, label, hint, defaults, children } = props;
  const { value, problem } = useField(path);
  const on = value !== undefined && value !== null;
  const id = fieldId(path);
  return (
    <>
      <FieldShell path={path} label={label} problem={problem} hint={hint}>
        <input id={id} type="checkbox" checked={on} aria-describedby={describedBy(path)} onChange={(e) => void ctl.change(path, e.target.checked ? defaults : undefined)} />
      </FieldShell>
      {on && <div style={{ paddingLeft: 12 }}>{children}</div>}
    </>
  );
}
