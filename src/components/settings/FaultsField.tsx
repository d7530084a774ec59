import { useState } from 'react';
import * as ctl from '../../app/controller';
import { useField } from './FieldShell';
import { Help } from '../Help';
import { fieldAt } from '../../../simulation/fields';
import { parseTyped } from './NumberField';
import { FAULT_RULES } from 'virtual:engine-facts';

type Fault = Record<string, unknown> & { atS: number; kind: string; target: string };

/** Each fault kind: the targets it applies to and the extra numbers it needs (the engine's rules). */
const KINDS = FAULT_RULES;
const DEFAULTS: Record<string, string> = { atS: '10', forS: '10', instance: '0', shard: '0', factor: '8', fraction: '0.2', ms: '2000' };

function describe(f: Fault): string {
  const extra = ['instance', 'shard', 'factor', 'fraction', 'ms'].filter((k) => f[k] !== undefined).map((k) => `${k} ${String(f[k])}`);
  return `${f.atS} s: ${f.kind} ${f.target}${extra.length ? ` (${extra.join(', ')})` : ''}${f.forS ? ` for ${f.forS} s` : ''}`;
}

/** The scenario's fault timeline: a list, and a form to add one. A change starts a new run. */
export function FaultsField({ path }: { path: string }) {
  const { value, problem } = useField(path);
  const faults = (value as Fault[] | undefined) ?? [];
  const [kind, setKind] = useState('crash');
  const [target, setTarget] = useState('queryService');
  const [nums, setNums] = useState<Record<string, string>>(DEFAULTS);
  const rule = KINDS[kind as keyof typeof KINDS];
  const add = () => {
    const f: Record<string, unknown> = { atS: parseTyped(nums.atS), kind, target };
    for (const k of rule.needs) f[k] = parseTyped(nums[k]);
    if (nums.forS.trim() !== '') f.forS = parseTyped(nums.forS);
    void ctl.change(path, [...faults, f].sort((a, b) => Number(a.atS) - Number(b.atS)));
  };
  const numInput = (k: string, label: string) => (
    <label key={k} className="inline-label">
      {label}
      <input type="text" inputMode="decimal" size={5} value={nums[k]} onChange={(e) => setNums({ ...nums, [k]: e.target.value })} />
    </label>
  );
  return (
    <div>
      <p className="hint muted" style={{ margin: '4px 0' }}>
        Faults are scheduled with the scenario: adding or removing one starts a new run.{' '}
        <Help text={fieldAt(path)?.help ?? ''} about="Faults" />
      </p>
      {faults.length === 0 ? (
        <p className="muted">No faults.</p>
      ) : (
        <ul className="interventions" aria-label="Faults">
          {faults.map((f, i) => (
            <li key={i}>
              {describe(f)}{' '}
              <button type="button" className="btn small" aria-label={`Remove fault: ${describe(f)}`} onClick={() => void ctl.change(path, faults.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset style={{ border: '1px solid var(--border)', borderRadius: 6, display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        <legend>Add a fault</legend>
        <label className="inline-label">
          Kind
          <select value={kind} onChange={(e) => (setKind(e.target.value), setTarget(KINDS[e.target.value as keyof typeof KINDS].targets[0]))}>
            {Object.keys(KINDS).map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label className="inline-label">
          Target
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            {rule.targets.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        {numInput('atS', 'At (s)')}
        {rule.needs.map((k) => numInput(k, k === 'ms' ? 'Extra lag (ms)' : k === 'instance' ? 'Instance (from 0)' : k === 'shard' ? 'Shard (from 0)' : k))}
        {numInput('forS', 'For (s, empty: until undone)')}
        <button type="button" className="btn" onClick={add}>
          Add fault
        </button>
      </fieldset>
      <p className="problem" role="alert" style={{ color: 'var(--bad)', fontSize: '12px', margin: 0 }}>
        {problem ?? ''}
      </p>
    </div>
  );
}
