import * as ctl from '../../app/controller';
import { describedBy, FieldShell, fieldId, useField } from './FieldShell';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

/** A sensible starting target for each metric (cpu and memory are utilisations). */
const DEFAULT_TARGET: Record<string, number> = { cpu: 0.6, memory: 0.7, rps: 100, queue: 5, lag: 200 };

/**
 * Target-tracking auto-scaling of a group: off, or on with its metric, target, bounds, timing.
 * Turning it on applies live; turning it off starts a new run (the scenario format cannot yet
 * record "remove auto-scaling" as an intervention).
 */
export function AutoscalingField({ path, label, metrics }: { path: string; label: string; metrics: readonly string[] }) {
  const { value, problem } = useField(path);
  const on = value !== undefined && value !== null;
  const id = fieldId(path);
  return (
    <>
      <FieldShell path={path} label={label} problem={problem}>
        <input
          id={id}
          type="checkbox"
          checked={on}
          aria-describedby={describedBy(path)}
          onChange={(e) => void ctl.change(path, e.target.checked ? { metric: metrics[0], target: DEFAULT_TARGET[metrics[0]] } : undefined)}
        />
      </FieldShell>
      {on && (
        <div style={{ paddingLeft: 12 }}>
          <SelectField path={`${path}.metric`} label="Metric" options={metrics} />
          <NumberField path={`${path}.target`} label="Target per instance" step={0.1} />
          <NumberField path={`${path}.min`} label="Minimum" stepper />
          <NumberField path={`${path}.max`} label="Maximum" stepper />
          <NumberField path={`${path}.intervalS`} label="Evaluation interval" unit="s" />
          <NumberField path={`${path}.cooldownOutS`} label="Cooldown after scaling out" unit="s" />
          <NumberField path={`${path}.cooldownInS`} label="Cooldown after scaling in" unit="s" />
          <NumberField path={`${path}.bootS`} label="Boot time of a new instance" unit="s" />
        </div>
      )}
    </>
  );
}
