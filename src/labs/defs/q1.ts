import type { LabDef } from '../labTypes';

/** Quiz question 1: the key principle, independent scaling of the command and query models. */
export const lab: LabDef = {
  id: 'q1',
  n: 1,
  title: 'Scale the side that needs it',
  question: 'What is the key principle of scaling a CQRS system?',
  goal: 'Bring query response times down by scaling the query side alone, leaving the command side as it is.',
  scenario: {
    version: 1,
    name: 'Lab 1: reads outgrow the query side',
    durationS: 20,
    warmupS: 4,
    workload: { rps: 1500, writeRatio: 0.1 },
  },
  prediction: {
    question: 'You will add query instances and leave the command service alone. What happens to the response times of commands?',
    options: [
      { id: 'fall', text: 'They fall as well: the whole system gets faster.' },
      { id: 'same', text: 'They stay about the same: the two sides scale separately.' },
      { id: 'rise', text: 'They rise: the new query instances take resources from the commands.' },
    ],
    answer: 'same',
  },
  steps: [
    { text: 'Select the query service in the topology: as the lab opened, its starting system ran, and its instances were busy all the time with queues building up.', part: 'queryService' },
    { text: 'Set the query service to 4 instances (the + under it, or the Instances field).', field: 'queryService.instances', value: 4 },
    { text: 'Leave the command service at 2 instances, and run the lab.', field: 'commandService.instances', value: 2 },
  ],
  notice: {
    text: 'Compare the query latency chart with the command latency chart: one falls a long way, the other hardly moves. The command service in the topology stays lightly loaded throughout.',
    charts: ['query-latency', 'command-latency'],
    parts: ['queryService', 'commandService'],
  },
  check: {
    text: 'At the full load, query p99 under 30 ms with no more than 1% of queries lost, using at most 4 query instances and still 2 command instances.',
    terms: [
      { figure: 'queries.latencyMs.p99', op: '<', limit: 30, label: 'query p99', unit: 'ms' },
      { figure: 'queries.lostShare', op: '<=', limit: 0.01, label: 'queries rejected or timed out', unit: '%' },
      { figure: 'queryService.instances.max', op: '<=', limit: 4, label: 'query instances (most at once)', unit: '' },
      { figure: 'commandService.instances.max', op: '<=', limit: 2, label: 'command instances (most at once)', unit: '' },
      { figure: 'queries.offeredRps', op: '>=', limit: 1300, label: 'query load offered', unit: 'req/s' },
    ],
  },
  compare: [
    { figure: 'queries.latencyMs.p99', label: 'query p99', unit: 'ms' },
    { figure: 'commands.latencyMs.p99', label: 'command p99', unit: 'ms' },
  ],
  debrief: [
    'Nine requests in ten here are reads. In a CQRS system the query model runs as its own service, so the extra capacity goes exactly where the load is: the query side doubled and the command side did not change.',
    'Command p99 stayed near {after:commands.latencyMs.p99} because nothing on the write path changed, while query p99 went from {before:queries.latencyMs.p99} to {after:queries.latencyMs.p99}. Scaling each side to its own load is the point of separating them; a single shared service would have had to grow as a whole.',
  ],
};
