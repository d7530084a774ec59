import { useRunStore } from '../../state/runStore';
import { useScenarioStore } from '../../state/scenarioStore';
import { useUiStore } from '../../state/uiStore';
import { PART_NAMES, PART_ORDER, SECTIONS, type FieldDef } from './fieldDefs';
import { NumberField } from './NumberField';
import { BoolField } from './BoolField';
import { SelectField } from './SelectField';
import { LatencyField } from './LatencyField';
import { ProfileField } from './ProfileField';
import { AutoscalingField } from './AutoscalingField';
import { FaultsField } from './FaultsField';
import { OptionalGroupField } from './OptionalGroupField';

/** How many a scalable group has right now, when an autoscaler may differ from the setting. */
function useLiveCount(path: string): string | undefined {
  const autoscaled = useScenarioStore((s) => {
    const group = path.split('.')[0] as 'commandService' | 'queryService' | 'eventStream' | 'readStore';
    return ['commandService', 'queryService', 'eventStream', 'readStore'].includes(group) && s.scenario[group].autoscaling !== undefined;
  });
  const count = useRunStore((s) => {
    const w = s.snapshot?.window;
    if (!w) return undefined;
    if (path === 'commandService.instances') return `${w.commandService.instances} ready, ${w.commandService.booting} booting`;
    if (path === 'queryService.instances') return `${w.queryService.instances} ready, ${w.queryService.booting} booting`;
    if (path === 'eventStream.projectors') return String(w.projectors);
    if (path === 'readStore.replicas') return String(w.replicas);
    return undefined;
  });
  return autoscaled && count !== undefined ? `Auto-scaling: now ${count}.` : undefined;
}

/** One field's editor, by its definition (the lab controls of embed mode use it too). */
export function Field({ def }: { def: FieldDef }) {
  const live = useLiveCount(def.path);
  switch (def.kind) {
    case 'number':
      return <NumberField path={def.path} label={def.label} unit={def.unit} step={def.step} stepper={def.stepper} hint={live} />;
    case 'text':
      return <NumberField path={def.path} label={def.label} text />;
    case 'select':
      return <SelectField path={def.path} label={def.label} options={def.options} />;
    case 'bool':
      return <BoolField path={def.path} label={def.label} />;
    case 'latency':
      return <LatencyField path={def.path} label={def.label} />;
    case 'profile':
      return <ProfileField path={def.path} label={def.label} />;
    case 'autoscaling':
      return <AutoscalingField path={def.path} label={def.label} metrics={def.metrics} />;
    case 'faults':
      return <FaultsField path={def.path} />;
    case 'heading':
      return <h3>{def.label}</h3>;
    case 'group':
      return (
        <OptionalGroupField path={def.path} label={def.label} hint={def.hint} defaults={def.defaults}>
          {def.fields.map((f) => (
            <Field key={f.path} def={f} />
          ))}
        </OptionalGroupField>
      );
  }
}

/** The settings of the selected part; changes apply live and are recorded as interventions. */
export function SettingsPanel() {
  const selected = useUiStore((s) => s.selected);
  const select = useUiStore((s) => s.select);
  const interventions = useScenarioStore((s) => s.interventions);
  const section = SECTIONS[selected];
  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings: {section.title}</h2>
      <div className="part-tabs" role="group" aria-label="Part to edit">
        {PART_ORDER.map((p) => (
          <button key={p} type="button" className="btn small" aria-pressed={p === selected} onClick={() => select(p)}>
            {PART_NAMES[p]}
          </button>
        ))}
      </div>
      <p className="muted" style={{ margin: '2px 0 4px' }}>
        {section.about}
      </p>
      <div>
        {section.fields.map((def) => (
          <Field key={def.path} def={def} />
        ))}
      </div>
      <h3>Interventions ({interventions.length})</h3>
      {interventions.length === 0 ? (
        <p className="muted" style={{ margin: 0, fontSize: '14px' }}>
          Changes made while the run goes are recorded here and saved with the scenario.
        </p>
      ) : (
        <ol className="interventions" aria-label="Interventions">
          {interventions.map((iv, i) => (
            <li key={i}>
              {iv.atS} s: {iv.set} = {JSON.stringify(iv.value)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
