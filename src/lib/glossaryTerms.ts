/**
 * The glossary's terms: an id, the name shown, and the words in a help text that point to it.
 * Small, because help texts on the first screen look terms up here; the definitions themselves
 * load with the glossary (`components/glossary/definitions.ts`).
 */
export interface Term {
  readonly id: string;
  readonly name: string;
  readonly match: RegExp;
}

const t = (id: string, name: string, match: RegExp): Term => ({ id, name, match });

export const TERMS: readonly Term[] = [
  t('command-model', 'Command model', /command (model|side)|\bcommands?\b/i),
  t('query-model', 'Query model', /query (model|side)|\bquer(y|ies)\b/i),
  t('horizontal', 'Horizontal scaling', /horizontal|scal(e|es|ing) out/i),
  t('vertical', 'Vertical scaling', /vertical|scal(e|ing) up/i),
  t('instance', 'Instance', /\binstances?\b/i),
  t('vcpu', 'vCPU', /\bvcpus?\b/i),
  t('load-balancer', 'Load balancer', /load balancer/i),
  t('response-time', 'Response time (latency)', /response time|latency/i),
  t('throughput', 'Throughput', /throughput/i),
  t('percentile', 'p50, p95, p99 (percentiles)', /\bp(50|95|99)\b|percentile|median/i),
  t('utilisation', 'Utilisation', /utili[sz]ation/i),
  t('queue', 'Queue and queue length', /\bqueue/i),
  t('replica', 'Read replica', /replica/i),
  t('replication-lag', 'Replication lag', /replication lag|replica lag/i),
  t('eventual-consistency', 'Eventual consistency', /eventual consistency|eventually consistent/i),
  t('consistency-lag', 'Consistency lag', /consistency lag/i),
  t('stale-read', 'Stale read', /stale/i),
  t('read-your-writes', 'Read-your-writes', /read-your-writes|follow-up read/i),
  t('event-stream', 'Event stream', /event stream|\bstream\b/i),
  t('partition', 'Partition', /partition/i),
  t('projector', 'Projector', /projector/i),
  t('consumer-group', 'Consumer group', /consumer group/i),
  t('rebalance', 'Rebalance', /rebalanc/i),
  t('stream-lag', 'Stream lag', /stream lag|unapplied|not yet applied/i),
  t('shard', 'Shard', /\bshard/i),
  t('hot-key', 'Hot key and hot shard', /\bhot\b/i),
  t('zipf', 'Zipf distribution', /zipf/i),
  t('cache', 'Cache and hit ratio', /\bcache|\bhit ratio/i),
  t('ttl', 'TTL (time to live)', /\bttl\b|time to live/i),
  t('invalidation', 'Invalidation', /invalidat/i),
  t('lru', 'LRU (least recently used)', /least recently used|\blru\b/i),
  t('autoscaling', 'Auto-scaling (target tracking)', /auto-?scal|target tracking/i),
  t('cooldown', 'Cooldown', /cooldown/i),
  t('cold-start', 'Cold start (boot time)', /cold start|\bboot/i),
  t('pre-warming', 'Pre-warming (scheduled scaling)', /pre-?warm|schedule/i),
  t('health-check', 'Health check', /health check|marked (down|up)/i),
  t('timeout', 'Timeout', /time(d)? ?out/i),
  t('backoff', 'Backoff and jitter', /backoff|jitter/i),
  t('retry-storm', 'Retry storm and retry budget', /retry storm|retry budget|\bretr(y|ies)\b/i),
  t('circuit-breaker', 'Circuit breaker', /circuit breaker|breaker/i),
  t('admission-control', 'Admission control (429)', /admission|\b429\b|rate limit|\bshed/i),
  t('dead-letter-queue', 'Dead-letter queue and head-of-line blocking', /dead-letter|dead letter|head-of-line/i),
  t('poisson', 'Poisson arrivals', /poisson/i),
  t('warm-up', 'Warm-up', /warm-up/i),
  t('index', 'Index and full scan', /\bindex|full scan|unindexed/i),
  t('gray-failure', 'Gray failure (slow instance)', /gray failure|slow (one|instance)/i),
  t('rolling-restart', 'Rolling restart and draining', /restart|drain/i),
  t('littles-law', "Little's law", /little's law/i),
  t('seed', 'Seed', /\bseed\b/i),
  t('usl', 'Universal Scalability Law (contention, coherency)', /universal scalability|\busl\b|contention|coherency/i),
  t('failure-domain', 'Failure domain', /failure domain|takes all of it|one failure/i),
  // The stages of a request's time ("where the time goes", docs/stages.md): narrow phrases, so
  // they link from the help texts about stages and leave the others' links as they were.
  t('stages', 'Stages (where the time goes)', /where the time goes|\bstages?\b/i),
  t('queue-wait', 'Queue wait', /queue wait/i),
  t('connection-wait', 'Connection wait', /connection wait/i),
  t('store-time', 'Read and write (time in the store)', /time in the store/i),
  t('append', 'Append (to the event stream)', /\bappend,|time to append|append to its partition/i),
  t('partition-wait', 'Partition wait', /partition wait/i),
  t('apply-retries', 'Apply and apply retries', /apply retr/i),
  t('replica-copy', 'Replica copy', /replica copy/i),
  t('failed-attempts', 'Failed attempts', /failed attempts/i),
  t('tail', 'The p99 tail', /p99 tail|the tail\b/i),
  t('waterfall', 'Waterfall', /waterfall/i),
  t('critical-path', 'Critical path', /critical path/i),
];

/** The terms a help text uses, most specific first, at most `max` (a help text links to a few, not all). */
export function termsIn(text: string, max = 3): Term[] {
  const found = TERMS.filter((term) => term.match.test(text));
  // Longer names are more specific ("Consumer group" before "Query model").
  return found.sort((a, b) => matchLength(b, text) - matchLength(a, text)).slice(0, max);
}

function matchLength(term: Term, text: string): number {
  return term.match.exec(text)?.[0].length ?? 0;
}
