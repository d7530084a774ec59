/**
 * Live changes to a running simulation: set one scenario field at the current simulated time.
 * The change is validated like the scenario file itself (same schema, same messages); a change
 * that is refused changes nothing. The page records each accepted change as an intervention
 * `{ atS, set, value }`, so a run replays exactly.
 */
import { registerChangeFn, type Change, type ChangeResult } from './changeFn';
import { fieldAt, FIXED_DURING_RUN, getField, withField } from '../fields';
import { parseShape } from './parseShape';
import type { Scenario } from '../scenario';

export type { Change, ChangeResult };

export { FIXED_DURING_RUN };

/**
 * The scenario with one field changed, validated; the caller's scenario is not touched.
 * Checks that the change is allowed during a run.
 */
export function changedScenario(current: Scenario, change: Change): ChangeResult {
  // Paths are looked up in the list of fields, never walked: `__proto__.x` is just unknown.
  const field = fieldAt(change.set);
  if (field === undefined) {
    const message =
      typeof change.set === 'string' && change.set !== ''
        ? 'unknown field'
        : 'must be a dotted field path such as "queryService.instances"';
    return { ok: false, problems: [{ path: 'set', message }] };
  }
  if (field.path === 'faults') {
    return { ok: false, problems: [{ path: 'faults', message: "cannot change during a run: it is the run's timeline" }] };
  }
  // The timelines are not settings: leave them out of the copy (and so out of the cost).
  const { interventions, faults, ...settings } = current;
  const parsed = validated(settings, field.path, change.value);
  if (!parsed.ok) return parsed;
  for (const fixed of FIXED_DURING_RUN) {
    if (JSON.stringify(getField(current, fixed)) !== JSON.stringify(getField(parsed.scenario, fixed))) {
      return { ok: false, problems: [{ path: fixed, message: 'cannot change during a run: start a new run with it instead' }] };
    }
  }
  parsed.scenario.interventions = interventions;
  parsed.scenario.faults = faults;
  return parsed;
}

/**
 * The settings with one field set, validated by the file's own schema. `null` (or no value)
 * removes a field only where a file may leave it out and then has none (an optional group such as
 * auto-scaling, a rate profile, a retry budget): that is how a saved run says "auto-scaling off".
 * Anywhere else the null stays in place and is refused with the message the file gets for it, so
 * a change never silently puts a field's default back (5 instances becoming 2).
 */
function validated(settings: object, path: string, value: unknown): ChangeResult {
  const set = withChange(settings, path, value);
  return set.ok ? parseShape(set.value) : set;
}

/**
 * The raw settings with one field set, or removed where `null` (or no value) means "none" (see
 * `validated`), not yet validated as a whole: the one rule for a change, whether it applies during
 * a run or restarts one (the page's runner validates the result with the timelines in it).
 * `createGroups` makes a missing group on the way, as the page's editors do before a run.
 */
export function withChange(
  settings: object,
  path: string,
  value: unknown,
  createGroups = false,
): { ok: true; value: unknown } | Extract<ChangeResult, { ok: false }> {
  if (value === null || value === undefined) {
    const removed = withField(settings, path, undefined, createGroups);
    const parsed = removed.ok ? parseShape(removed.value) : null;
    if (removed.ok && parsed?.ok && getField(parsed.scenario, path) === undefined) return { ok: true, value: removed.value };
  }
  const set = withField(settings, path, value ?? null, createGroups);
  if (!set.ok) return { ok: false, problems: [{ path: set.path, message: set.message }] };
  return { ok: true, value: set.value };
}

/** Something a change can be applied to: a running simulation. */
export interface Reconfigurable {
  applyChange(change: Change): ChangeResult;
}

/** Applies a change at the simulation's current time. Refused changes change nothing. */
export function applyChange(sim: Reconfigurable, change: Change): ChangeResult {
  return sim.applyChange(change);
}

// Every Simulation built where this module is loaded (simulation/index loads it) checks its changes here.
registerChangeFn(changedScenario);
