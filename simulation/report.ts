/**
 * The report of a run, built from a simulation's state at any moment (it changes nothing, so a
 * report can be read mid-run and the run continued). The run's own header, then what every part
 * adds (the built-in parts' `parts/coreReport.ts`, then the parts on the contract), its keys in
 * the order of the figure registry (`figures.ts`), which is the report's documented order.
 */
import { FIGURES } from './figures';
import type { Area } from './metrics/area';
import type { ReportSpan } from './parts/coreReport';
import { inRegistryOrder, mergeKeys } from './parts/merge';
import type { Simulation } from './simulation';
import type { CoreReport, Report } from './types';

/** The report's top-level keys in their order: the first segment of each figure's id, once each. */
const REPORT_KEYS: readonly string[] = [...new Set(FIGURES.map((f) => f.id.split(/[.[]/)[0]))];

export function buildReport(sim: Simulation): Report {
  const now = sim.nowMs;
  const parts = sim.parts;
  const span: ReportSpan = {
    now,
    measuredMs: Math.max(0, now - sim.warmupMs),
    // An integral created after warm-up (a replica added later) counts from its start.
    since: (a: Area) => a.at(now) - (sim.windows.atWarmup.get(a) ?? 0),
    scenario: sim.scenario,
    causesUsed: parts.flatMap(({ part, runtime }) => (part.cause && runtime.used ? [part.cause.id] : [])),
    ofService: (svc) => Object.assign({}, ...parts.map(({ runtime }) => runtime.serviceReport?.(svc) ?? {})) as object,
  };
  const merged: Record<string, unknown> = {};
  for (const of of sim.core.reports) mergeKeys(merged, of(span), 'the report');
  for (const { runtime } of parts) if (runtime.report) mergeKeys(merged, runtime.report(), 'the report');
  const head: Record<string, unknown> = {
    version: 1,
    scenario: sim.scenario.name,
    seed: sim.scenario.seed,
    simulatedS: now / 1000,
    events: sim.events,
    wallMs: 0,
    ...(sim.stopped ? { stopped: { ...sim.stopped } } : {}),
  };
  return inRegistryOrder(head, merged, REPORT_KEYS, 'the report') as unknown as Report & CoreReport;
}
