/**
 * The per-window time series as CSV: one header, one row per window, flat column names. The
 * engine's columns always; then the columns of each part in the run (`Part.windowFigures`, in the
 * order of the parts list) when the caller names the run's scenario.
 */
import { PARTS } from './parts';
import type { Scenario } from './scenario';
import { STAGE_PATHS, type StagedSummary } from './stages';
import type { StageSplit, WindowStats } from './types';

type Row = Record<string, number>;

function flatten(w: WindowStats): Row {
  const row: Row = {};
  const walk = (o: object, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      const name = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'number') row[name] = v;
      else if (v !== null && typeof v === 'object') walk(v, name);
    }
  };
  walk(w, '');
  return row;
}

/** A split of zeros with the stages of `summary`: the columns' names. */
function zeros(summary: StagedSummary): StageSplit {
  const none = () => Object.fromEntries(STAGE_PATHS[summary].ids.map((id) => [id, 0]));
  return { stages: none(), tailStages: none(), tail: { count: 0, mean: 0, fromMs: 0 } };
}

const EXAMPLE: WindowStats = {
  tS: 0,
  commands: { offered: 0, retries: 0, completed: 0, rejected: 0, timedOut: 0, failed: 0, p50: 0, p95: 0, p99: 0, clientP50: 0, clientP95: 0, clientP99: 0 },
  queries: { offered: 0, retries: 0, completed: 0, rejected: 0, timedOut: 0, failed: 0, p50: 0, p95: 0, p99: 0, clientP50: 0, clientP95: 0, clientP99: 0 },
  consistencyLagP50Ms: 0,
  consistencyLagP99Ms: 0,
  replicaLagP50Ms: 0,
  replicaLagP99Ms: 0,
  streamLagEvents: 0,
  streamLagMs: 0,
  cacheHitRatio: 0,
  staleReadRatio: 0,
  commandService: { utilization: 0, meanQueueLength: 0, instances: 0, booting: 0, draining: 0 },
  queryService: { utilization: 0, meanQueueLength: 0, instances: 0, booting: 0, draining: 0 },
  readStoreUtilization: 0,
  projectors: 0,
  replicas: 0,
  errors: { deadInstance: 0, shardDown: 0, injected: 0, noInstance: 0 },
  costVcpuHours: 0,
  costUsd: 0,
  stages: {
    commands: { latencyMs: zeros('commands.latencyMs'), clientLatencyMs: zeros('commands.clientLatencyMs') },
    queries: { latencyMs: zeros('queries.latencyMs'), clientLatencyMs: zeros('queries.clientLatencyMs') },
    consistencyLagMs: zeros('consistencyLagMs'),
    replicaLagMs: zeros('replicaLagMs'),
  },
};

const COLUMNS = Object.keys(flatten(EXAMPLE));

/** Whether a run of `scenario` has the part's section at its start or sets it by an intervention. */
function inRun(scenario: Scenario, section: string): boolean {
  return (scenario as unknown as Record<string, unknown>)[section] !== undefined || scenario.interventions.some((iv) => iv.set === section || iv.set.startsWith(`${section}.`));
}

/** The series' columns for a run of `scenario`: the engine's, then those of the parts in the run (none without a scenario). */
export function seriesColumns(scenario?: Scenario): readonly string[] {
  if (!scenario) return COLUMNS;
  const parts = PARTS.flatMap((p) => (p.section && p.windowFigures && inRun(scenario, p.section.name) ? p.windowFigures.map(([id]) => id) : []));
  return parts.length === 0 ? COLUMNS : [...COLUMNS, ...parts];
}

export function seriesHeader(scenario?: Scenario): string {
  return seriesColumns(scenario).join(',');
}

/** One window's row in `columns` (`seriesColumns`); a column the window lacks (a part not yet on) is empty. */
export function seriesRowIn(columns: readonly string[], w: WindowStats): string {
  const row = flatten(w);
  return columns
    .map((c) => {
      const v = row[c];
      return v === undefined ? '' : Number.isInteger(v) ? String(v) : v.toFixed(4);
    })
    .join(',');
}

/** One window's row in the engine's columns. */
export function seriesRow(w: WindowStats): string {
  return seriesRowIn(COLUMNS, w);
}
