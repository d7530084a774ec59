/** The shapes the simulation hands out: the report, the per-window series and the live snapshot. */
import type { Summary } from './metrics/histogram';
import type { InstanceState } from './model/instanceGroup';

export type { Summary, InstanceState };

/** Mean and percentiles in ms (0 when there is no sample; `count` says how many). */
export type LatencySummary = Summary;

export interface ClassReport {
  offered: number;
  completed: number;
  rejected: number;
  timedOut: number;
  failed: number;
  inFlight: number;
  throughputRps: number;
  /** Time-average number of requests of this class in the system (for Little's law). */
  meanInSystem: number;
  latencyMs: LatencySummary;
}

export interface QueryReport extends ClassReport {
  cacheHitRatio: number;
  staleReadRatio: number;
}

export interface ServiceReport {
  queueWaitMs: LatencySummary;
  utilization: number;
  meanQueueLength: number;
  instances: number;
}

/** The report of a run. Statistics count requests that arrived after warm-up, by final outcome. */
export interface Report {
  version: 1;
  scenario: string;
  seed: number;
  simulatedS: number;
  events: number;
  /** Wall-clock time of the run in ms; filled in by the caller (the simulation has no clock). */
  wallMs: number;
  commands: ClassReport;
  queries: QueryReport;
  followUpReads: { count: number; violations: number };
  /** Commit to visible in the read model (applied by a projector to the primary). */
  consistencyLagMs: LatencySummary;
  /** Commit to visible on every read replica. */
  replicaLagMs: LatencySummary;
  commandService: ServiceReport;
  queryService: ServiceReport;
  writeStore: { shards: { writes: number; utilization: number }[] };
  readStore: { nodes: { reads: number; utilization: number }[] };
  eventStream: { maxLagEvents: number; maxLagMs: number };
}

/** Counts for one class of request in one window (per second: windows are 1 s). */
export interface ClassWindow {
  offered: number;
  completed: number;
  rejected: number;
  timedOut: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface GroupWindow {
  utilization: number;
  meanQueueLength: number;
  instances: number;
}

/** One window of the time series. */
export interface WindowStats {
  /** End of the window, in simulated seconds. */
  tS: number;
  commands: ClassWindow;
  queries: ClassWindow;
  consistencyLagP50Ms: number;
  consistencyLagP99Ms: number;
  streamLagEvents: number;
  streamLagMs: number;
  cacheHitRatio: number;
  staleReadRatio: number;
  commandService: GroupWindow;
  queryService: GroupWindow;
}

export interface InstanceView {
  state: InstanceState;
  vcpus: number;
  busy: number;
  queue: number;
  outstanding: number;
  /** Busy fraction of the instance's workers over the last window. */
  utilization: number;
}

export interface GroupView {
  algorithm: string;
  instances: InstanceView[];
}

/** The live state of every part, for drawing the topology. Small and plain. */
export interface Snapshot {
  tMs: number;
  durationMs: number;
  done: boolean;
  events: number;
  commandService: GroupView;
  queryService: GroupView;
  writeStore: { partitioning: string; shards: { writesShare: number; utilization: number; waiting: number }[] };
  eventStream: {
    partitions: { lagEvents: number; lagMs: number; owner: number }[];
    projectors: { busy: boolean; partitions: number }[];
  };
  readStore: { nodes: { role: 'primary' | 'replica'; active: boolean; utilization: number; waiting: number }[] };
  cache: { enabled: boolean; nodes: { size: number; capacity: number; hitRatio: number }[] };
  /** The last complete window, if any. */
  window: WindowStats | null;
}
