/** The per-window time series as CSV: one header, one row per window, flat column names. */
import type { WindowStats } from './types';

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
};

const COLUMNS = Object.keys(flatten(EXAMPLE));

export function seriesHeader(): string {
  return COLUMNS.join(',');
}

export function seriesRow(w: WindowStats): string {
  const row = flatten(w);
  return COLUMNS.map((c) => {
    const v = row[c];
    return Number.isInteger(v) ? String(v) : v.toFixed(4);
  }).join(',');
}
