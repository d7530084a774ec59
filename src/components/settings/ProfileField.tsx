import { useState } from 'react';
import * as ctl from '../../app/controller';
import { useScenarioStore } from '../../state/scenarioStore';
import { describedBy, FieldShell, fieldId, useField } from './FieldShell';

type Point = { atS: number; rps: number; rampS?: number };

/** Rate profiles made from the current rate and duration: the shapes the course talks about. */
function preset(kind: string, rps: number, durationS: number): Point[] {
  const d = durationS;
  const r = (v: number) => Math.round(v);
  switch (kind) {
    case 'ramp':
      // A ramp starts at its point's atS: from 10% of the run to 80%, then the level holds.
      return [{ atS: 0, rps: r(rps / 4) }, { atS: d * 0.1, rps: r(rps * 2), rampS: d * 0.7 }];
    case 'spike':
      return [{ atS: 0, rps: r(rps) }, { atS: d / 3, rps: r(rps * 5), rampS: 2 }, { atS: d / 2, rps: r(rps), rampS: 5 }];
    case 'sine':
      return Array.from({ length: 9 }, (_, i) => ({ atS: r((d * i) / 8), rps: r(rps * (1 + 0.6 * Math.sin((Math.PI * i) / 4))), rampS: r(d / 8) }));
    default:
      return [0, 1, 2, 3].map((i) => ({ atS: r((d * i) / 4), rps: r(rps * (0.5 + 0.5 * i)) }));
  }
}

/** The workload's rate profile: presets, or the points as JSON. Removing it keeps a constant rate. */
export function ProfileField({ path, label }: { path: string; label: string }) {
  const { value, problem } = useField(path);
  const rps = useScenarioStore((s) => s.scenario.workload.rps);
  const durationS = useScenarioStore((s) => s.scenario.durationS);
  const [draft, setDraft] = useState<string | null>(null);
  const id = fieldId(path);
  const text = draft ?? (value ? JSON.stringify(value) : '');
  const apply = async () => {
    if (draft === null) return;
    let parsed: unknown;
    try {
      parsed = draft.trim() === '' ? undefined : JSON.parse(draft);
    } catch {
      parsed = draft; // the engine names the problem
    }
    if (parsed === undefined) await ctl.change('workload.rps', rps);
    else if (await ctl.change(path, parsed)) setDraft(null);
  };
  return (
    <FieldShell path={path} label={label} problem={problem} wide>
      <span className="latency">
        {['ramp', 'spike', 'sine', 'steps'].map((k) => (
          <button key={k} type="button" className="btn small" onClick={() => (setDraft(null), void ctl.change(path, preset(k, rps, durationS)))}>
            {k}
          </button>
        ))}
        <button type="button" className="btn small" disabled={!value} onClick={() => (setDraft(null), void ctl.change('workload.rps', rps))}>
          constant
        </button>
      </span>
      <textarea
        id={id}
        rows={2}
        placeholder='none: constant rate. e.g. [{"atS":0,"rps":200},{"atS":30,"rps":2000,"rampS":5}]'
        value={text}
        aria-describedby={describedBy(path)}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void apply()}
      />
    </FieldShell>
  );
}
