/**
 * A run from start to end, in a module of its own: it imports the engine and the report and
 * nothing else (no zod, no registries), so that the CLI's worker threads, which receive validated
 * scenarios, load and compile about a seventh of what the whole surface (index.ts) costs.
 */
import { Simulation } from './simulation';
import { buildReport } from './report';
import { groupDigits } from './limits';
import type { Scenario } from './scenario';
import type { Report, WindowStats } from './types';

let changesLoading: Promise<unknown> | null = null;

/**
 * Resolves once `scenario` can run in a worker that imported only this module: its timed changes
 * (interventions) need the check of changes, which validates the changed scenario with zod and
 * registers itself with the engine. It loads with the first scenario that has any; a load that
 * failed (a chunk that could not be fetched) fails that run and is tried again by the next.
 */
export function readyToRun(scenario: Scenario): Promise<unknown> | undefined {
  if (scenario.interventions.length === 0) return undefined;
  return (changesLoading ??= import('./input/changes').catch((e: unknown) => {
    changesLoading = null;
    throw e;
  }));
}

/**
 * Runs a validated scenario to its end; `onWindow` receives each window of the series. With
 * `drain`, arrivals then stop and the run goes on until nothing is in flight (at most an hour of
 * simulated time; a drain that needs more stops the run, and the report says so), so every
 * committed write has reached the read model. `interrupt`, asked every
 * million events or so, may stop the run with a reason (a wall-clock limit).
 */
export function runScenario(
  scenario: Scenario,
  onWindow?: (w: WindowStats) => void,
  drain = false,
  interrupt?: () => string | null,
  trace?: (sim: Simulation) => void,
): Report {
  const sim = new Simulation(scenario);
  // A host that keeps traces starts its tracer here, before the first event (Simulation.trace).
  trace?.(sim);
  if (interrupt) sim.interrupt = interrupt;
  // Slices of simulated time keep the pending windows short, whatever the run's length.
  for (let t = 0; !sim.done; ) {
    t += 60_000;
    sim.runUntil(t);
    const windows = sim.drainWindows();
    if (onWindow) for (const w of windows) onWindow(w);
  }
  // A drain that did not finish in its hour stops the run, as a run limit does: the report says so
  // (`stopped`), rather than giving figures of a system that never went quiet as if it had.
  if (drain && sim.stopped === null && !sim.drain()) {
    sim.halt(
      `the drain ran its hour of simulated time and ${groupDigits(sim.reqs.live)} requests and ` +
        `${groupDigits(sim.stream.liveEvents)} events were still in flight`,
    );
  }
  return buildReport(sim);
}
