/**
 * The examples: prepared scenarios, each tied to one idea of the course and to the quiz
 * question it helps answer. The scenario files live in `scenarios/` (they run from the CLI as
 * files too); a comparison names its other side as a variant: the same file with a few fields
 * changed, so the two runs differ in nothing else (and share their random numbers).
 *
 * The text is ours, in plain words. The figures quoted in `lookAt` come from seed 1 and are
 * checked by simulation/test/exampleLessons.test.ts, so a model change that breaks a lesson fails there.
 */
import defaultScenario from '../../scenarios/default.json' with { type: 'json' };
import flashSale from '../../scenarios/flash-sale.json' with { type: 'json' };
import marketSpike from '../../scenarios/market-spike.json' with { type: 'json' };
import independentScaling from '../../scenarios/independent-scaling.json' with { type: 'json' };
import horizontalVsVertical from '../../scenarios/horizontal-vs-vertical.json' with { type: 'json' };
import autoscaleLate from '../../scenarios/autoscale-late.json' with { type: 'json' };
import hotShard from '../../scenarios/hot-shard.json' with { type: 'json' };
import cacheInvalidation from '../../scenarios/cache-invalidation.json' with { type: 'json' };
import cacheRace from '../../scenarios/cache-race.json' with { type: 'json' };
import projectorLag from '../../scenarios/projector-lag.json' with { type: 'json' };
import indexing from '../../scenarios/indexing.json' with { type: 'json' };
import loadBalancerSlow from '../../scenarios/load-balancer-slow.json' with { type: 'json' };
import readReplicas from '../../scenarios/read-replicas.json' with { type: 'json' };
import retryStorm from '../../scenarios/retry-storm.json' with { type: 'json' };

/** The quiz's questions, in the order of the course's quiz: q1 is the first. */
export const QUIZ_QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'] as const;
export type QuizQuestion = (typeof QUIZ_QUESTIONS)[number];

/** What each quiz question is about, in a few words (not the question itself). */
export const QUIZ_TOPICS: Readonly<Record<QuizQuestion, string>> = {
  q1: 'scaling the command and query sides independently',
  q2: 'horizontal scaling: more instances behind a load balancer',
  q3: 'auto-scaling',
  q4: 'partitioning and sharding data',
  q5: 'what a distributed cache takes off the read store',
  q6: 'event streams and asynchronous processing',
  q7: 'what to watch: response times, throughput, utilisation',
  q8: 'indexing the read model',
  q9: 'keeping a cache consistent',
  q10: 'vertical scaling: a bigger machine, not more of them',
};

/** One side of a comparison: the example's scenario with these fields changed. */
export interface ExampleVariant {
  /** Its own id: it loads by it like any example (`?example=`, the CLI). */
  id: string;
  /** What this side is, in a few words ("hash partitioning"). */
  label: string;
  /** Field path (as in simulation/fields.ts) to value. */
  set: Readonly<Record<string, unknown>>;
}

export interface Example {
  id: string;
  title: string;
  /** The idea it shows, in one or two sentences. */
  concept: string;
  question: QuizQuestion;
  /** What to watch, and (for a comparison) what to switch to see the other side. */
  lookAt: string;
  /** The label of the scenario as written, when the example has variants. */
  label?: string;
  variants?: readonly ExampleVariant[];
  /** The scenario file's contents (validated when loaded, like any file). */
  scenario: Readonly<Record<string, unknown>>;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'flash-sale',
    title: 'E-commerce flash sale',
    question: 'q5',
    concept:
      'A shop during a sale: reads jump tenfold for ninety seconds. The query side is scaled out to six instances and a cache in front of the read store serves the popular products; orders go through the command side and an event stream carries them to the read model.',
    lookAt:
      'Query response times stay near 20 ms at p99 through the peak, because the cache answers about three reads in four. Command response times do not move either: the projectors fall behind instead (stream lag climbs to about 15 s) and catch up after the sale. The price is freshness: stale reads rise during the peak. Switch to "Without the cache" to see the read store drown (timeouts by the thousand).',
    label: 'With the cache',
    variants: [{ id: 'flash-sale-no-cache', label: 'Without the cache', set: { 'cache.enabled': false } }],
    scenario: flashSale,
  },
  {
    id: 'market-spike',
    title: 'Financial services: a market spike',
    question: 'q3',
    concept:
      'Trades (commands) and balance reads (queries) both jump fivefold when the market moves. Accounts are spread over 8 shards by a hash of the account id, and each side auto-scales on its own signal: CPU for the services, lag for the projectors.',
    lookAt:
      'The write store panel: every shard takes the same share of writes, so no shard limits the spike. The instances chart: the query side grows to 5 instances, the command side only to 3, the projectors to 5: each side gets what its own load needs. A few queries are rejected in the ten seconds before the new instances finish booting.',
    scenario: marketSpike,
  },
  {
    id: 'independent-scaling',
    title: 'Scaling one side without the other',
    question: 'q1',
    concept:
      'Nine requests in ten are reads. The query side is overloaded while the command side idles; at 60 s the query side goes from 2 to 4 instances and the command side is left alone.',
    lookAt:
      'Before 60 s: query utilisation at 100%, about 480 queries rejected every second, query p99 near 180 ms, while commands run at 20% utilisation with p99 near 24 ms. After 60 s: query utilisation near 70%, no rejections, p99 under 20 ms. The command side never changed, and its figures did not either.',
    scenario: independentScaling,
  },
  {
    id: 'horizontal-vs-vertical',
    title: 'Horizontal against vertical scaling',
    question: 'q10',
    concept:
      'The same 8 vCPUs for the query side, bought two ways: four instances of 2 vCPUs (horizontal) or one instance of 8 vCPUs (vertical). At 40 s instance 0 crashes for 30 s.',
    lookAt:
      'Horizontal: the crash costs a quarter of the capacity, and only the queries sent to it before health checks mark it down fail (about 900, under 1%). Switch to "Vertical: 1 × 8 vCPUs": the one big instance is the only one, so every query fails for 30 s (about 25,000). Same vCPU-hours, very different failure.',
    label: 'Horizontal: 4 × 2 vCPUs',
    variants: [{ id: 'horizontal-vs-vertical-big', label: 'Vertical: 1 × 8 vCPUs', set: { 'queryService.instances': 1, 'queryService.vcpus': 8 } }],
    scenario: horizontalVsVertical,
  },
  {
    id: 'autoscale-late',
    title: 'Auto-scaling too late against pre-warmed',
    question: 'q3',
    concept:
      'A sale starts at 60 s and reads jump fivefold. Auto-scaling watches CPU every 10 s, and a new instance needs 30 s to boot: it helps, but only after the rush has hit. A schedule can add the instances before a sale that everyone knows is coming.',
    lookAt:
      'Reacting: about 17,600 queries rejected and p99 near 180 ms from 60 s until the new instances serve, 40 s later. Switch to "Pre-warmed by a schedule": it raises the floor to 6 instances at 30 s and back to 2 at 150 s; no rejections, at a higher cost in vCPU-hours.',
    label: 'Reacting to CPU',
    variants: [
      {
        id: 'autoscale-prewarmed',
        label: 'Pre-warmed by a schedule',
        set: { 'queryService.autoscaling.schedule': [{ atS: 30, instances: 6 }, { atS: 150, instances: 2 }] },
      },
    ],
    scenario: autoscaleLate,
  },
  {
    id: 'hot-shard',
    title: 'A hot shard: range against hash partitioning',
    question: 'q4',
    concept:
      'A few keys get most of the writes (Zipf keys). With range partitioning the popular low key ids all live on shard 0; with hash partitioning they are scattered over the four shards.',
    lookAt:
      'Range: shard 0 takes about 95% of the writes and is busy all the time; most commands time out. Switch to "Hash partitioning": the shards share the writes (none is full) and command p99 falls to about 30 ms. Same data, same shards, only the rule that places the keys changed.',
    label: 'Range partitioning',
    variants: [{ id: 'hot-shard-hash', label: 'Hash partitioning', set: { 'writeStore.partitioning': 'hash' } }],
    scenario: hotShard,
  },
  {
    id: 'cache-invalidation',
    title: 'Cache expiry (TTL) against event-driven invalidation',
    question: 'q9',
    concept:
      'A cache in front of the read store keeps each entry for 30 s. With time-based expiry only, a cached entry stays as it is for up to 30 s after the data changed; with event-driven invalidation the projector removes it as soon as it applies the change.',
    lookAt:
      'TTL only: the hit ratio is near 97%, but about 80% of answers are stale and almost every follow-up read misses the user\u2019s own write. Switch to "Event-driven": stale answers fall to about 5% for a hit ratio near 80%. The stale answers left come from replicas that had not yet caught up.',
    label: 'TTL only',
    variants: [{ id: 'cache-invalidation-event', label: 'Event-driven', set: { 'cache.invalidation': 'event' } }],
    scenario: cacheInvalidation,
  },
  {
    id: 'cache-race',
    title: 'The stale refill: invalidation racing a lagging replica',
    question: 'q9',
    concept:
      'Event-driven invalidation is not enough when replicas lag: the projector deletes a key, the next miss reads a replica that has not caught up, and the old value goes back into the cache. At 60 s the replicas are removed and reads go to the primary.',
    lookAt:
      'Stale reads near 99% for the first minute, with a cache hit ratio near 80%. After 60 s, with reads on the primary, stale reads fall below 1% within seconds. The cache alone was not the problem: where the miss reads from was.',
    scenario: cacheRace,
  },
  {
    id: 'projector-lag',
    title: 'Projector lag: the stream cut and caught up',
    question: 'q6',
    concept:
      'The event stream is cut from the projectors for 20 s. Commands keep committing (they do not wait for the read side); events wait in the stream. Projectors scale on lag.',
    lookAt:
      'Stream lag grows by about 330 events a second during the cut (to about 6,600 events, 20 s) and stale reads reach about 60%, while command p99 stays near 24 ms. Auto-scaling adds projectors and the backlog is gone within 5 s of the heal. Later, scaling in pauses the group for a rebalance and lag jumps again for a few seconds.',
    scenario: projectorLag,
  },
  {
    id: 'indexing',
    title: 'Indexing the read model',
    question: 'q8',
    concept:
      'The read model has no index for the queries it gets, so each read scans: 20 times the work of an indexed lookup. Nothing else is wrong.',
    lookAt:
      'Unindexed: query p50 about 32 ms and p99 about 190 ms, with the read replicas doing all the work. Switch to "Indexed": p50 about 4 ms and p99 under 20 ms, with no other change.',
    label: 'No index',
    variants: [{ id: 'indexing-indexed', label: 'Indexed', set: { 'readStore.indexed': true } }],
    scenario: indexing,
  },
  {
    id: 'load-balancer-slow',
    title: 'Load balancers and one slow instance',
    question: 'q2',
    concept:
      'Four query instances; from 30 s to 90 s one of them runs ten times slower but still answers its health checks (a gray failure). Round-robin keeps sending it a quarter of the traffic.',
    lookAt:
      'Round-robin: the slow instance\u2019s queue fills, about 9,700 queries are rejected and p99 reaches about 1.6 s. Switch to "Least connections": the balancer sends less to the instance that holds many requests; no rejections and p99 about 50 ms.',
    label: 'Round-robin',
    variants: [{ id: 'load-balancer-slow-least-connections', label: 'Least connections', set: { 'queryService.loadBalancer': 'least-connections' } }],
    scenario: loadBalancerSlow,
  },
  {
    id: 'read-replicas',
    title: 'Read replicas and replication lag',
    question: 'q2',
    concept:
      'One read replica cannot serve 2,250 queries a second; at 60 s the read store goes to 4 replicas. Each replica receives changes 300 ms after the primary.',
    lookAt:
      'Before 60 s: about 700 queries rejected a second, p99 near 2 s. After: none rejected, p99 near 30 ms. The cost is freshness: a follow-up read 100 ms after a write reads a replica that has not seen it, and most follow-up reads miss the user\u2019s own write (read-your-writes).',
    scenario: readReplicas,
  },
  {
    id: 'retry-storm',
    title: 'A retry storm after a crash',
    question: 'q7',
    concept:
      'Three query instances at 70% load; one crashes at 30 s for 20 s. Clients retry timed-out and rejected requests up to three times, quickly. At 80 s a retry budget is switched on (at most one retry per ten requests).',
    lookAt:
      'After the crash the two survivors are overloaded; retries multiply the attempts about fourfold and no query succeeds. The crashed instance is back at 50 s, yet the storm goes on: the retries alone keep every instance full. Only the retry budget at 80 s ends it, within a few seconds. Throughput and failures by cause show it best.',
    scenario: retryStorm,
  },
  {
    id: 'default',
    title: 'A quiet system: reading the figures',
    question: 'q7',
    concept:
      'The built-in scenario: 400 requests a second, one in five a command, everything well within capacity. A baseline for what healthy figures look like.',
    lookAt:
      'Response times (p50 about 4 ms, p99 about 17 ms for queries), throughput equal to what is offered, utilisation well under 50%, consistency lag of a few milliseconds. Then change one thing at a time and watch which figure moves first.',
    scenario: defaultScenario,
  },
];
