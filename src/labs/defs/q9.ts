import type { LabDef } from '../labTypes';

/** Quiz question 9: the common challenge, keeping the cache consistent with the data. */
export const lab: LabDef = {
  id: 'q9',
  n: 9,
  title: 'Keep the cache consistent',
  question: 'What is a common challenge when scaling a CQRS system?',
  goal: 'Cut stale reads from the cache to under 5% while it still answers most queries, by invalidating cached entries when their data changes.',
  scenario: {
    version: 1,
    name: 'Lab 9: a cache that serves old data',
    durationS: 20,
    warmupS: 4,
    workload: { rps: 800, writeRatio: 0.2, keys: { count: 1000, distribution: 'zipf', zipfS: 1.1 } },
    cache: { enabled: true, ttlS: 30, invalidation: 'ttl' },
  },
  prediction: {
    question: 'Entries now live for 30 s in the cache whatever happens to the data. If the projector also refreshes an entry whenever its data changes, stale reads will…',
    options: [
      { id: 'zero', text: '…vanish completely.' },
      { id: 'few', text: '…fall to a few percent or less, but not quite zero.' },
      { id: 'same', text: '…stay about the same.' },
    ],
    answer: 'few',
  },
  steps: [
    { text: 'Look at the cache chart: in the starting system, run as the lab opened, the cache answers most queries and the stale-read line is high.', part: 'cache' },
    { text: 'Select the cache and set Invalidation to ttl+event: the projector acts on an entry whenever it applies a change to its key.', field: 'cache.invalidation', value: 'ttl+event' },
    { text: 'Set On an event to update: the projector writes the new value into the cache instead of deleting the entry.', field: 'cache.onEvent', value: 'update' },
    { text: 'Keep the cache on, and run again.', field: 'cache.enabled', value: true },
  ],
  notice: {
    text: 'On the cache chart the stale-read line falls while the hit ratio stays high. A few stale reads remain: between a write and the projector applying it, the cache still holds the old value. Stale reads come from two places: the cache’s copy, and the replicas’ lag behind the read model (the replica lines on the lag chart).',
    charts: ['cache-hit-ratio-and-stale-reads'],
    parts: ['cache'],
  },
  look: {
    text: 'Where does a stale read come from? Follow the slowest command: past its reply, its waterfall shows its write on its way to the read side. It is appended to the stream, may wait in its partition behind earlier events, is applied by a projector to the read model\u2019s primary, and is then copied to each replica; here the copy takes longest. Until the copy reaches a replica, a query served by that replica reads the old version: that is replica lag. The cache\u2019s copy lags in its own way: it is as old as the moment it was filled, and stays so until its TTL ends or an event refreshes it. Where the time goes shows the same stages for all changes under Consistency lag (to the primary).',
    open: ['slowest-command', 'stages'],
  },
  check: {
    text: 'With the writes still coming, stale reads under 5% and a cache hit ratio over 50%.',
    terms: [
      { figure: 'queries.staleReadRatio', op: '<', limit: 0.05, label: 'stale reads', unit: '%' },
      { figure: 'queries.cacheHitRatio', op: '>', limit: 0.5, label: 'cache hit ratio', unit: '%' },
      { figure: 'commands.offeredRps', op: '>=', limit: 150, label: 'command load offered', unit: 'req/s' },
    ],
  },
  compare: [{ figure: 'replicaLagMs.p99', label: 'replica lag p99', unit: 'ms' }],
  debrief: [
    'A cache entry is a copy, and a copy goes out of date when the data changes. With time-based invalidation alone, popular keys that change often are served old for up to the whole TTL.',
    'Event-driven invalidation uses the same events that update the read model to fix the copies they make stale, so the cache follows the data within the projection\u2019s lag. Deleting the entry instead of updating it leaves a race: the next read misses, reads a replica that has not caught up yet, and puts the old value back (try it: stale reads stay near half). Keeping caches consistent is a real cost of scaling reads.',
    'Stale reads do not need a cache. A query that reads a replica gets each change only after the projector has applied it and the replication delay has passed: replica lag p99 was {before:replicaLagMs.p99} before and {after:replicaLagMs.p99} after. Turn the cache off and every query reads a replica, so a key read within that lag of a write comes back old: that is why stale reads stay high with the cache off. A cache updated by the events gets the new value when the projector applies it, without waiting for the replicas, so it can be fresher than the replicas behind it: stale reads went from {before:queries.staleReadRatio} to {after:queries.staleReadRatio}.',
  ],
};
