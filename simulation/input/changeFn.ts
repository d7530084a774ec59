/**
 * How a running simulation checks a live change (and each of a scenario's interventions when its
 * time comes): a function it is given, so that the engine's own modules never load the scenario
 * schema (zod). `changes.ts` registers its `changedScenario` as the default when it loads, as
 * `simulation/index` loads it; the page's worker, which loads the schema only when first needed,
 * passes its own.
 */
import type { Scenario, ScenarioProblem } from '../scenario';

/** Set the field at dotted path `set` (say `queryService.instances`) to `value`; `null` unsets it. */
export interface Change {
  set: string;
  value: unknown;
}

export type ChangeResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** The scenario with one field changed, validated; refused changes change nothing. */
export type ChangeFn = (current: Scenario, change: Change) => ChangeResult;

let registered: ChangeFn | null = null;

/** Makes `f` the check of every Simulation not given one (changes.ts calls it as it loads). */
export function registerChangeFn(f: ChangeFn): void {
  registered = f;
}

/** The registered check, or null when changes.ts has not loaded. */
export function registeredChangeFn(): ChangeFn | null {
  return registered;
}
