import { cloneElement, useId, type ReactElement } from 'react';
import { FIELDS } from '../../../simulation/fields';
import { FIGURES } from '../../../simulation/figures';
import { OPS, targetSentence } from '../../plan/planInput';
import { usePlanStore, type SpaceRow, type TargetRow } from '../../plan/planStore';

/** Figures a target can name: one number per report (not the lists' elements). */
const TARGET_FIGURES = FIGURES.filter((f) => !f.id.includes('[]'));
/** Fields a space can vary: settings that are numbers, switches or choices. */
const SPACE_FIELDS = FIELDS.filter((f) => (f.kind === 'number' || f.kind === 'integer' || f.kind === 'boolean' || f.kind === 'choice') && f.path !== 'seed');

const MAX_ROWS = 8;

/** The plan's question: targets (figure, operator, limit, read back as a sentence), the design space, replications. */
export function PlanForm({ disabled }: { disabled: boolean }) {
  const { targets, space, replications } = usePlanStore();
  const setT = (next: TargetRow[]) => usePlanStore.setState({ targets: next });
  const setS = (next: SpaceRow[]) => usePlanStore.setState({ space: next });
  const upT = (i: number, c: Partial<TargetRow>) => setT(targets.map((x, k) => (k === i ? { ...x, ...c } : x)));
  const upS = (i: number, c: Partial<SpaceRow>) => setS(space.map((x, k) => (k === i ? { ...x, ...c } : x)));
  return (
    <div className="plan-form">
      <fieldset disabled={disabled}>
        <legend>Targets: every one must hold with 95% confidence</legend>
        {targets.map((t, i) => (
          <div className="plan-row" key={i}>
            <Labeled text={`Target ${i + 1} figure`}>
              <select value={t.figure} onChange={(e) => upT(i, { figure: e.target.value })}>
                {!TARGET_FIGURES.some((f) => f.id === t.figure) && <option value={t.figure}>{t.figure} (unknown)</option>}
                {TARGET_FIGURES.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.label} ({f.id})
                  </option>
                ))}
              </select>
            </Labeled>
            <Labeled text={`Target ${i + 1} operator`}>
              <select value={t.op} onChange={(e) => upT(i, { op: e.target.value as TargetRow['op'] })}>
                {OPS.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </Labeled>
            <Labeled text={`Target ${i + 1} limit`}>
              <input type="text" inputMode="decimal" value={t.limit} spellCheck={false} onChange={(e) => upT(i, { limit: e.target.value })} />
            </Labeled>
            <button type="button" className="btn small" aria-label={`Remove target ${i + 1}`} onClick={() => setT(targets.filter((_, k) => k !== i))}>
              ×
            </button>
            <p className="plan-sentence muted">{targetSentence(t)}</p>
          </div>
        ))}
        <button type="button" className="btn small" onClick={() => setT([...targets, { figure: 'queries.latencyMs.p99', op: '<', limit: '50' }])} disabled={targets.length >= MAX_ROWS}>
          Add a target
        </button>
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Design space: the settings to choose, each with its values</legend>
        {space.map((r, i) => (
          <div className="plan-row" key={i}>
            <Labeled text={`Space field ${i + 1}`}>
              <select value={r.field} onChange={(e) => upS(i, { field: e.target.value })}>
                {!SPACE_FIELDS.some((f) => f.path === r.field) && <option value={r.field}>{r.field} (unknown)</option>}
                {SPACE_FIELDS.map((f) => (
                  <option key={f.path} value={f.path}>
                    {f.path}
                  </option>
                ))}
              </select>
            </Labeled>
            <Labeled text={`Space field ${i + 1} values`}>
              <input type="text" value={r.values} spellCheck={false} placeholder="1..16, 1,2,4 or 1..64:4" onChange={(e) => upS(i, { values: e.target.value })} />
            </Labeled>
            <button type="button" className="btn small" aria-label={`Remove space field ${i + 1}`} onClick={() => setS(space.filter((_, k) => k !== i))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="btn small" onClick={() => setS([...space, { field: 'queryService.vcpus', values: '1,2,4' }])} disabled={space.length >= MAX_ROWS}>
          Add a field
        </button>
      </fieldset>
      <Labeled className="plan-replications" text="Replications per design">
        <input type="number" min={2} max={100} value={replications} disabled={disabled} onChange={(e) => usePlanStore.setState({ replications: e.target.valueAsNumber })} />
      </Labeled>
    </div>
  );
}

/** A label beside its control, tied by id (a label around a select would read the selected option into the control's name). */
function Labeled({ text, className, children }: { text: string; className?: string; children: ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className={className ?? 'plan-field'}>
      <label htmlFor={id}>{text}</label>
      {cloneElement(children, { id })}
    </div>
  );
}
