/** The simulation's public surface: everything the CLI, the worker and the tests use. */
export { Simulation, WINDOW_MS } from './simulation';
export { buildReport } from './report';
export { buildSnapshot } from './snapshot';
export { applyChange, changedScenario, FIXED_DURING_RUN, type Change, type ChangeResult } from './changes';
export { parseScenario, parseScenarioText } from './load';
export { defaultScenario, type Scenario, type ScenarioInput, type ScenarioProblem, type Latency } from './scenario';
export type * from './types';

import { Simulation } from './simulation';
import { buildReport } from './report';
import type { Scenario } from './scenario';
import type { Report, WindowStats } from './types';

/**
 * Runs a validated scenario to its end; `onWindow` receives each window of the series. With
 * `drain`, arrivals then stop and the run goes on until nothing is in flight (at most an hour of
 * simulated time), so every committed write has reached the read model.
 */
export function runScenario(scenario: Scenario, onWindow?: (w: WindowStats) => void, drain = false): Report {
  const sim = new Simulation(scenario);
  // Slices of simulated time keep the pending windows short, whatever the run's length.
  for (let t = 0; !sim.done; ) {
    t += 60_000;
    sim.runUntil(t);
    const windows = sim.drainWindows();
    if (onWindow) for (const w of windows) onWindow(w);
  }
  if (drain) sim.drain();
  return buildReport(sim);
}
