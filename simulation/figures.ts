/**
 * The registry of figures: every number a report (and each window of the series) holds, with a
 * stable id (its dotted path in the report, `[]` for each element of a list), a unit and a
 * sentence of help. The page's figures and charts, the CLI's summaries and a host page name
 * figures by these ids. Zod-free, like `fields.ts`. A test checks it against a full report.
 */

export interface FigureEntry {
  /** Dotted path in the report, such as `queries.latencyMs.p99`; `[]` stands for every element of a list. */
  readonly id: string;
  /** ms, s, rps, ratio (0..1), hours, or what it counts. */
  readonly unit: string;
  readonly help: string;
}

type Row = [id: string, unit: string, help: string];

const summary = (id: string, unit: string, what: string): Row[] => [
  [`${id}.count`, 'samples', `How many ${what} were measured.`],
  [`${id}.mean`, unit, `Mean ${what}.`],
  [`${id}.p50`, unit, `Median ${what}.`],
  [`${id}.p95`, unit, `95th percentile of ${what}.`],
  [`${id}.p99`, unit, `99th percentile of ${what}.`],
  [`${id}.max`, unit, `Greatest ${what}.`],
];

const requestClass = (c: 'commands' | 'queries'): Row[] => [
  [`${c}.offered`, 'attempts', `Attempts of ${c} offered after warm-up, retries included.`],
  [`${c}.completed`, 'attempts', 'Attempts answered in time.'],
  [`${c}.rejected`, 'attempts', 'Attempts rejected at once: a full queue or no memory left.'],
  [`${c}.timedOut`, 'attempts', "Attempts answered after the client's timeout, or abandoned at it."],
  [`${c}.failed`, 'attempts', 'Attempts that failed (see errors for the causes).'],
  [`${c}.inFlight`, 'attempts', 'Attempts still in the system at the end.'],
  [`${c}.throughputRps`, 'rps', 'Attempts completed per second after warm-up.'],
  [`${c}.meanInSystem`, 'requests', "Mean number in the system (Little's law: throughput x latency)."],
  ...summary(`${c}.latencyMs`, 'ms', 'latency per attempt (from the attempt\'s start to its answer, attempts answered in time only; a retried request counts only its last try)'),
  ...summary(
    `${c}.clientLatencyMs`,
    'ms',
    'time the client waited for a request that succeeded, from its first attempt to the answer (timeouts, backoffs and failed attempts before it included)',
  ),
  ...summary(`${c}.gaveUpAfterMs`, 'ms', 'time the client waited before giving up on a request (attempts and budget spent)'),
  [`${c}.retries`, 'attempts', 'Of the offered attempts, how many were retries.'],
  [`${c}.requests.started`, 'requests', 'Client requests started (first attempts).'],
  [`${c}.requests.succeeded`, 'requests', 'Client requests answered in time, after any retries.'],
  [`${c}.requests.gaveUp`, 'requests', 'Client requests given up on (attempts and budget spent).'],
  [`${c}.requests.inProgress`, 'requests', 'Client requests still going at the end.'],
];

const group = (g: string, what: string): Row[] => [
  [`${g}.instances.min`, what, `Fewest ${what} serving at once.`],
  [`${g}.instances.max`, what, `Most ${what} serving at once.`],
  [`${g}.instances.final`, what, `${what} serving at the end.`],
  [`${g}.scalingActions[].atS`, 's', 'When the autoscaler acted.'],
  [`${g}.scalingActions[].from`, what, 'Capacity before the action.'],
  [`${g}.scalingActions[].to`, what, 'Capacity after the action.'],
  [`${g}.scalingActionCount`, 'actions', 'Scaling actions in all.'],
  [`${g}.cost.vcpuHours`, 'vCPU-hours', 'vCPU time paid for (booting included).'],
  [`${g}.cost.instanceHours`, 'instance-hours', 'Instance time paid for (booting included).'],
];

const service = (s: 'commandService' | 'queryService'): Row[] => [
  ...group(s, 'instances'),
  ...summary(`${s}.queueWaitMs`, 'ms', 'time waiting in an instance queue'),
  [`${s}.utilization`, 'ratio', 'Busy share of the vCPUs of serving instances.'],
  [`${s}.memoryUtilization`, 'ratio', 'Memory in use as a share of the limit, over serving instances.'],
  [`${s}.meanQueueLength`, 'requests', 'Mean number of requests queued, all instances.'],
  [`${s}.circuitBreaker.opened`, 'times', 'Times the clients\' circuit breaker opened (present when it is on).'],
  [`${s}.circuitBreaker.closed`, 'times', 'Times a half-open trial closed it again.'],
  [`${s}.circuitBreaker.fastFails`, 'attempts', 'Attempts it failed fast while open.'],
  [`${s}.admission.shed`, 'attempts', 'Attempts shed by admission control at the load balancer (present when it is on).'],
];

const ROWS: Row[] = [
  ['version', '', 'The report format version (1).'],
  ['seed', '', 'The seed of the run.'],
  ['simulatedS', 's', 'Simulated time the run reached.'],
  ['events', 'events', 'Events the engine processed.'],
  ['wallMs', 'ms', 'Wall-clock time of the run (filled in by the host).'],
  ['stopped.atS', 's', 'When a run limit stopped the run (present only then).'],
  ...requestClass('commands'),
  ...requestClass('queries'),
  ['queries.cacheHitRatio', 'ratio', 'Share of cache lookups that hit.'],
  ['queries.staleReadRatio', 'ratio', 'Share of answers older than the latest committed version.'],
  ...summary('queries.staleness', 'ms', 'time since the newest write a stale answer missed'),
  ['queries.staleness.versionsBehindMean', 'versions', 'Versions a stale answer was behind, on average.'],
  ['followUpReads.count', 'reads', 'Follow-up reads (read-your-writes probes) answered.'],
  ['followUpReads.violations', 'reads', 'Of them, how many did not see the write.'],
  ...summary('consistencyLagMs', 'ms', 'time from commit to visible in the read model'),
  ...summary('replicaLagMs', 'ms', 'time from commit to visible on every replica'),
  ...service('commandService'),
  ...service('queryService'),
  ['writeStore.shards[].writes', 'writes', 'Writes committed on each shard after warm-up.'],
  ['writeStore.shards[].utilization', 'ratio', 'Busy share of each shard\'s connections.'],
  ['readStore.nodes[].reads', 'reads', 'Reads served by each node (primary first).'],
  ['readStore.nodes[].utilization', 'ratio', 'Busy share of each node\'s connections.'],
  ['eventStream.maxLagEvents', 'events', 'Most events appended and not yet applied.'],
  ['eventStream.maxLagMs', 'ms', 'Greatest age of the oldest unapplied event.'],
  ...group('projectors', 'projectors'),
  ['projectors.utilization', 'ratio', 'Busy share of the projectors.'],
  ...group('replicas', 'replicas'),
  ['errors.rejected', 'attempts', 'Rejected at once: a full queue or no memory.'],
  ['errors.timedOut', 'attempts', 'Timed out at the client.'],
  ['errors.deadInstance', 'attempts', 'Failed on a crashed instance not yet marked down.'],
  ['errors.shardDown', 'attempts', 'Failed writing to a shard that is down.'],
  ['errors.injected', 'attempts', 'Failed by an injected error.'],
  ['errors.noInstance', 'attempts', 'Failed: the load balancer had no instance.'],
  ['errors.breakerOpen', 'attempts', 'Failed fast by an open circuit breaker (present when one is on).'],
  ['errors.shed', 'attempts', 'Shed by admission control, 429 (present when it is on).'],
  ['retries', 'attempts', 'Retries, commands and queries.'],
  ['detectionMs.count', 'crashes', 'Crashes the health checks detected.'],
  ['detectionMs.mean', 'ms', 'Mean time from a crash to being marked down.'],
  ['detectionMs.max', 'ms', 'Longest time from a crash to being marked down.'],
];

/** Every figure of the report, in the report's order. */
export const FIGURES: readonly FigureEntry[] = ROWS.map(([id, unit, help]) => ({ id, unit, help }));

const BY_ID: ReadonlyMap<string, FigureEntry> = new Map(FIGURES.map((f) => [f.id, f]));

/** The figure with this id (list indices written `[]`), or undefined. */
export function figureAt(id: unknown): FigureEntry | undefined {
  return typeof id === 'string' ? BY_ID.get(id.replace(/\[\d+\]/g, '[]')) : undefined;
}

const windowClass = (c: 'commands' | 'queries'): Row[] => [
  [`${c}.offered`, 'attempts/s', `Attempts of ${c} sent in the window, retries included.`],
  [`${c}.retries`, 'attempts/s', 'Of them, retries.'],
  [`${c}.completed`, 'attempts/s', 'Attempts answered in time in the window.'],
  [`${c}.rejected`, 'attempts/s', 'Attempts rejected at once (a full queue or no memory) in the window.'],
  [`${c}.timedOut`, 'attempts/s', 'Attempts the client gave up on at its timeout in the window.'],
  [`${c}.failed`, 'attempts/s', 'Attempts that failed in the window (by cause in errors).'],
  [`${c}.p50`, 'ms', 'Median latency per attempt, of the attempts answered in time in the window (failures are not in it: see the shares).'],
  [`${c}.p95`, 'ms', '95th percentile of latency per attempt in the window.'],
  [`${c}.p99`, 'ms', '99th percentile of latency per attempt in the window.'],
  [`${c}.clientP50`, 'ms', 'Median time clients waited for requests that succeeded in the window, from the first attempt (retries and backoffs included).'],
  [`${c}.clientP95`, 'ms', '95th percentile of what clients waited, requests that succeeded in the window.'],
  [`${c}.clientP99`, 'ms', '99th percentile of what clients waited, requests that succeeded in the window.'],
];

const windowGroup = (g: string): Row[] => [
  [`${g}.utilization`, 'ratio', 'Busy share of the vCPUs of serving instances in the window.'],
  [`${g}.meanQueueLength`, 'requests', 'Mean number of requests queued in the window, all instances.'],
  [`${g}.instances`, 'instances', 'Instances ready at the end of the window.'],
  [`${g}.booting`, 'instances', 'Instances booting at the end of the window.'],
  [`${g}.draining`, 'instances', 'Instances draining or restarting at the end of the window.'],
];

const SERIES_ROWS: Row[] = [
  ['tS', 's', 'End of the window, in simulated seconds (windows are 1 s).'],
  ...windowClass('commands'),
  ...windowClass('queries'),
  ['consistencyLagP50Ms', 'ms', 'Median time from commit to visible in the read model (the primary), events applied in the window.'],
  ['consistencyLagP99Ms', 'ms', '99th percentile of commit to visible in the read model in the window.'],
  ['streamLagEvents', 'events', 'Events appended and not yet applied, at the end of the window.'],
  ['streamLagMs', 'ms', 'Age of the oldest unapplied event at the end of the window.'],
  ['cacheHitRatio', 'ratio', 'Share of cache lookups that hit in the window.'],
  ['staleReadRatio', 'ratio', 'Share of answers in the window older than the latest committed version.'],
  ...windowGroup('commandService'),
  ...windowGroup('queryService'),
  ['projectors', 'projectors', 'Projectors in the consumer group at the end of the window.'],
  ['replicas', 'replicas', 'Read replicas in service at the end of the window.'],
  ['errors.deadInstance', 'attempts/s', 'Attempts failed on a crashed instance not yet marked down, in the window.'],
  ['errors.shardDown', 'attempts/s', 'Attempts failed writing to a shard that is down, in the window.'],
  ['errors.injected', 'attempts/s', 'Attempts failed by an injected error, in the window.'],
  ['errors.noInstance', 'attempts/s', 'Attempts failed because the load balancer had no instance, in the window.'],
  ['errors.breakerOpen', 'attempts/s', 'Attempts failed fast by an open circuit breaker, in the window (when one is on).'],
  ['errors.shed', 'attempts/s', 'Attempts shed by admission control, in the window (when it is on).'],
  ['costVcpuHours', 'vCPU-hours', 'vCPU-hours paid for since the start of the run (warm-up included), all groups.'],
];

/** Every figure of a window of the time series (the CSV's columns), by its flattened name. */
export const SERIES_FIGURES: readonly FigureEntry[] = SERIES_ROWS.map(([id, unit, help]) => ({ id, unit, help }));

const SERIES_BY_ID: ReadonlyMap<string, FigureEntry> = new Map(SERIES_FIGURES.map((f) => [f.id, f]));

/** The series figure with this id (a flattened window field, such as `queries.clientP99`), or undefined. */
export function seriesFigureAt(id: unknown): FigureEntry | undefined {
  return typeof id === 'string' ? SERIES_BY_ID.get(id) : undefined;
}
