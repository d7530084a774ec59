/**
 * The registry of figures: every number a report (and each window of the series) holds, with a
 * stable id (its dotted path in the report, `[]` for each element of a list), a unit and a
 * sentence of help. The page's figures and charts, the CLI's summaries and a host page name
 * figures by these ids. Zod-free, like `fields.ts`. A test checks it against a full report.
 */

import { figureLabel } from './output/figureLabels';
import { PARTS } from './parts';
import { STAGE_PATHS, STAGES, type StagedSummary } from './stages';

export interface FigureEntry {
  /** Dotted path in the report, such as `queries.latencyMs.p99`; `[]` stands for every element of a list. */
  readonly id: string;
  /** ms, s, rps, ratio (0..1), hours, or what it counts. */
  readonly unit: string;
  readonly help: string;
  /** A short human label ("Query p99 latency"), from the rule in `figureLabels.ts`. */
  readonly label: string;
}

type Row = readonly [id: string, unit: string, help: string];

/** The causes the parts add to `errors`, after the engine's own, in the list's order. */
const PART_CAUSES = PARTS.flatMap((p) => (p.cause ? [p.cause] : []));

const summary = (id: string, unit: string, what: string): Row[] => [
  [`${id}.count`, 'samples', `How many ${what} were measured (the sample the percentiles come from).`],
  [`${id}.mean`, unit, `Mean ${what}: the average, which hides the slow tail.`],
  [`${id}.p50`, unit, `Median (p50) ${what}: half were faster, half slower.`],
  [`${id}.p95`, unit, `95th percentile (p95) of ${what}: 1 in 20 was slower than this.`],
  [`${id}.p99`, unit, `99th percentile (p99) of ${what}: 1 in 100 was slower; the tail most users meet now and then.`],
  [`${id}.max`, unit, `Greatest ${what} seen (one sample, so it jumps around from run to run).`],
];

/** The help of a stage by its id (a stage id names the same stage wherever it appears). */
const stageHelp = (id: string): string => STAGES.find((s) => s.id === id)?.help ?? id;

/**
 * The figures a latency summary gains from its stages (docs/stages.md), under `id` (the summary's
 * place in the report or in a window's `stages`): the mean per stage, the same over the tail, and the tail.
 */
const staged = (id: string, summary: StagedSummary): Row[] => [
  ...STAGE_PATHS[summary].ids.map((s): Row => [`${id}.stages.${s}`, 'ms', `Mean time in this stage, over the requests the summary covers (the stages add up to the mean): ${stageHelp(s)}`]),
  ...STAGE_PATHS[summary].ids.map((s): Row => [`${id}.tailStages.${s}`, 'ms', `Mean time in this stage over the tail, the slowest 1% or so (the stages add up to the tail's mean): ${stageHelp(s)}`]),
  [`${id}.tail.count`, 'samples', "How many samples the tail holds: those in the p99's histogram bucket and above (at least 1%)."],
  [`${id}.tail.mean`, 'ms', 'Mean of the tail: what its stages add up to.'],
  [`${id}.tail.fromMs`, 'ms', 'Where the tail starts: the lower edge of the p99\'s histogram bucket (within 0.8% below the p99).'],
];

const requestClass = (c: 'commands' | 'queries'): Row[] => [
  [`${c}.offered`, 'attempts', `Attempts of ${c} sent by the clients after warm-up, retries included.`],
  [`${c}.completed`, 'attempts', 'Attempts answered before the client gave up on them.'],
  [`${c}.rejected`, 'attempts', 'Attempts turned away at once: the chosen instance\'s queue was full or its memory was used up. A sign the side needs more capacity.'],
  [`${c}.timedOut`, 'attempts', 'Attempts the client stopped waiting for at its timeout: the response time grew too long.'],
  [`${c}.failed`, 'attempts', 'Attempts that failed for another reason: a crashed instance, a shard down, an injected error (see the failures for causes).'],
  [`${c}.inFlight`, 'attempts', 'Attempts still queued or being served when the run ended.'],
  [`${c}.throughputRps`, 'rps', 'Throughput: attempts answered per second, after warm-up.'],
  [`${c}.meanInSystem`, 'requests', "Mean number of attempts inside the service at once, queued or served (Little's law: throughput times response time)."],
  ...summary(`${c}.latencyMs`, 'ms', 'response time of one attempt (queueing included; answered attempts only, and a retried request counts only its last try)'),
  ...summary(
    `${c}.clientLatencyMs`,
    'ms',
    'time the client waited for a request that succeeded, from its first attempt to the answer (timeouts, backoffs and failed attempts before it included)',
  ),
  ...staged(`${c}.latencyMs`, `${c}.latencyMs`),
  ...staged(`${c}.clientLatencyMs`, `${c}.clientLatencyMs`),
  ...summary(`${c}.gaveUpAfterMs`, 'ms', 'time the client waited before giving up on a request (attempts and budget spent)'),
  [`${c}.retries`, 'attempts', 'How many of the offered attempts were retries of an earlier one that failed or timed out.'],
  [`${c}.requests.started`, 'requests', 'Requests the clients started (first attempts only).'],
  [`${c}.requests.succeeded`, 'requests', 'Requests that got an answer in time, whether at the first attempt or after retries.'],
  [`${c}.requests.gaveUp`, 'requests', 'Requests the clients gave up on: every retry was spent, or the retry budget ran dry.'],
  [`${c}.requests.inProgress`, 'requests', 'Requests still waiting for an answer (or a retry) when the run ended.'],
];

const group = (g: string, what: string): Row[] => [
  [`${g}.instances.min`, what, `Fewest ${what} serving at one time: the low point of horizontal scaling in this run.`],
  [`${g}.instances.max`, what, `Most ${what} serving at one time: the high point of horizontal scaling in this run.`],
  [`${g}.instances.final`, what, `How many ${what} were serving when the run ended.`],
  [`${g}.scalingActions[].atS`, 's', 'When the auto-scaler decided to scale (the new capacity serves only after its boot time).'],
  [`${g}.scalingActions[].from`, what, 'How many there were before that scaling decision.'],
  [`${g}.scalingActions[].to`, what, 'How many that scaling decision asked for.'],
  [`${g}.scalingActionCount`, 'actions', 'How many times the auto-scaler scaled out or in.'],
  [`${g}.cost.vcpuHours`, 'vCPU-hours', 'Cost: vCPU time paid for, booting instances included (counted from time 0, warm-up included, unlike the other summary figures: see the after-warm-up cost).'],
  [`${g}.cost.instanceHours`, 'instance-hours', 'Cost: instance time paid for, booting instances included (counted from time 0).'],
  [`${g}.cost.usd`, 'USD', 'What that capacity cost from time 0: each vCPU-hour at the base price, more on bigger instances (pricing.sizePremium).'],
  [`${g}.cost.afterWarmup.vcpuHours`, 'vCPU-hours', 'vCPU time paid for after warm-up: the span every other summary figure covers.'],
  [`${g}.cost.afterWarmup.instanceHours`, 'instance-hours', 'Instance time paid for after warm-up.'],
  [`${g}.cost.afterWarmup.usd`, 'USD', 'What the capacity cost after warm-up, priced by instance size.'],
];

const service = (s: 'commandService' | 'queryService'): Row[] => [
  ...group(s, 'instances'),
  ...summary(`${s}.queueWaitMs`, 'ms', 'time an attempt waited in an instance\'s queue before a vCPU took it'),
  [`${s}.utilization`, 'ratio', 'Utilisation: the share of time the serving instances\' vCPUs were busy. Near 100% the queues, and response times, grow fast.'],
  [`${s}.memoryUtilization`, 'ratio', 'Memory in use as a share of each instance\'s limit, averaged over the serving instances.'],
  [`${s}.meanQueueLength`, 'requests', 'Mean number of attempts waiting in the queues of all instances together.'],
  ...PARTS.flatMap((p) => (p.serviceFigures ?? []).map(([id, unit, help]): Row => [`${s}.${id}`, unit, help])),
];

const ROWS: Row[] = [
  ['version', '', 'The version of the report format (1).'],
  ['seed', '', 'The seed of the run\'s random numbers: the same scenario and seed give the same report.'],
  ['simulatedS', 's', 'How far the run got, in simulated seconds.'],
  ['events', 'events', 'How many events the simulation engine processed (a measure of its work, not of the system\'s).'],
  ['wallMs', 'ms', 'Real time the run took on this computer (the only figure that differs between identical runs).'],
  ['stopped.atS', 's', 'When a safety limit stopped the run early (shown only then).'],
  ...requestClass('commands'),
  ...requestClass('queries'),
  ['queries.cacheHitRatio', 'ratio', 'Cache hit ratio: the share of queries the cache answered without going to the read store.'],
  ['queries.staleReadRatio', 'ratio', 'Stale-read ratio: the share of queries answered with an older version than the command model had already committed (eventual consistency at work).'],
  ...summary('queries.staleness', 'ms', 'staleness: how long before a stale answer its key had been changed'),
  ['queries.staleness.versionsBehindMean', 'versions', 'How many versions behind a stale answer was, on average.'],
  ['followUpReads.count', 'reads', 'Follow-up reads answered: a client reads back the key it has just written (a read-your-writes check).'],
  ['followUpReads.violations', 'reads', 'Follow-up reads that did not see the client\'s own write yet: read-your-writes was broken.'],
  ...summary('consistencyLagMs', 'ms', 'consistency lag: time from a command\'s commit to its change being visible in the query model\'s primary'),
  ...staged('consistencyLagMs', 'consistencyLagMs'),
  ...summary('replicaLagMs', 'ms', 'replica lag: time from a command\'s commit to its change being visible on every read replica (what eventual consistency means for readers). Changes reach a replica in order, so with a random replication delay this grows with the write rate, well past the mean delay: see readStore.replicationLagMs'),
  ...staged('replicaLagMs', 'replicaLagMs'),
  ...service('commandService'),
  ...service('queryService'),
  ['writeStore.shards[].writes', 'writes', 'Writes committed on each shard of the write store after warm-up; an uneven spread means a hot shard.'],
  ['writeStore.shards[].utilization', 'ratio', 'Utilisation of each shard: the share of its connections busy.'],
  ['readStore.nodes[].reads', 'reads', 'Reads served by each read-store node, the primary first, then the replicas.'],
  ['readStore.nodes[].utilization', 'ratio', 'Utilisation of each read-store node: the share of its connections busy.'],
  ['eventStream.maxLagEvents', 'events', 'Greatest stream lag in events: appended to the event stream but not yet applied by a projector.'],
  ['eventStream.maxLagMs', 'ms', 'Greatest stream lag in time: the age of the oldest event not yet applied to the read model.'],
  ...group('projectors', 'projectors'),
  ['projectors.utilization', 'ratio', 'Utilisation of the projectors: the share of time they were applying events.'],
  ...group('replicas', 'replicas'),
  ['errors.rejected', 'attempts', 'Turned away at once: a full queue or no memory left.'],
  ['errors.timedOut', 'attempts', 'Given up by the client at its timeout.'],
  ['errors.deadInstance', 'attempts', 'Sent to a crashed instance before the health checks marked it down.'],
  ['errors.shardDown', 'attempts', 'Failed because their write-store shard was down.'],
  ['errors.injected', 'attempts', 'Failed by an error injected as a fault.'],
  ['errors.noInstance', 'attempts', 'Failed because the load balancer had no healthy instance to send them to.'],
  ...PART_CAUSES.map((c): Row => [`errors.${c.id}`, 'attempts', c.reportHelp]),
  ['retries', 'attempts', 'Retries of commands and queries together.'],
  // Then the figures the parts add at the report's end, in the list's order.
  ...PARTS.flatMap((p) => p.figures ?? []),
];

/** Every figure of the report, in the report's order. */
export const FIGURES: readonly FigureEntry[] = ROWS.map(([id, unit, help]) => ({ id, unit, help, label: figureLabel(id) }));

const BY_ID: ReadonlyMap<string, FigureEntry> = new Map(FIGURES.map((f) => [f.id, f]));

/** The figure with this id (list indices written `[]`), or undefined. */
export function figureAt(id: unknown): FigureEntry | undefined {
  return typeof id === 'string' ? BY_ID.get(id.replace(/\[\d+\]/g, '[]')) : undefined;
}

const windowClass = (c: 'commands' | 'queries'): Row[] => [
  [`${c}.offered`, 'attempts/s', `Attempts of ${c} sent in the window, retries included.`],
  [`${c}.retries`, 'attempts/s', 'Of the attempts offered in the window, how many were retries of earlier ones.'],
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
  ['replicaLagP50Ms', 'ms', 'Median time from commit to visible on every read replica (what a query may read), events that got there in the window.'],
  ['replicaLagP99Ms', 'ms', '99th percentile of commit to visible on every replica in the window.'],
  ['streamLagEvents', 'events', 'Events appended and not yet applied, at the end of the window.'],
  ['streamLagMs', 'ms', 'Age of the oldest unapplied event at the end of the window.'],
  ['cacheHitRatio', 'ratio', 'Share of cache lookups that hit in the window.'],
  ['staleReadRatio', 'ratio', 'Share of answers in the window older than the latest committed version.'],
  ...windowGroup('commandService'),
  ...windowGroup('queryService'),
  ['readStoreUtilization', 'ratio', 'Busy share of the read store\'s connections (primary and replicas in service) in the window: its load.'],
  ['projectors', 'projectors', 'Projectors in the consumer group at the end of the window.'],
  ['replicas', 'replicas', 'Read replicas in service at the end of the window.'],
  ['errors.deadInstance', 'attempts/s', 'Attempts failed on a crashed instance not yet marked down, in the window.'],
  ['errors.shardDown', 'attempts/s', 'Attempts failed writing to a shard that is down, in the window.'],
  ['errors.injected', 'attempts/s', 'Attempts failed by an injected error, in the window.'],
  ['errors.noInstance', 'attempts/s', 'Attempts failed because the load balancer had no instance, in the window.'],
  ...PART_CAUSES.map((c): Row => [`errors.${c.id}`, 'attempts/s', c.windowHelp]),
  ['costVcpuHours', 'vCPU-hours', 'vCPU-hours paid for since the start of the run (warm-up included), all groups.'],
  ['costUsd', 'USD', 'What that cost since the start of the run, each vCPU-hour priced by its instance\'s size (bigger instances cost more per vCPU).'],
  // Where the window's latencies and lags went, by stage (the requests and events that ended in the window).
  ...staged('stages.commands.latencyMs', 'commands.latencyMs'),
  ...staged('stages.commands.clientLatencyMs', 'commands.clientLatencyMs'),
  ...staged('stages.queries.latencyMs', 'queries.latencyMs'),
  ...staged('stages.queries.clientLatencyMs', 'queries.clientLatencyMs'),
  ...staged('stages.consistencyLagMs', 'consistencyLagMs'),
  ...staged('stages.replicaLagMs', 'replicaLagMs'),
  // Then the figures the parts add to each window, in the list's order (columns while a part is in the run).
  ...PARTS.flatMap((p) => p.windowFigures ?? []),
];

/** Every figure of a window of the time series (the CSV's columns), by its flattened name. */
export const SERIES_FIGURES: readonly FigureEntry[] = SERIES_ROWS.map(([id, unit, help]) => ({ id, unit, help, label: figureLabel(id) }));

/** The ids of the series figures the parts declare (their causes' counts and their window figures). */
const PART_SERIES = new Set([...PART_CAUSES.map((c) => `errors.${c.id}`), ...PARTS.flatMap((p) => (p.windowFigures ?? []).map(([id]) => id))]);

/** The series figures of the engine's own, in order: the CSV's columns in every run (`series.ts`). */
export const ENGINE_SERIES_IDS: readonly string[] = SERIES_FIGURES.map((f) => f.id).filter((id) => !PART_SERIES.has(id));

const SERIES_BY_ID: ReadonlyMap<string, FigureEntry> = new Map(SERIES_FIGURES.map((f) => [f.id, f]));

/** The series figure with this id (a flattened window field, such as `queries.clientP99`), or undefined. */
export function seriesFigureAt(id: unknown): FigureEntry | undefined {
  return typeof id === 'string' ? SERIES_BY_ID.get(id) : undefined;
}
