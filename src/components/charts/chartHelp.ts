/**
 * What each live chart shows and how to read it, by its title. Markers on every chart show what
 * happened. The charts whose lines come from the parts carry their help themselves (`ChartDef.help`).
 */
export const CHART_HELP: Record<string, string> = {
  'Command throughput':
    'Commands (writes) per second: offered by the clients, completed, and lost (rejected, timed out, failed), with the retries among the offered. When completed stays below offered, the command side is saturated.',
  'Query throughput':
    'Queries (reads) per second: offered, completed and lost. The query side scales on its own: compare it with the command side under the same load.',
  'Command latency':
    'Response time of the commands answered each second, as p50, p95 and p99 of one attempt (solid), and what the client waited from its first attempt, retries and backoff included (dashed). Only answered requests count: read it beside the chart of attempts not answered.',
  'Command attempts not answered':
    'Of the command attempts that ended each second, the share that timed out, was rejected or failed. The latency chart leaves these out, so a side can look fast while many of its requests fail.',
  'Query latency':
    'Response time of the queries answered each second, per attempt (solid) and as the client waited (dashed). Queueing makes p99 climb first as utilisation nears 100%; cache hits pull p50 down.',
  'Query attempts not answered':
    'Of the query attempts that ended each second, the share that timed out, was rejected or failed: the failures the latency chart cannot show.',
  'Consistency lag and stream lag':
    'How far the query model is behind the command model: the time from a commit to the change showing in the read model\'s primary, and on every read replica (what a query may read), as p50 and p99; and the age of the oldest event the projectors have not applied yet (stream lag). Eventual consistency made visible.',
  Utilisation:
    'Share of the vCPUs busy on each side, and of the read store\'s connections (its load). Above about 70–80% queues and response times grow fast; auto-scaling on cpu tries to hold it at its target.',
  'Queue length': 'Mean number of requests waiting for a vCPU, per side. A growing queue is the first sign of too little capacity, before requests are rejected.',
  Instances:
    'How many command and query instances serve, how many are booting (a cold start), and the projectors and read replicas. Scale-outs show here only after the boot time.',
  Cost: 'Dollars paid since the start of the run, all groups together, booting instances included. Horizontal and vertical scaling both cost; a bigger instance costs more per vCPU-hour.',
  'Cache hit ratio and stale reads':
    'Share of queries the cache answered, and share answered with data older than the latest commit (stale reads). A longer TTL usually raises both.',
};
