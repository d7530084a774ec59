/**
 * One scenario field set while a run is loaded: applied live at a clean simulated time, or
 * answered with "restart" when it cannot apply live (a field fixed during a run, the fault
 * timeline, an optional group removed, a run at time 0 or at its end). The live check is the
 * engine's own (`Simulation.checkChange`), made once: `applyChange` trusts its result.
 */
import type { Change, Scenario, ScenarioProblem } from '../../simulation/index';
import type { Simulation } from '../../simulation/simulation';
import { cleanChangeTimeMs } from './interventions';
import type { Checks } from './scenarioChecks';

export type LiveChange =
  | { kind: 'applied'; scenario: Scenario; atS: number }
  | { kind: 'refused'; problems: ScenarioProblem[] }
  | { kind: 'restart' };

/**
 * Applies `change` to `sim` at the first clean time from now (see `cleanChangeTimeMs`), or says
 * that the run must restart with it. A refused change changes nothing.
 */
export function changeLive(sim: Simulation, change: Change): LiveChange {
  const live = sim.checkChange(change);
  // Also restarted: the fault timeline (the engine schedules faults when a run starts) and
  // removing an optional group such as auto-scaling (an intervention cannot say "remove").
  const fixed =
    (!live.ok && live.problems.some((p) => p.message.startsWith('cannot change during a run'))) ||
    (live.ok && (change.set === 'faults' || change.set.startsWith('faults.') || change.value === undefined));
  if (!live.ok && !fixed) return { kind: 'refused', problems: live.problems };
  const t = cleanChangeTimeMs(sim.nowMs);
  if (fixed || sim.nowMs === 0 || t >= sim.durationMs) return { kind: 'restart' };
  sim.runUntil(t);
  const applied = sim.applyChange(change);
  if (!applied.ok) return { kind: 'refused', problems: applied.problems };
  // The replay processes this change as one calendar event, counted in `events`; count it here too.
  sim.events++;
  return { kind: 'applied', scenario: applied.scenario, atS: t / 1000 };
}

/**
 * The loaded scenario `base` with `change` made, for a run that restarts with it: the live
 * change's rule for null (an optional group removed, anything else refused), then the whole
 * file's checks.
 */
export function restartedScenario(checks: Checks, base: Scenario, change: Change): { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] } {
  const set = checks.withChange(base, change.set, change.value, true);
  return set.ok ? checks.parseScenario(set.value) : set;
}
