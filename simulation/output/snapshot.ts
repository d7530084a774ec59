/**
 * The live state of every part of the model, as small plain data for drawing the topology: the
 * run's clock, then what each built-in part shows (`parts/coreSnapshot.ts`, in the order
 * `parts/core.ts` lists them), the last window, then what the parts on the contract add.
 */
import type { Simulation } from '../simulation';
import type { Snapshot } from '../types';

export function buildSnapshot(sim: Simulation): Snapshot {
  const snap = { tMs: sim.nowMs, durationMs: sim.durationMs, done: sim.done, events: sim.events } as Snapshot;
  for (const of of sim.core.snapshots) Object.assign(snap, of());
  snap.window = sim.windows.lastWindow;
  // Then what each part adds (its keys at the end, in the parts list's order; nothing when off).
  for (const { runtime } of sim.parts) if (runtime.snapshot) Object.assign(snap, runtime.snapshot());
  return snap;
}
