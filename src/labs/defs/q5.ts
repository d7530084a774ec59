import type { LabDef } from '../labTypes';

/** Quiz question 5: a distributed cache takes load off the query store. */
export const lab: LabDef = {
  id: 'q5',
  n: 5,
  title: 'A cache in front of the read store',
  question: 'What does a distributed cache give a CQRS system?',
  goal: 'Take most of the reads off the overloaded read store with the distributed cache, without adding replicas.',
  scenario: {
    version: 1,
    name: 'Lab 5: the read store is the bottleneck',
    durationS: 20,
    warmupS: 4,
    workload: { rps: 1500, writeRatio: 0.05, keys: { count: 10000, distribution: 'zipf', zipfS: 1.1 } },
    queryService: { instances: 4 },
    readStore: { replicas: 1, connectionsPerReplica: 8, queryLatencyMs: { type: 'exponential', meanMs: 6 } },
  },
  prediction: {
    question: 'Popular products are read again and again. With the cache on, the load on the read store will…',
    options: [
      { id: 'fall', text: '…fall by about the share of reads the cache answers.' },
      { id: 'same', text: '…stay the same: every query still reads the store.' },
      { id: 'rise', text: '…rise: the cache has to be filled from the store.' },
    ],
    answer: 'fall',
  },
  steps: [
    { text: 'Look at the read store in the topology: its one replica is fully busy.', part: 'readStore' },
    { text: 'Select the cache and turn it on (Cache on).', field: 'cache.enabled', value: true },
    { text: 'Keep 1 replica, and run the lab.', field: 'readStore.replicas', value: 1 },
  ],
  notice: {
    text: 'The cache chart shows the share of queries answered from the cache. The read store\u2019s line on the utilisation chart (and the replica\u2019s load bar in the topology) drops, and the query latency chart follows. The stale-read line on the cache chart is the cache’s price: the debrief says where it comes from.',
    charts: ['cache-hit-ratio-and-stale-reads', 'utilisation', 'query-latency'],
    parts: ['cache', 'readStore'],
  },
  look: {
    text: 'Where does a stale read come from? Follow the slowest command: past its reply, its waterfall shows its write on its way to the read side. It is appended to the stream, may wait in its partition behind earlier events, is applied by a projector to the read model\u2019s primary, and is then copied to each replica; here the copy takes longest. Until the copy reaches a replica, a query served by that replica reads the old version: that is replica lag. The cache\u2019s copy lags in its own way: it is as old as the moment it was filled, and stays so until its TTL ends or an event refreshes it. Where the time goes shows the same stages for all changes under Consistency lag (to the primary).',
    open: ['slowest-command', 'stages'],
  },
  check: {
    text: 'Over half the queries answered by the cache, the busiest read node under 60% busy, query p99 under 50 ms, with 1 replica, at the full load.',
    terms: [
      { figure: 'queries.cacheHitRatio', op: '>', limit: 0.5, label: 'cache hit ratio', unit: '%' },
      { figure: 'readStore.busiestUtilization', op: '<', limit: 0.6, label: 'busiest read node', unit: '%' },
      { figure: 'queries.latencyMs.p99', op: '<', limit: 50, label: 'query p99', unit: 'ms' },
      { figure: 'replicas.instances.max', op: '<=', limit: 1, label: 'read replicas', unit: '' },
      { figure: 'queries.offeredRps', op: '>=', limit: 1350, label: 'query load offered', unit: 'req/s' },
    ],
  },
  compare: [
    { figure: 'queries.staleReadRatio', label: 'stale reads', unit: '%' },
    { figure: 'replicaLagMs.p99', label: 'replica lag p99', unit: 'ms' },
  ],
  debrief: [
    'A cache keeps recent answers in memory, spread over several nodes by key. A query it can answer never reaches the read store, so the store\u2019s load falls by the hit ratio; here most reads are of a few popular keys, so the hit ratio is high.',
    'The cache cost no new replica. Its price is elsewhere: an answer from the cache may be older than the data. The stale-read line on the same chart shows how often; lab 9 is about that.',
    'Where the stale reads come from: a read is stale when it returns an older version of a key than the write model holds. There are two sources. The replicas get each change only after the projector has applied it and the replication delay has passed (replica lag p99 {after:replicaLagMs.p99} here), so a query that reads a replica just after a write gets the old version, cache or no cache. The cache adds its own: an entry is a copy taken when it was filled, served until its TTL ends however often the key changes, and a miss may refill it from a replica that is itself behind. Here {after:queries.staleReadRatio} of the queries were stale with the cache on, against {before:queries.staleReadRatio} without it.',
  ],
};
