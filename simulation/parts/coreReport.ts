/**
 * What each built-in part adds to the report (`report.ts` joins them, with what the parts on the
 * contract add, in the figure registry's order). Each function reads one part's state and the
 * span the whole report is measured over; none changes anything.
 */
import type { Area } from '../metrics/area';
import type { ClassTally, FailureCause } from '../metrics/classTally';
import type { ConnectionPool } from '../model/connectionPool';
import { F_ABANDONED, F_COMMAND, F_COUNTED, F_DEAD, F_PENDING, F_RETRY, type RequestPool } from '../model/requestPool';
import type { Scenario } from '../scenario';
import type { ClassReport, GroupReport, Report, ServiceReport } from '../types';
import type { Clients } from './clients';
import type { Elasticity, GroupName } from './elasticity';
import type { Projection } from './projection';
import type { ReadStore } from './readStore';
import type { Service } from './service';
import type { WriteStore } from './writeStore';

const HOUR_MS = 3_600_000;

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** What every part of the report is measured against: now, the measured span, integrals since warm-up. */
export interface ReportSpan {
  readonly now: number;
  readonly measuredMs: number;
  /** An integral's growth since the end of warm-up (or since it was made, if later). */
  readonly since: (a: Area) => number;
  readonly scenario: Scenario;
  /** The failure causes of the parts on the contract that were on during the run, in the list's order. */
  readonly causesUsed: readonly FailureCause[];
  /** What the parts on the contract add to a service's report, in the list's order. */
  readonly ofService: (svc: Service) => object;
}

/** Counts over the requests still in the system. */
interface Open {
  inFlight: number;
  timedOut: number;
  inProgress: number;
  gaveUp: number;
}

function openRequests(r: RequestPool, now: number, timeoutMs: number): { commands: Open; queries: Open } {
  const open = {
    commands: { inFlight: 0, timedOut: 0, inProgress: 0, gaveUp: 0 },
    queries: { inFlight: 0, timedOut: 0, inProgress: 0, gaveUp: 0 },
  };
  r.forEachLive((id) => {
    const f = r.flags[id];
    // Attempts already classified (abandoned, dead) and follow-ups not yet sent do not count here.
    if ((f & F_COUNTED) === 0 || f & (F_ABANDONED | F_DEAD)) return;
    const o = f & F_COMMAND ? open.commands : open.queries;
    if (f & F_PENDING) {
      if (f & F_RETRY) o.inProgress++; // a retry waiting for its backoff
      return;
    }
    // Without retries a client's timeout is only noticed when the answer comes: count it now.
    if (now - r.arrivalMs[id] > timeoutMs) {
      o.timedOut++;
      o.gaveUp++;
    } else {
      o.inFlight++;
      o.inProgress++;
    }
  });
  return open;
}

function classReport({ measuredMs, since }: ReportSpan, t: ClassTally, inSystem: Area, o: Open): ClassReport {
  return {
    offered: t.offered,
    completed: t.completed,
    rejected: t.rejected,
    timedOut: t.timedOut + o.timedOut,
    failed: t.failed,
    inFlight: o.inFlight,
    throughputRps: ratio(t.completed, measuredMs / 1000),
    meanInSystem: ratio(since(inSystem), measuredMs),
    latencyMs: { ...t.latency.summary(), ...t.latencySplit() },
    clientLatencyMs: { ...t.clientLatency.summary(), ...t.clientSplit() },
    gaveUpAfterMs: t.gaveUpAfter.summary(),
    retries: t.retries,
    requests: { started: t.started, succeeded: t.succeeded, gaveUp: t.gaveUp + o.gaveUp, inProgress: o.inProgress },
  };
}

/**
 * The clients' view: every attempt of each class and how it ended (the services' tallies, the
 * requests still open), what the queries saw (cache hits, staleness), follow-up reads, failures
 * by cause and retries.
 */
export function clientsReport(span: ReportSpan, clients: Clients, command: Service, query: Service, reqs: RequestPool): Partial<Report> {
  const open = openRequests(reqs, span.now, span.scenario.workload.timeoutMs);
  const c = command.tally;
  const q = query.tally;
  const errors: Report['errors'] = {
    rejected: c.rejected + q.rejected,
    timedOut: c.timedOut + q.timedOut + open.commands.timedOut + open.queries.timedOut,
    deadInstance: c.failedBy.deadInstance + q.failedBy.deadInstance,
    shardDown: c.failedBy.shardDown + q.failedBy.shardDown,
    injected: c.failedBy.injected + q.failedBy.injected,
    noInstance: c.failedBy.noInstance + q.failedBy.noInstance,
  };
  // A part's own cause only when the part was on.
  for (const cause of span.causesUsed) errors[cause as keyof typeof errors] = c.failedBy[cause] + q.failedBy[cause];
  return {
    commands: classReport(span, c, command.inSystem, open.commands),
    queries: {
      ...classReport(span, q, query.inSystem, open.queries),
      cacheHitRatio: ratio(q.cacheHits, q.cacheLookups),
      staleReadRatio: ratio(q.staleAnswers, q.answers),
      staleness: { ...clients.staleness.summary(), versionsBehindMean: ratio(clients.staleVersionsBehind, clients.staleness.count) },
    },
    followUpReads: { count: clients.followUps, violations: clients.followUpViolations },
    errors,
    retries: c.retries + q.retries,
  };
}

/** A group's paid-for time as integrals: instances, vCPUs, and vCPUs weighted by their price factor. */
interface CostAreas {
  instances: Area;
  vcpus: Area;
  priced: Area;
}

/** A scaled group's sizes, scaling actions and cost. */
function groupReport({ now, since, scenario }: ReportSpan, elasticity: Elasticity, name: GroupName, final: number, areas: CostAreas): GroupReport {
  const { log, range } = elasticity.group(name);
  const usdPerHour = scenario.pricing.vcpuHourUsd;
  // Cost from time 0 (warm-up included: the capacity was paid for), and over the measured span.
  // Clamped at 0: the priced integral adds and takes away non-integer amounts, so rounding can
  // leave -1e-19 where nothing was paid.
  const whole = (a: Area) => Math.max(0, a.at(now) / HOUR_MS);
  const measured = (a: Area) => Math.max(0, since(a) / HOUR_MS);
  return {
    instances: { min: Math.min(range.min, final), max: Math.max(range.max, final), final },
    scalingActions: [...log.actions],
    scalingActionCount: log.count,
    cost: {
      vcpuHours: whole(areas.vcpus),
      instanceHours: whole(areas.instances),
      usd: whole(areas.priced) * usdPerHour,
      afterWarmup: { vcpuHours: measured(areas.vcpus), instanceHours: measured(areas.instances), usd: measured(areas.priced) * usdPerHour },
    },
  };
}

/** A service: its group, queue wait, utilisation and memory, then what the parts on the contract say of it. */
export function serviceReport(span: ReportSpan, svc: Service, elasticity: Elasticity): Partial<Report> {
  const { measuredMs, since } = span;
  const g = svc.group;
  const serving = since(g.servingArea);
  const memoryMb = g.baseMemoryMb * serving + g.memoryPerRequestMb * since(g.outstandingArea);
  const out: ServiceReport = {
    ...groupReport(span, elasticity, svc.name, g.readyCount, { instances: g.instanceArea, vcpus: g.vcpuArea, priced: g.pricedVcpuArea }),
    queueWaitMs: svc.queueWait.summary(),
    utilization: ratio(since(g.busyArea), since(g.capacityArea)),
    memoryUtilization: ratio(memoryMb, g.memoryLimitMb * serving),
    meanQueueLength: ratio(since(g.queueArea), measuredMs),
  };
  return { [svc.name]: Object.assign(out, span.ofService(svc)) };
}

const utilization = ({ since }: ReportSpan, p: ConnectionPool) => ratio(since(p.busyArea), since(p.capacityArea));

/** The write store: writes and utilisation of each shard. */
export function writeStoreReport(span: ReportSpan, writeStore: WriteStore): Partial<Report> {
  return { writeStore: { shards: writeStore.shards.map((s) => ({ writes: s.ops - s.opsAtWarmup, utilization: utilization(span, s) })) } };
}

/** The read store: the replica lag (commit to visible on every replica), and reads and utilisation of each node. */
export function readStoreReport(span: ReportSpan, readStore: ReadStore): Partial<Report> {
  return {
    replicaLagMs: { ...readStore.replicaLag.summary(), ...readStore.replicaStages.split(readStore.replicaLag) },
    readStore: { nodes: readStore.nodes.map((n) => ({ reads: n.ops - n.opsAtWarmup, utilization: utilization(span, n) })) },
  };
}

/** The event stream and its projectors: the consistency lag, the stream's lag, the projector group. */
export function projectionReport(span: ReportSpan, projection: Projection, elasticity: Elasticity): Partial<Report> {
  const st = projection.stream;
  const areas = { instances: st.consumerArea, vcpus: st.consumerArea, priced: st.consumerArea };
  return {
    consistencyLagMs: { ...projection.consistencyLag.summary(), ...projection.lagStages.split(projection.consistencyLag) },
    eventStream: { maxLagEvents: projection.maxLagEvents, maxLagMs: projection.maxLagMs },
    projectors: { ...groupReport(span, elasticity, 'projectors', st.consumers, areas), utilization: ratio(span.since(st.busyArea), span.since(st.consumerArea)) },
  };
}

/** The read replicas as a scaled group. */
export function replicasReport(span: ReportSpan, elasticity: Elasticity): Partial<Report> {
  const a = elasticity.replicaArea;
  return { replicas: groupReport(span, elasticity, 'replicas', span.scenario.readStore.replicas, { instances: a, vcpus: a, priced: a }) };
}
