/**
 * The report of a run, built from a simulation's state at any moment (it changes nothing, so a
 * report can be read mid-run and the run continued).
 */
import type { Area } from './metrics/area';
import type { ClassTally } from './metrics/classTally';
import type { InstanceGroup } from './model/instanceGroup';
import type { ConnectionPool } from './model/connectionPool';
import { F_COMMAND, F_COUNTED, F_PENDING } from './model/requestPool';
import type { Simulation } from './simulation';
import type { ClassReport, Report, ServiceReport } from './types';

export function buildReport(sim: Simulation): Report {
  const now = sim.nowMs;
  const measuredMs = Math.max(0, now - sim.warmupMs);
  const since = (a: Area) => a.at(now) - (sim.atWarmup.get(a) ?? a.at(now));
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

  // Requests still in the system: timed out if their client has already given up.
  const open = { commands: { inFlight: 0, timedOut: 0 }, queries: { inFlight: 0, timedOut: 0 } };
  const r = sim.reqs;
  const timeoutMs = sim.scenario.workload.timeoutMs;
  r.forEachLive((id) => {
    const f = r.flags[id];
    if ((f & F_COUNTED) === 0 || (f & F_PENDING) !== 0) return;
    const o = f & F_COMMAND ? open.commands : open.queries;
    if (now - r.arrivalMs[id] > timeoutMs) o.timedOut++;
    else o.inFlight++;
  });

  const cls = (t: ClassTally, inSystem: Area, o: { inFlight: number; timedOut: number }): ClassReport => ({
    offered: t.offered,
    completed: t.completed,
    rejected: t.rejected,
    timedOut: t.timedOut + o.timedOut,
    failed: t.failed,
    inFlight: o.inFlight,
    throughputRps: ratio(t.completed, measuredMs / 1000),
    meanInSystem: ratio(since(inSystem), measuredMs),
    latencyMs: t.latency.summary(),
  });
  const service = (g: InstanceGroup, wait: Simulation['cmdQueueWait']): ServiceReport => ({
    queueWaitMs: wait.summary(),
    utilization: ratio(since(g.busyArea), since(g.capacityArea)),
    meanQueueLength: ratio(since(g.queueArea), measuredMs),
    instances: g.readyCount,
  });
  const util = (p: ConnectionPool) => ratio(since(p.busyArea), since(p.capacityArea));

  return {
    version: 1,
    scenario: sim.scenario.name,
    seed: sim.scenario.seed,
    simulatedS: now / 1000,
    events: sim.events,
    wallMs: 0,
    commands: cls(sim.commands, sim.cmdInSystem, open.commands),
    queries: {
      ...cls(sim.queries, sim.qryInSystem, open.queries),
      cacheHitRatio: ratio(sim.queries.cacheHits, sim.queries.cacheLookups),
      staleReadRatio: ratio(sim.queries.staleAnswers, sim.queries.answers),
    },
    followUpReads: { count: sim.followUps, violations: sim.followUpViolations },
    consistencyLagMs: sim.consistencyLag.summary(),
    replicaLagMs: sim.replicaLag.summary(),
    commandService: service(sim.cmd, sim.cmdQueueWait),
    queryService: service(sim.qry, sim.qryQueueWait),
    writeStore: { shards: sim.shards.map((s) => ({ writes: s.ops - s.opsAtWarmup, utilization: util(s) })) },
    readStore: { nodes: sim.readNodes.map((n) => ({ reads: n.ops - n.opsAtWarmup, utilization: util(n) })) },
    eventStream: { maxLagEvents: sim.maxLagEvents, maxLagMs: sim.maxLagMs },
  };
}
