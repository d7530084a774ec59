/** A report as a short readable text for the terminal. */
import { STAGE_PATHS, STAGES, type ClassReport, type GroupReport, type Report, type StagedLatencySummary, type StagedSummary, type Summary } from '../simulation/index';

/** Milliseconds as the summary writes them: 2 decimals under 10, 1 under 100, none above. */
export const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
/** Simulated seconds to the millisecond, the trailing zeros dropped: 69.499, 60. */
const sec = (v: number) => String(Math.round(v * 1000) / 1000);
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const lat = (s: Summary) => `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)} ms (mean ${ms(s.mean)})`;

/** At most this many stages by name on a line; past it, the smallest are lumped as "other". */
const TOP_STAGES = 4;

/**
 * Whole percents of `parts` (all above 0) that add up to 100: each share rounded down, then the
 * points left over given to the largest remainders, so no share is more than 1 point off.
 */
export function wholeShares(parts: readonly number[]): number[] {
  const total = parts.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return parts.map(() => 0);
  const exact = parts.map((p) => (p / total) * 100);
  const out = exact.map(Math.floor);
  const order = exact.map((_, i) => i).sort((i, j) => exact[j] - Math.floor(exact[j]) - (exact[i] - Math.floor(exact[i])) || i - j);
  for (let k = 0, left = 100 - out.reduce((a, b) => a + b, 0); k < left; k++) out[order[k % order.length]]++;
  return out;
}

/** Less than this prints as 0.00 ms: such a stage is left out as one of 0 is (unless no stage has more). */
const SHOWN_MS = 0.005;

/**
 * Stages by ms as `service 2.96 (58%), read 2.06 (41%), ...`: the largest first, stages that print
 * as 0 left out, past TOP_STAGES the rest as "other"; "no time in any stage" when every stage is 0.
 */
export function stageList(values: Readonly<Record<string, number>>, ids: readonly string[]): string {
  const label = (id: string) => STAGES.find((s) => s.id === id)?.label ?? id;
  const all = ids.map((id, index) => ({ name: label(id), ms: values[id] ?? 0, index })).filter((s) => s.ms > 0);
  const ranked = all.some((s) => s.ms >= SHOWN_MS) ? all.filter((s) => s.ms >= SHOWN_MS) : all;
  ranked.sort((a, b) => b.ms - a.ms || a.index - b.index);
  const named = ranked.length > TOP_STAGES ? ranked.slice(0, TOP_STAGES - 1) : ranked;
  const rest = ranked.slice(named.length);
  const shown = rest.length > 0 ? [...named, { name: 'other', ms: rest.reduce((a, s) => a + s.ms, 0) }] : named;
  if (shown.length === 0) return 'no time in any stage';
  const shares = wholeShares(shown.map((s) => s.ms));
  return shown.map((s, i) => `${s.name} ${ms(s.ms)} (${shares[i]}%)`).join(', ');
}

/**
 * "Where the time goes" for a staged summary (docs/stages.md): the mean's largest stages, then
 * the p99 tail's (the samples from `tail.fromMs` up), each with its ms and share; nothing when
 * the summary has no sample.
 */
export function stageLines(s: StagedLatencySummary, summary: StagedSummary, indent = '  '): string[] {
  if (s.count === 0) return [];
  const ids = STAGE_PATHS[summary].ids;
  const what = summary.endsWith('LagMs') ? 'changes' : 'requests';
  return [
    `${indent}where the time goes (mean ${ms(s.mean)} ms): ${stageList(s.stages, ids)}`,
    `${indent}p99 tail (${s.tail.count} ${what} >= ${ms(s.tail.fromMs)} ms, mean ${ms(s.tail.mean)} ms): ${stageList(s.tailStages, ids)}`,
  ];
}

function cls(name: 'commands' | 'queries', c: ClassReport): string[] {
  return [
    `${name}: ${c.offered} offered, ${c.completed} completed, ${c.rejected} rejected, ${c.timedOut} timed out, ${c.failed} failed, ${c.inFlight} in flight`,
    `  throughput ${c.throughputRps.toFixed(1)}/s   latency ${lat(c.latencyMs)}`,
    ...stageLines(c.latencyMs, `${name}.latencyMs`),
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
    ...stageLines(r.consistencyLagMs, 'consistencyLagMs'),
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
