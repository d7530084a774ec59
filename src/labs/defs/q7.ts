import type { LabDef } from '../labTypes';

/** Quiz question 7: response times are a key metric to watch. */
export const lab: LabDef = {
  id: 'q7',
  n: 7,
  title: 'Watch the response times',
  question: 'Which metric is key to monitor in a CQRS system?',
  goal: 'Find the slow query instance from the response times, and bring query p99 back under 40 ms by letting the load balancer avoid it.',
  scenario: {
    version: 1,
    name: 'Lab 7: one slow instance',
    durationS: 20,
    warmupS: 4,
    workload: { rps: 800, writeRatio: 0.1 },
    queryService: { instances: 4, loadBalancer: 'round-robin' },
    faults: [{ atS: 0, kind: 'slow', target: 'queryService', instance: 0, factor: 3 }],
  },
  prediction: {
    question: 'One of the four query instances is three times slower than the others. Which figure will show it most clearly?',
    options: [
      { id: 'throughput', text: 'Throughput: fewer queries are served.' },
      { id: 'p50', text: 'The median (p50) response time.' },
      { id: 'p99', text: 'The 99th percentile (p99) response time.' },
    ],
    answer: 'p99',
  },
  steps: [
    { text: 'Compare p50 and p99 on the query latency chart: the lab ran its starting system as it opened.', part: 'queryService' },
    { text: 'Select the query service and set its Load balancer to least-connections, which sends each query to the instance with the fewest in progress.', field: 'queryService.loadBalancer', value: 'least-connections' },
    { text: 'Leave the slow instance as it is (the Faults settings), and run again.', part: 'faults' },
  ],
  notice: {
    text: 'The median hardly moves: most queries go to healthy instances. The p99 line shows the queries stuck behind the slow one, which is marked slow in the topology.',
    charts: ['query-latency', 'query-throughput'],
    parts: ['queryService'],
  },
  check: {
    text: 'At the full load, query p99 under 40 ms with the slow instance still in place and still 4 query instances.',
    terms: [
      { figure: 'queries.latencyMs.p99', op: '<', limit: 40, label: 'query p99', unit: 'ms' },
      { figure: 'setting:faults', op: '>=', limit: 1, label: 'faults in place', unit: '' },
      { figure: 'queries.lostShare', op: '<', limit: 0.01, label: 'queries rejected or timed out', unit: '%' },
      { figure: 'queries.offeredRps', op: '>=', limit: 700, label: 'query load offered', unit: 'req/s' },
      { figure: 'queryService.instances.max', op: '<=', limit: 4, label: 'query instances (most at once)', unit: '' },
    ],
  },
  compare: [{ figure: 'queries.latencyMs.p50', label: 'query p50', unit: 'ms' }],
  debrief: [
    'Throughput stayed the same and the median barely changed, yet a few users in every hundred waited several times longer. Response times, and their high percentiles above all, show what users feel; averages and counts hide a slow minority.',
    'Round-robin gives every instance the same share, slow or not. Least-connections sees queries pile up on the slow instance and sends fewer there. The instance is still slow: the metric told you where to look, and the fix is to replace it.',
  ],
};
