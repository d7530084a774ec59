import type { LabDef } from '../labTypes';

/** Quiz question 8: indexing speeds up the read model. */
export const lab: LabDef = {
  id: 'q8',
  n: 8,
  title: 'Index the read model',
  question: 'Which technique speeds up the database of a CQRS system?',
  goal: 'Bring query p99 under 30 ms by indexing the read model, without adding read replicas.',
  scenario: {
    version: 1,
    name: 'Lab 8: every query is a full scan',
    durationS: 20,
    warmupS: 4,
    workload: { rps: 800, writeRatio: 0.1 },
    readStore: { replicas: 2, indexed: false, unindexedFactor: 20 },
  },
  prediction: {
    question: 'Every query reads the whole table because the field it looks up has no index. Once it has one, query p99 will…',
    options: [
      { id: 'lot', text: '…drop a long way: each read finds its row directly.' },
      { id: 'little', text: '…drop a little: the query service is the slow part.' },
      { id: 'none', text: '…not change unless you add replicas.' },
    ],
    answer: 'lot',
  },
  steps: [
    { text: 'Select the read store: it says NOT indexed, and its nodes are busy.', part: 'readStore' },
    { text: 'Tick Indexed read model.', field: 'readStore.indexed', value: true },
    { text: 'Keep 2 replicas, and run the lab.', field: 'readStore.replicas', value: 2 },
  ],
  notice: {
    text: 'On the query latency chart the p99 line drops by more than ten times from the faint “before” line of the starting system. In the topology the read nodes go from busy to nearly idle with the same number of queries.',
    charts: ['query-latency'],
    parts: ['readStore'],
  },
  check: {
    text: 'At the full load, query p99 under 30 ms with at most 2 read replicas, the read model indexed.',
    terms: [
      { figure: 'queries.latencyMs.p99', op: '<', limit: 30, label: 'query p99', unit: 'ms' },
      { figure: 'replicas.instances.max', op: '<=', limit: 2, label: 'read replicas', unit: '' },
      { figure: 'setting:readStore.indexed', op: '>=', limit: 1, label: 'read model indexed', unit: 'yes/no' },
      { figure: 'queries.offeredRps', op: '>=', limit: 700, label: 'query load offered', unit: 'req/s' },
    ],
  },
  debrief: [
    'Without an index the database reads every row to find one; with it, it goes straight to the row. Here that is 20 times less work per query: query p99 went from {before:queries.latencyMs.p99} to {after:queries.latencyMs.p99}, on the same 2 replicas.',
    'More replicas would have shared the load, but every single read would still be a slow full scan: scaling out does not shorten a request. Tune the query first, then scale.',
  ],
};
