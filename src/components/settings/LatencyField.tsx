import { useState } from 'react';
import type { Latency } from '../../../simulation/index';
import * as ctl from '../../app/controller';
import { describedBy, FieldShell, fieldId, useField } from './FieldShell';
import { parseTyped } from './NumberField';
import { fieldAt } from '../../../simulation/fields';

const PARAMS: Record<Latency['type'], string[]> = {
  constant: ['ms'],
  exponential: ['meanMs'],
  uniform: ['minMs', 'maxMs'],
  lognormal: ['medianMs', 'p99Ms'],
};

function meanOf(l: Latency): number {
  switch (l.type) {
    case 'constant':
      return l.ms;
    case 'exponential':
      return l.meanMs;
    case 'uniform':
      return (l.minMs + l.maxMs) / 2;
    case 'lognormal':
      return l.medianMs;
  }
}

/** The same typical value under another distribution. */
function convert(l: Latency, type: Latency['type']): Latency {
  const m = meanOf(l) || 1;
  if (type === 'constant') return { type, ms: m };
  if (type === 'exponential') return { type, meanMs: m };
  if (type === 'uniform') return { type, minMs: 0, maxMs: 2 * m };
  return { type, medianMs: m, p99Ms: 4 * m };
}

/** The field's help, then the distribution's and each shown parameter's. */
function latencyHelp(path: string, type: Latency['type']): string {
  const part = (p: string) => fieldAt(`${path}.${p}`)?.help ?? '';
  return [fieldAt(path)?.help ?? '', `Distribution: ${part('type')}`, ...PARAMS[type].map((p) => `${p}: ${part(p)}`)].join(' ');
}

/** A latency distribution: its type and its parameters in ms. */
export function LatencyField({ path, label }: { path: string; label: string }) {
  const { value, problem } = useField(path);
  const l = value as Latency;
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const id = fieldId(path);
  const commit = async (param: string) => {
    const text = drafts[param];
    if (text === undefined) return;
    const ok = await ctl.change(path, { ...l, [param]: parseTyped(text) });
    if (ok) setDrafts((d) => ({ ...d, [param]: undefined as unknown as string }));
  };
  return (
    <FieldShell path={path} label={label} unit="ms" problem={problem} wide help={latencyHelp(path, l.type)}>
      <span className="latency">
        <select id={id} value={l.type} aria-describedby={describedBy(path)} onChange={(e) => void ctl.change(path, convert(l, e.target.value as Latency['type']))}>
          {Object.keys(PARAMS).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        {PARAMS[l.type].map((p) => (
          <input
            key={p}
            type="text"
            inputMode="decimal"
            size={5}
            aria-label={`${label}: ${p}`}
            title={p}
            value={drafts[p] ?? String((l as unknown as Record<string, number>)[p])}
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy(path)}
            onChange={(e) => setDrafts((d) => ({ ...d, [p]: e.target.value }))}
            onBlur={() => void commit(p)}
            onKeyDown={(e) => e.key === 'Enter' && void commit(p)}
          />
        ))}
      </span>
    </FieldShell>
  );
}
