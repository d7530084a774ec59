/** The shapes the simulation hands out: the report, the per-window series and the live snapshot. */

/** A distribution's summary: how many samples, their mean and percentiles (0 when there is none). */
export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Where an instance is in its life: serving, booting, draining, restarting, crashed or gone. */
export type InstanceState = 'stopped' | 'ready' | 'draining' | 'booting' | 'restarting' | 'down';

/** Mean and percentiles in ms (0 when there is no sample; `count` says how many). */
export type LatencySummary = Summary;

/**
 * Where a latency's time went (docs/stages.md): the mean ms per stage over the summary's samples
 * (`stages`, adding up to `mean`) and over its tail (`tailStages`, adding up to `tail.mean`), the
 * tail being the samples in the p99's histogram bucket and above (`tail.fromMs` and up).
 */
export interface StageSplit {
  stages: Record<string, number>;
  tailStages: Record<string, number>;
  tail: { count: number; mean: number; fromMs: number };
}

/** A latency summary split into stages. */
export type StagedLatencySummary = LatencySummary & StageSplit;

/** One window's stages, per staged summary (the same shape as in the report). */
export interface WindowStages {
  commands: { latencyMs: StageSplit; clientLatencyMs: StageSplit };
  queries: { latencyMs: StageSplit; clientLatencyMs: StageSplit };
  consistencyLagMs: StageSplit;
  replicaLagMs: StageSplit;
}

export interface ClassReport {
  /** Attempts: every try counts, retries included; each ends as exactly one outcome below. */
  offered: number;
  completed: number;
  rejected: number;
  timedOut: number;
  failed: number;
  inFlight: number;
  throughputRps: number;
  /** Time-average number of requests of this class in the system (for Little's law). */
  meanInSystem: number;
  /** Per attempt: from an attempt's start to its answer, attempts completed in time only. */
  latencyMs: StagedLatencySummary;
  /**
   * Per client request that succeeded: what the client waited, from its first attempt's start to
   * the answer, backoffs and failed attempts included.
   */
  clientLatencyMs: StagedLatencySummary;
  /** Per client request given up on: from its first attempt's start to the give-up. */
  gaveUpAfterMs: LatencySummary;
  /** Of the offered attempts, how many were retries. */
  retries: number;
  /** Client requests (each counted once, however many attempts): started = succeeded + gaveUp + inProgress. */
  requests: { started: number; succeeded: number; gaveUp: number; inProgress: number };
}

export interface QueryReport extends ClassReport {
  cacheHitRatio: number;
  staleReadRatio: number;
  /**
   * How stale the stale answers were: ms since the newest write each one missed (a lower bound
   * on how long it had been out of date), and how many versions behind it was on average.
   */
  staleness: LatencySummary & { versionsBehindMean: number };
}

export interface ScalingAction {
  atS: number;
  from: number;
  to: number;
  reason: string;
}

/** A scalable group: how many served over the run, what the autoscaler did, what it cost. */
export interface GroupReport {
  instances: { min: number; max: number; final: number };
  /** The most recent scaling actions (at most 1000) and how many there were in all. */
  scalingActions: ScalingAction[];
  scalingActionCount: number;
  /**
   * What its capacity cost from time 0 (warm-up included), and over the measured span only (after
   * warm-up, like every other summary figure). `usd` prices each vCPU-hour by its instance's size.
   */
  cost: {
    vcpuHours: number;
    instanceHours: number;
    usd: number;
    afterWarmup: { vcpuHours: number; instanceHours: number; usd: number };
  };
}

export interface ServiceReport extends GroupReport {
  queueWaitMs: LatencySummary;
  utilization: number;
  memoryUtilization: number;
  meanQueueLength: number;
  // A part that reports on each service adds its key here from its own module (module augmentation).
}

/**
 * Failed attempts by cause, commands and queries together. A part with a cause of its own adds
 * it here from its own module (module augmentation), as an optional key: present only when the
 * part was on in the run.
 */
export interface ErrorCounts {
  deadInstance: number;
  shardDown: number;
  injected: number;
  noInstance: number;
}

/** Attempts that did not complete, by cause: rejected and timed out, then failed by cause. */
export interface ErrorsReport extends ErrorCounts {
  rejected: number;
  timedOut: number;
}

/**
 * The report of a run. Statistics count requests that arrived after warm-up, by final outcome.
 * The parts on the contract add their keys at its end, from their own modules (module augmentation
 * of `Report`); `CoreReport` is what the report's own builder fills in.
 */
export interface Report extends CoreReport {}

/** The report's keys the engine itself fills in (see `Report`). */
export interface CoreReport {
  version: 1;
  scenario: string;
  seed: number;
  simulatedS: number;
  events: number;
  /** Wall-clock time of the run in ms; filled in by the caller (the simulation has no clock). */
  wallMs: number;
  /**
   * Present only when the run stopped before its end: a run limit (too much in flight) or the
   * host's wall-clock limit. `simulatedS` is then the time it stopped.
   */
  stopped?: { atS: number; reason: string };
  commands: ClassReport;
  queries: QueryReport;
  followUpReads: { count: number; violations: number };
  /** Commit to visible in the read model (applied by a projector to the primary). */
  consistencyLagMs: StagedLatencySummary;
  /** Commit to visible on every read replica. */
  replicaLagMs: StagedLatencySummary;
  commandService: ServiceReport;
  queryService: ServiceReport;
  writeStore: { shards: { writes: number; utilization: number }[] };
  readStore: { nodes: { reads: number; utilization: number }[] };
  eventStream: { maxLagEvents: number; maxLagMs: number };
  projectors: GroupReport & { utilization: number };
  replicas: GroupReport;
  /** Attempts that did not complete, by cause, commands and queries together. */
  errors: ErrorsReport;
  retries: number;
}

/** Counts for one class of request in one window (per second: windows are 1 s). */
export interface ClassWindow {
  offered: number;
  /** Of the offered attempts, how many were retries. */
  retries: number;
  completed: number;
  rejected: number;
  timedOut: number;
  failed: number;
  /** Latency percentiles per attempt, attempts completed in the window. */
  p50: number;
  p95: number;
  p99: number;
  /** What clients waited (first attempt to answer), requests that succeeded in the window. */
  clientP50: number;
  clientP95: number;
  clientP99: number;
}

export interface GroupWindow {
  utilization: number;
  meanQueueLength: number;
  /** Instances ready (taking traffic), booting and draining when the window closes. */
  instances: number;
  booting: number;
  draining: number;
}

/** One window of the time series. */
export interface WindowStats {
  /** End of the window, in simulated seconds. */
  tS: number;
  commands: ClassWindow;
  queries: ClassWindow;
  consistencyLagP50Ms: number;
  consistencyLagP99Ms: number;
  /** Commit to visible on every replica (the primary when there are none), events that got there in the window. */
  replicaLagP50Ms: number;
  replicaLagP99Ms: number;
  streamLagEvents: number;
  streamLagMs: number;
  cacheHitRatio: number;
  staleReadRatio: number;
  commandService: GroupWindow;
  queryService: GroupWindow;
  /** Busy share of the read store's connections (primary and active replicas) in the window. */
  readStoreUtilization: number;
  projectors: number;
  replicas: number;
  /** Failed attempts in the window by cause (rejections and timeouts are in the class counts). */
  errors: ErrorCounts;
  /** vCPU-hours spent since the start of the run, all groups (a projector or replica counts 1 vCPU). */
  costVcpuHours: number;
  /** What happened in the window, in order (present only when something did; see parts/happenings.ts). */
  happenings?: Happening[];
  /** Happenings in the window beyond the caps, counted but not kept (present only when some were). */
  happeningsDropped?: number;
  /** What that cost in USD since the start of the run, each vCPU-hour priced by its instance's size. */
  costUsd: number;
  /** Where the time of the window's latencies and lags went, by stage (docs/stages.md). */
  stages: WindowStages;
}

/** Something that happened during a run, for the charts' markers and the "what happened" log. */
export interface Happening {
  /** Simulated seconds (to the millisecond). */
  atS: number;
  kind: 'change' | 'scale' | 'ready' | 'fault' | 'faultEnd' | 'down' | 'up';
  /**
   * What it concerns: a field path (change); a group, `commandService`, `queryService`,
   * `projectors` or `replicas` (scale, ready, down, up); a fault kind (fault, faultEnd).
   */
  what: string;
  /** The service a fault or health check concerns. */
  target?: string;
  /** The instance, shard or replica (from 0). */
  index?: number;
  /** A scaling decision's sizes before and after. */
  from?: number;
  to?: number;
  /** ready: seconds from the decision to serving (the boot or restart); down: seconds from the crash to being marked down. */
  afterS?: number;
  /** A change's new value as JSON text (shortened). */
  value?: string;
  /** Why: an auto-scaler's metric against its target, a schedule, or "restart" for a vertical change. */
  reason?: string;
}

export interface InstanceView {
  state: InstanceState;
  /** The load balancer's view (health checks): false once marked down. */
  up: boolean;
  /** Service-time multiplier of a slow (gray-failing) instance; 1 when healthy. */
  slowFactor: number;
  memoryMb: number;
  vcpus: number;
  busy: number;
  queue: number;
  outstanding: number;
  /** Busy fraction of the instance's workers over the last complete window (1 s). */
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
