import type { LabDef } from '../labTypes';

/** Quiz question 3: auto-scaling, capacity that follows demand. */
export const lab: LabDef = {
  id: 'q3',
  n: 3,
  title: 'Auto-scaling follows the load',
  question: 'Which strategy adjusts capacity to demand in the cloud?',
  goal: 'Let the query service grow by itself when the load jumps, so that few queries are lost while it starts small.',
  scenario: {
    version: 1,
    name: 'Lab 3: a jump in load',
    durationS: 60,
    warmupS: 5,
    workload: { profile: [{ atS: 0, rps: 400 }, { atS: 15, rps: 2000, rampS: 5 }], writeRatio: 0.1 },
  },
  prediction: {
    question: 'The load jumps at 15 s. Once auto-scaling is on, when will new query instances start serving?',
    options: [
      { id: 'now', text: 'At once, as the load rises.' },
      { id: 'later', text: 'Some seconds later: after the next check of the load, plus the time a new instance takes to boot.' },
      { id: 'never', text: 'Never: auto-scaling only removes idle instances to save money.' },
    ],
    answer: 'later',
  },
  steps: [
    { text: 'Select the query service and turn on its Auto-scaling (target: 60% CPU).', field: 'queryService.autoscaling', value: { metric: 'cpu', target: 0.6 } },
    { text: 'Set its Minimum to 2 instances, so it never shrinks below today\u2019s size while the load is low.', field: 'queryService.autoscaling.min', value: 2 },
    { text: 'Set its Boot time of a new instance to 5 s: a small container image starts faster.', field: 'queryService.autoscaling.bootS', value: 5 },
    { text: 'Set its Evaluation interval to 5 s, so it looks at the load more often, and run the lab.', field: 'queryService.autoscaling.intervalS', value: 5 },
  ],
  notice: {
    text: 'Watch the instances chart: the dashed booting line rises first, then the ready line. Until the new instances serve, the query throughput chart shows rejected queries; after that they stop.',
    charts: ['instances', 'query-throughput'],
    parts: ['queryService'],
  },
  check: {
    text: 'At the full load, under 5% of queries lost, the query service starting from at most 2 instances and scaling itself at least once.',
    terms: [
      { figure: 'queries.lostShare', op: '<', limit: 0.05, label: 'queries rejected or timed out', unit: '%' },
      { figure: 'queryService.instances.min', op: '<=', limit: 2, label: 'query instances (fewest at once)', unit: '' },
      { figure: 'queryService.scalingActionCount', op: '>=', limit: 1, label: 'scaling actions', unit: '' },
      { figure: 'queries.offeredRps', op: '>=', limit: 1400, label: 'query load offered', unit: 'req/s' },
    ],
  },
  compare: [{ figure: 'queryService.instances.max', label: 'query instances (most at once)', unit: '' }],
  debrief: [
    'Auto-scaling watches a metric (here CPU use) and sets the number of instances to keep it near a target: 2 instances at 60% CPU became {after:queryService.instances.max} when the load rose. Nobody had to be awake to do it, and at night it would shrink again.',
    'It is never instant. A change is seen only at the next check, a new instance has to boot before it serves, and a cooldown spaces the actions. The queries lost in those seconds are the price; a schedule that adds capacity before a known peak (pre-warming) avoids it.',
  ],
};
