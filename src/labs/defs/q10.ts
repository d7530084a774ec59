import type { LabDef } from '../labTypes';

/** Quiz question 10 (true or false): vertical scaling adds more instances. False: it makes one bigger. */
export const lab: LabDef = {
  id: 'q10',
  n: 10,
  title: 'Scale up: a bigger instance, not more',
  question: 'True or false: vertical scaling adds more instances of a service.',
  goal: 'Handle about 1,200 queries a second with the one query instance you have, by giving it more vCPUs.',
  scenario: {
    version: 1,
    name: 'Lab 10: one instance, too small',
    durationS: 20,
    warmupS: 4,
    workload: { rps: 1300, writeRatio: 0.1 },
    queryService: { instances: 1 },
  },
  prediction: {
    question: 'You will raise the query instance from 2 to 8 vCPUs. How many query instances will the topology show afterwards?',
    options: [
      { id: '1', text: 'One: the same instance, bigger.' },
      { id: '4', text: 'Four: one for each pair of vCPUs.' },
      { id: '8', text: 'Eight: one per vCPU.' },
    ],
    answer: '1',
  },
  steps: [
    { text: 'Select the query service: one instance with 2 vCPUs, full and queueing.', part: 'queryService' },
    { text: 'Set vCPUs per instance to 8.', field: 'queryService.vcpus', value: 8 },
    { text: 'Keep Instances at 1, and run the lab.', field: 'queryService.instances', value: 1 },
  ],
  notice: {
    text: 'The topology still shows one query instance, now labelled 8 vCPU. Its load falls on the utilisation chart, and the query latency chart follows.',
    charts: ['utilisation', 'query-latency'],
    parts: ['queryService'],
  },
  check: {
    text: 'At the full load, query p99 under 30 ms with under 1% lost, on a single query instance costing at most $0.003 for the run.',
    terms: [
      { figure: 'queries.latencyMs.p99', op: '<', limit: 30, label: 'query p99', unit: 'ms' },
      { figure: 'queries.lostShare', op: '<', limit: 0.01, label: 'queries rejected or timed out', unit: '%' },
      { figure: 'queryService.instances.max', op: '<=', limit: 1, label: 'query instances', unit: '' },
      { figure: 'queryService.cost.usd', op: '<=', limit: 0.003, label: 'query service cost', unit: 'USD' },
      { figure: 'queries.offeredRps', op: '>=', limit: 1130, label: 'query load offered', unit: 'req/s' },
    ],
  },
  debrief: [
    'False: vertical scaling makes an instance bigger (more vCPUs, faster cores, more memory); horizontal scaling adds instances. The count stayed at one while its capacity quadrupled.',
    'It is quick, and nothing about the load balancing changes. But it has limits: machines come only so large (192 vCPUs here), cores only so fast (speed at most 2), and the vCPUs of one machine contend for shared memory and locks, so each added vCPU gives less: 4 vCPUs are not quite enough here although 2 vCPUs serve over half the load. Bigger machines also cost more per vCPU, so 16 or 64 vCPUs pass the latency but fail the cost. And one instance is one failure domain: if it crashes, all the capacity goes with it.',
  ],
};
