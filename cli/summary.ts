/** A report as a short readable text for the terminal. */
import type { ClassReport, GroupReport, Report, Summary } from '../simulation/index';

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
/** Simulated seconds to the millisecond, the trailing zeros dropped: 69.499, 60. */
const sec = (v: number) => String(Math.round(v * 1000) / 1000);
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const lat = (s: Summary) => `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)} ms (mean ${ms(s.mean)})`;

function cls(name: string, c: ClassReport): string[] {
  return [
    `${name}: ${c.offered} offered, ${c.completed} completed, ${c.rejected} rejected, ${c.timedOut} timed out, ${c.failed} failed, ${c.inFlight} in flight`,
    `  throughput ${c.throughputRps.toFixed(1)}/s   latency ${lat(c.latencyMs)}`,
    ...(c.retries > 0 || c.requests.gaveUp > 0
      ? [`  ${c.retries} retries; client requests: ${c.requests.started} started, ${c.requests.succeeded} succeeded, ${c.requests.gaveUp} gave up`]
      : []),
  ];
}

function group(name: string, g: GroupReport): string {
  const i = g.instances;
  const scaling = g.scalingActionCount > 0 ? `, ${g.scalingActionCount} scaling actions (last: ${describeAction(g)})` : '';
  return `${name}: instances min ${i.min} max ${i.max} final ${i.final}, ${g.cost.instanceHours.toFixed(3)} instance-hours, ${g.cost.vcpuHours.toFixed(3)} vCPU-hours, ${g.cost.usd.toFixed(4)} USD from time 0 (${g.cost.afterWarmup.usd.toFixed(4)} after warm-up)${scaling}`;
}

function describeAction(g: GroupReport): string {
  const a = g.scalingActions[g.scalingActions.length - 1];
  return `${a.from} -> ${a.to} at ${sec(a.atS)} s, ${a.reason}`;
}

export function formatSummary(r: Report): string {
  const lines = [
    `${r.scenario} (seed ${r.seed}): ${sec(r.simulatedS)} s simulated, ${r.events} events, ${r.wallMs} ms wall`,
    ...(r.stopped ? [`STOPPED EARLY at ${r.stopped.atS.toFixed(1)} s: ${r.stopped.reason}`] : []),
    ...cls('commands', r.commands),
    ...cls('queries', r.queries),
    `  cache hit ratio ${pct(r.queries.cacheHitRatio)}   stale reads ${pct(r.queries.staleReadRatio)}   follow-up reads ${r.followUpReads.count} (${r.followUpReads.violations} saw an older version)`,
    ...(r.queries.staleness.count > 0
      ? [`  stale answers missed a write made ${lat(r.queries.staleness)} before; ${r.queries.staleness.versionsBehindMean.toFixed(2)} versions behind on average`]
      : []),
    `consistency lag (commit -> read model): ${lat(r.consistencyLagMs)}`,
    `replica lag (commit -> every replica):  ${lat(r.replicaLagMs)}`,
    `command service: ${r.commandService.instances.final} instances, utilisation ${pct(r.commandService.utilization)}, queue wait ${lat(r.commandService.queueWaitMs)}`,
    `query service:   ${r.queryService.instances.final} instances, utilisation ${pct(r.queryService.utilization)}, queue wait ${lat(r.queryService.queueWaitMs)}`,
    `write store shards: ${r.writeStore.shards.map((s) => `${s.writes} writes (${pct(s.utilization)})`).join(', ')}`,
    `event stream: max lag ${r.eventStream.maxLagEvents} events, ${ms(r.eventStream.maxLagMs)} ms`,
    group('command instances', r.commandService),
    group('query instances', r.queryService),
    group('projectors', r.projectors),
    group('replicas', r.replicas),
  ];
  const e = r.errors;
  if (e.rejected + e.timedOut + e.deadInstance + e.shardDown + e.injected + e.noInstance > 0) {
    lines.push(
      `errors: ${e.rejected} rejected, ${e.timedOut} timed out, ${e.deadInstance} on a dead instance, ${e.shardDown} on a down shard, ${e.injected} injected, ${e.noInstance} with no instance`,
    );
  }
  if (r.detectionMs.count > 0) {
    lines.push(`crash detection: ${r.detectionMs.count} marked down, mean ${ms(r.detectionMs.mean)} ms, max ${ms(r.detectionMs.max)} ms`);
  }
  return lines.join('\n') + '\n';
}
