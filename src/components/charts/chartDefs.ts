/** The charts of the page: what each plots, with units. */
import type { ClassWindow, WindowStats } from '../../../simulation/index';
import { formatMs, formatNum } from '../../lib/format';
import { numberAt } from '../../lib/numberAt';
import { PART_CHARTS } from 'virtual:engine-facts';
import type { PartDeclaration } from '../../../simulation/index';

/** What the charts read of a part's declaration. */
type Part = Pick<PartDeclaration, 'causePage' | 'charts'> & { readonly cause?: Pick<NonNullable<PartDeclaration['cause']>, 'id'> };
import type { ChartDef, SeriesDef } from './LineChart';

const count = (v: number) => formatNum(Math.round(v * 10) / 10);
const pct = (v: number) => `${Math.round(v * 100)}%`;

function throughput(title: string, help: string, pick: (w: WindowStats) => ClassWindow): ChartDef {
  return {
    title,
    help,
    yTitle: 'requests / s',
    format: count,
    minTop: 10,
    series: [
      { label: 'offered', color: 'var(--c6)', value: (w) => pick(w).offered, dashed: true },
      { label: 'completed', color: 'var(--c2)', value: (w) => pick(w).completed },
      { label: 'rejected', color: 'var(--c3)', value: (w) => pick(w).rejected },
      { label: 'timed out', color: 'var(--c4)', value: (w) => pick(w).timedOut },
      { label: 'failed', color: 'var(--c5)', value: (w) => pick(w).failed },
      { label: 'retries', color: 'var(--c1)', value: (w) => pick(w).retries ?? 0, dashed: true },
    ],
  };
}

/** Of a class's attempts that ended in a window, the share `n` of them are (0 when none ended). */
export function shareOfEnded(c: ClassWindow, n: number): number {
  const ended = c.completed + c.rejected + c.timedOut + c.failed;
  return ended > 0 ? n / ended : 0;
}

/** Of the attempts that ended in a window, the share that timed out, was rejected or failed. */
function failureShares(title: string, help: string, pick: (w: WindowStats) => ClassWindow): ChartDef {
  const share = (w: WindowStats, n: number) => shareOfEnded(pick(w), n);
  return {
    title,
    help,
    yTitle: 'share of attempts (%)',
    format: pct,
    percent: true,
    fixedTop: 1,
    series: [
      { label: 'timed out', color: 'var(--c4)', value: (w) => share(w, pick(w).timedOut) },
      { label: 'rejected', color: 'var(--c3)', value: (w) => share(w, pick(w).rejected) },
      { label: 'failed', color: 'var(--c5)', value: (w) => share(w, pick(w).failed) },
    ],
  };
}

/** Latency per attempt (solid) and as the client waited for it (dashed), answered requests only. */
function latency(title: string, help: string, pick: (w: WindowStats) => ClassWindow, follow: 'query' | 'command'): ChartDef {
  return {
    title,
    help,
    follow,
    yTitle: 'latency (ms)',
    format: formatMs,
    minTop: 5,
    series: [
      { label: 'p50', color: 'var(--c1)', value: (w) => pick(w).p50 },
      { label: 'p95', color: 'var(--c4)', value: (w) => pick(w).p95 },
      { label: 'p99', color: 'var(--c3)', value: (w) => pick(w).p99 },
      // What the client waited, first attempt to answer (retries and backoffs included), dashed.
      { label: 'client p50', color: 'var(--c2)', value: (w) => pick(w).clientP50 ?? 0, dashed: true },
      { label: 'client p99', color: 'var(--c5)', value: (w) => pick(w).clientP99 ?? 0, dashed: true },
    ],
  };
}

/** The page's own charts, the failures chart with a line per part's failure cause. */
function pageCharts(parts: readonly Part[]): ChartDef[] {
  return [
    throughput(
      'Command throughput',
      'Commands (writes) per second: offered by the clients, completed, and lost (rejected, timed out, failed), with the retries among the offered. When completed stays below offered, the command side is saturated.',
      (w) => w.commands,
    ),
    throughput(
      'Query throughput',
      'Queries (reads) per second: offered, completed and lost. The query side scales on its own: compare it with the command side under the same load.',
      (w) => w.queries,
    ),
    // Latency counts only answered attempts: the shares beside each say how many were not answered.
    latency(
      'Command latency',
      'Response time of the commands answered each second, as p50, p95 and p99 of one attempt (solid), and what the client waited from its first attempt, retries and backoff included (dashed). Only answered requests count: read it beside the chart of attempts not answered.',
      (w) => w.commands,
      'command',
    ),
    failureShares(
      'Command attempts not answered',
      'Of the command attempts that ended each second, the share that timed out, was rejected or failed. The latency chart leaves these out, so a side can look fast while many of its requests fail.',
      (w) => w.commands,
    ),
    latency(
      'Query latency',
      'Response time of the queries answered each second, per attempt (solid) and as the client waited (dashed). Queueing makes p99 climb first as utilisation nears 100%; cache hits pull p50 down.',
      (w) => w.queries,
      'query',
    ),
    failureShares(
      'Query attempts not answered',
      'Of the query attempts that ended each second, the share that timed out, was rejected or failed: the failures the latency chart cannot show.',
      (w) => w.queries,
    ),
    {
      title: 'Consistency lag and stream lag',
      help:
        'How far the query model is behind the command model: the time from a commit to the change showing in the read model\'s primary, and on every read replica (what a query may read), as p50 and p99; and the age of the oldest event the projectors have not applied yet (stream lag). Eventual consistency made visible.',
      yTitle: 'lag (ms)',
      format: formatMs,
      minTop: 5,
      series: [
        { label: 'read model p50', color: 'var(--c1)', value: (w) => w.consistencyLagP50Ms },
        { label: 'read model p99', color: 'var(--c3)', value: (w) => w.consistencyLagP99Ms },
        // What a query may read: replicas get each change after the replication delay, in order.
        { label: 'every replica p50', color: 'var(--c2)', value: (w) => w.replicaLagP50Ms ?? 0 },
        { label: 'every replica p99', color: 'var(--c4)', value: (w) => w.replicaLagP99Ms ?? 0 },
        { label: 'stream lag', color: 'var(--c5)', value: (w) => w.streamLagMs, dashed: true },
      ],
    },
    {
      title: 'Utilisation',
      help:
        'Share of the vCPUs busy on each side, and of the read store\'s connections (its load). Above about 70–80% queues and response times grow fast; auto-scaling on cpu tries to hold it at its target.',
      yTitle: 'busy vCPUs / connections (%)',
      format: pct,
      percent: true,
      fixedTop: 1,
      series: [
        { label: 'command service', color: 'var(--c1)', value: (w) => w.commandService.utilization },
        { label: 'query service', color: 'var(--c2)', value: (w) => w.queryService.utilization },
        { label: 'read store', color: 'var(--c5)', value: (w) => w.readStoreUtilization ?? 0, dashed: true },
      ],
    },
    {
      title: 'Queue length',
      help:
        'Mean number of requests waiting for a vCPU, per side. A growing queue is the first sign of too little capacity, before requests are rejected.',
      yTitle: 'mean queued requests',
      format: count,
      minTop: 1,
      series: [
        { label: 'command service', color: 'var(--c1)', value: (w) => w.commandService.meanQueueLength },
        { label: 'query service', color: 'var(--c2)', value: (w) => w.queryService.meanQueueLength },
      ],
    },
    {
      title: 'Instances',
      help:
        'How many command and query instances serve, how many are booting (a cold start), and the projectors and read replicas. Scale-outs show here only after the boot time.',
      yTitle: 'instances',
      format: count,
      minTop: 4,
      series: [
        { label: 'command ready', color: 'var(--c1)', value: (w) => w.commandService.instances },
        { label: 'query ready', color: 'var(--c2)', value: (w) => w.queryService.instances },
        { label: 'booting', color: 'var(--c4)', value: (w) => (w.commandService.booting ?? 0) + (w.queryService.booting ?? 0), dashed: true },
        { label: 'projectors', color: 'var(--c5)', value: (w) => w.projectors ?? 0 },
        { label: 'replicas', color: 'var(--c6)', value: (w) => w.replicas ?? 0, dashed: true },
      ],
    },
    {
      title: 'Failures by cause',
      help:
        'Failed attempts per second by cause: sent to a crashed instance before the health checks marked it down, a shard down, injected errors, no instance' +
        parts.map((p) => (p.cause && p.causePage ? `, ${p.causePage.chartHelp}` : '')).join('') +
        '.',
      yTitle: 'failed attempts / s',
      format: count,
      minTop: 5,
      series: [
        { label: 'dead instance', color: 'var(--c3)', value: (w) => w.errors?.deadInstance ?? 0 },
        { label: 'shard down', color: 'var(--c4)', value: (w) => w.errors?.shardDown ?? 0 },
        { label: 'injected', color: 'var(--c5)', value: (w) => w.errors?.injected ?? 0 },
        { label: 'no instance', color: 'var(--c6)', value: (w) => w.errors?.noInstance ?? 0 },
        // Then a line per part with a failure cause of its own, as it declares (`Part.causePage`).
        ...parts.flatMap((p): SeriesDef[] => {
          const id = p.cause?.id;
          return id && p.causePage ? [{ label: p.causePage.legend, color: p.causePage.color, value: (w) => w.errors?.[id] ?? 0 }] : [];
        }),
      ],
    },
    {
      // In money, so a big instance's higher price per vCPU-hour shows (vCPU-hours are in the CSV).
      title: 'Cost',
      help: 'Dollars paid since the start of the run, all groups together, booting instances included. Horizontal and vertical scaling both cost; a bigger instance costs more per vCPU-hour.',
      yTitle: 'USD since the start',
      format: (v) => (v < 0.1 ? v.toFixed(4) : v.toFixed(2)),
      minTop: 0.001,
      series: [{ label: 'USD', color: 'var(--c1)', value: (w) => w.costUsd ?? 0 }],
    },
    {
      title: 'Cache hit ratio and stale reads',
      help:
        'Share of queries the cache answered, and share answered with data older than the latest commit (stale reads). A longer TTL usually raises both.',
      yTitle: 'share of queries (%)',
      format: pct,
      percent: true,
      fixedTop: 1,
      series: [
        { label: 'cache hit ratio', color: 'var(--c2)', value: (w) => w.cacheHitRatio },
        { label: 'stale-read ratio', color: 'var(--c3)', value: (w) => w.staleReadRatio },
      ],
    },
  ];
}

type PartChart = NonNullable<Part['charts']>[number];

/** A line's value in a window: its figure, or the sum of its figures (0 for one the window lacks: a part off, an older run). */
const lineValue = (w: WindowStats, figure: string | readonly string[]): number =>
  typeof figure === 'string' ? (numberAt(w, figure) ?? 0) : figure.reduce((n, f) => n + (numberAt(w, f) ?? 0), 0);

/** A part's own chart (`Part.charts`): a line per window figure it names, read from each window by its id. */
function partChart(c: PartChart): ChartDef {
  return {
    title: c.title,
    yTitle: c.unit,
    help: c.help,
    format: c.percent ? pct : count,
    percent: c.percent,
    ...(c.percent ? { fixedTop: 1 } : { minTop: 1 }),
    series: c.lines.map(([figure, label, color, dashed]) => ({
      label,
      color,
      value: (w) => lineValue(w, figure),
      dashed: dashed === 'dashed',
    })),
  };
}

/** The live charts: the page's own, with a line per part's failure cause, then the parts' own charts, in the parts' order. */
export function chartsOf(parts: readonly Part[]): ChartDef[] {
  return [...pageCharts(parts), ...parts.flatMap((p) => (p.charts ?? []).map(partChart))];
}

export const CHARTS: ChartDef[] = chartsOf(PART_CHARTS);
