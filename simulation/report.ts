/**
 * The report of a run, built from a simulation's state at any moment (it changes nothing, so a
 * report can be read mid-run and the run continued).
 */
import type { Area } from './metrics/area';
import type { ClassTally } from './metrics/classTally';
import type { ConnectionPool } from './model/connectionPool';
import { F_ABANDONED, F_COMMAND, F_COUNTED, F_DEAD, F_PENDING, F_RETRY } from './model/requestPool';
import type { GroupName } from './parts/elasticity';
import type { Service } from './parts/service';
import type { Simulation } from './simulation';
import type { ClassReport, CoreReport, GroupReport, Report, ServiceReport } from './types';

const HOUR_MS = 3_600_000;

/** Counts over the requests still in the system. */
interface Open {
  inFlight: number;
  timedOut: number;
  inProgress: number;
  gaveUp: number;
}

function openRequests(sim: Simulation): { commands: Open; queries: Open } {
  const open = {
    commands: { inFlight: 0, timedOut: 0, inProgress: 0, gaveUp: 0 },
    queries: { inFlight: 0, timedOut: 0, inProgress: 0, gaveUp: 0 },
  };
  const r = sim.reqs;
  const now = sim.nowMs;
  const timeoutMs = sim.scenario.workload.timeoutMs;
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

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** What every part of the report is measured against: now, the measured span, integrals since warm-up. */
interface Span {
  sim: Simulation;
  now: number;
  measuredMs: number;
  since: (a: Area) => number;
}

function classReport({ measuredMs, since }: Span, t: ClassTally, inSystem: Area, o: Open): ClassReport {
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

/** A group's paid-for time as integrals: instances, vCPUs, and vCPUs weighted by their price factor. */
interface CostAreas {
  instances: Area;
  vcpus: Area;
  priced: Area;
}

function groupReport({ sim, now, since }: Span, name: GroupName, final: number, areas: CostAreas): GroupReport {
  const { log, range } = sim.elasticity.group(name);
  const usdPerHour = sim.scenario.pricing.vcpuHourUsd;
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

function serviceReport(span: Span, svc: Service): ServiceReport {
  const { sim, measuredMs, since } = span;
  const g = svc.group;
  const serving = since(g.servingArea);
  const memoryMb = g.baseMemoryMb * serving + g.memoryPerRequestMb * since(g.outstandingArea);
  const out: ServiceReport = {
    ...groupReport(span, svc.name, g.readyCount, { instances: g.instanceArea, vcpus: g.vcpuArea, priced: g.pricedVcpuArea }),
    queueWaitMs: svc.queueWait.summary(),
    utilization: ratio(since(g.busyArea), since(g.capacityArea)),
    memoryUtilization: ratio(memoryMb, g.memoryLimitMb * serving),
    meanQueueLength: ratio(since(g.queueArea), measuredMs),
  };
  // Then what each part says of this service, in the parts list's order.
  for (const { runtime } of sim.parts) if (runtime.serviceReport) Object.assign(out, runtime.serviceReport(svc));
  return out;
}

/** Attempts that did not complete, by cause; a part's own cause only when the part was on. */
function errorsReport(sim: Simulation, open: { commands: Open; queries: Open }): Report['errors'] {
  const c = sim.command.tally;
  const q = sim.query.tally;
  const errors: Report['errors'] = {
    rejected: c.rejected + q.rejected,
    timedOut: c.timedOut + q.timedOut + open.commands.timedOut + open.queries.timedOut,
    deadInstance: c.failedBy.deadInstance + q.failedBy.deadInstance,
    shardDown: c.failedBy.shardDown + q.failedBy.shardDown,
    injected: c.failedBy.injected + q.failedBy.injected,
    noInstance: c.failedBy.noInstance + q.failedBy.noInstance,
  };
  for (const { part, runtime } of sim.parts) {
    if (part.cause && runtime.used) errors[part.cause.id as keyof typeof errors] = c.failedBy[part.cause.id] + q.failedBy[part.cause.id];
  }
  return errors;
}

export function buildReport(sim: Simulation): Report {
  const now = sim.nowMs;
  // An integral created after warm-up (a replica added later) counts from its start.
  const span: Span = { sim, now, measuredMs: Math.max(0, now - sim.warmupMs), since: (a: Area) => a.at(now) - (sim.windows.atWarmup.get(a) ?? 0) };
  const { since } = span;
  const open = openRequests(sim);
  const util = (p: ConnectionPool) => ratio(since(p.busyArea), since(p.capacityArea));
  const st = sim.projection.stream;
  const projectorAreas = { instances: st.consumerArea, vcpus: st.consumerArea, priced: st.consumerArea };
  const replicaArea = sim.elasticity.replicaArea;
  const q = sim.query.tally;
  const clients = sim.clients;

  const report: CoreReport = {
    version: 1,
    scenario: sim.scenario.name,
    seed: sim.scenario.seed,
    simulatedS: now / 1000,
    events: sim.events,
    wallMs: 0,
    ...(sim.stopped ? { stopped: { ...sim.stopped } } : {}),
    commands: classReport(span, sim.command.tally, sim.command.inSystem, open.commands),
    queries: {
      ...classReport(span, q, sim.query.inSystem, open.queries),
      cacheHitRatio: ratio(q.cacheHits, q.cacheLookups),
      staleReadRatio: ratio(q.staleAnswers, q.answers),
      staleness: { ...clients.staleness.summary(), versionsBehindMean: ratio(clients.staleVersionsBehind, clients.staleness.count) },
    },
    followUpReads: { count: clients.followUps, violations: clients.followUpViolations },
    consistencyLagMs: { ...sim.projection.consistencyLag.summary(), ...sim.projection.lagStages.split(sim.projection.consistencyLag) },
    replicaLagMs: { ...sim.readStore.replicaLag.summary(), ...sim.readStore.replicaStages.split(sim.readStore.replicaLag) },
    commandService: serviceReport(span, sim.command),
    queryService: serviceReport(span, sim.query),
    writeStore: { shards: sim.writeStore.shards.map((s) => ({ writes: s.ops - s.opsAtWarmup, utilization: util(s) })) },
    readStore: { nodes: sim.readStore.nodes.map((n) => ({ reads: n.ops - n.opsAtWarmup, utilization: util(n) })) },
    eventStream: { maxLagEvents: sim.projection.maxLagEvents, maxLagMs: sim.projection.maxLagMs },
    projectors: {
      ...groupReport(span, 'projectors', st.consumers, projectorAreas),
      utilization: ratio(since(st.busyArea), since(st.consumerArea)),
    },
    replicas: groupReport(span, 'replicas', sim.scenario.readStore.replicas, { instances: replicaArea, vcpus: replicaArea, priced: replicaArea }),
    errors: errorsReport(sim, open),
    retries: sim.command.tally.retries + q.retries,
  };
  // Then the keys the parts add at the end, in the list's order: the keys their modules add to
  // `Report` (module augmentation), which is why the whole is a Report.
  for (const { runtime } of sim.parts) if (runtime.report) Object.assign(report, runtime.report());
  return report as Report;
}
