import type { LabDef } from '../labTypes';

/** Quiz question 2: horizontal scaling, more instances sharing the load. */
export const lab: LabDef = {
  id: 'q2',
  n: 2,
  title: 'Scale out: more instances share the load',
  question: 'What does horizontal scaling mean for a CQRS service?',
  goal: 'Serve about 1,700 queries a second with p99 under 50 ms by adding query instances, each keeping its 2 vCPUs.',
  scenario: {
    version: 1,
    name: 'Lab 2: one query instance is not enough',
    durationS: 20,
    warmupS: 4,
    workload: { rps: 1800, writeRatio: 0.05 },
    queryService: { instances: 1 },
  },
  prediction: {
    question: 'One query instance serves about 650 queries a second. How many will it take to keep up with 1,700 a second?',
    options: [
      { id: '2', text: '2 instances' },
      { id: '3', text: '3 instances' },
      { id: '6', text: '6 instances' },
      { id: 'never', text: 'Adding instances cannot do it: each must be made faster.' },
    ],
    answer: '3',
  },
  steps: [
    { text: 'Select the query service: its one instance is full and its queue is long.', part: 'queryService' },
    { text: 'Add query instances until there are 3 (the + under the query service, or the Instances field).', field: 'queryService.instances', value: 3 },
    { text: 'Keep vCPUs per instance at 2, and run the lab.', field: 'queryService.vcpus', value: 2 },
  ],
  notice: {
    text: 'In the topology the load balancer spreads the queries over the instances, each about equally busy. On the query throughput chart, completed queries now match the offered ones: nothing is rejected.',
    charts: ['query-throughput', 'utilisation'],
    parts: ['queryService'],
  },
  check: {
    text: 'At least 1,600 queries a second completed, p99 under 50 ms, under 1% lost, with instances of 2 vCPUs at their usual speed.',
    terms: [
      { figure: 'queries.throughputRps', op: '>=', limit: 1600, label: 'queries completed', unit: 'req/s' },
      { figure: 'queries.latencyMs.p99', op: '<', limit: 50, label: 'query p99', unit: 'ms' },
      { figure: 'queries.lostShare', op: '<', limit: 0.01, label: 'queries rejected or timed out', unit: '%' },
      { figure: 'queryService.vcpusPerInstance', op: '<=', limit: 2, label: 'vCPUs per query instance', unit: '' },
      { figure: 'setting:queryService.speed', op: '<=', limit: 1, label: 'speed per vCPU', unit: '' },
    ],
  },
  debrief: [
    'Horizontal scaling adds instances of the same size behind a load balancer. Each instance here gives about 650 queries a second, so capacity grows in steps of that size: 3 instances give about 2,000, enough for 1,700 with some room to spare.',
    'Room to spare matters: near full use, queues form and the slowest requests wait longest, which is what p99 measures. Instances are also separate failure domains: losing one of three costs a third of the capacity, not all of it.',
  ],
};
