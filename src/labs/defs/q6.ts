import type { LabDef } from '../labTypes';

/** Quiz question 6: an event stream handles bursts of events asynchronously. */
export const lab: LabDef = {
  id: 'q6',
  n: 6,
  title: 'The stream absorbs a burst of writes',
  question: 'How do event queues and streams help a CQRS system?',
  goal: 'Keep the read model within half a second of the writes through a burst of orders by giving the stream more projectors.',
  scenario: {
    version: 1,
    name: 'Lab 6: a burst of orders',
    durationS: 30,
    warmupS: 4,
    workload: { profile: [{ atS: 0, rps: 400 }, { atS: 8, rps: 3000 }, { atS: 16, rps: 400 }], writeRatio: 0.5 },
    commandService: { instances: 4 },
    queryService: { instances: 4 },
    eventStream: { partitions: 8, projectors: 1 },
  },
  prediction: {
    question: 'During the burst one projector cannot keep up with the events. What happens to the response times of the commands?',
    options: [
      { id: 'rise', text: 'They rise sharply: commands wait for the read model.' },
      { id: 'low', text: 'They stay low: a command is done once it is committed, and the stream holds the events.' },
      { id: 'fail', text: 'Commands start to fail.' },
    ],
    answer: 'low',
  },
  steps: [
    { text: 'Select the event stream: 8 partitions, all read by one projector.', part: 'eventStream' },
    { text: 'Set Projectors to 4, so that each takes two partitions.', field: 'eventStream.projectors', value: 4 },
    { text: 'Run the lab and watch the burst from 8 s to 16 s.', part: 'eventStream' },
  ],
  notice: {
    text: 'On the lag chart the stream lag climbs during the burst and drains after it; the command latency chart stays flat whatever the projectors do. The partitions in the topology show their backlog.',
    charts: ['consistency-lag-and-stream-lag', 'command-latency'],
    parts: ['eventStream'],
  },
  check: {
    text: 'Through the whole burst, consistency lag p99 under 500 ms and command p99 under 50 ms, with more than one projector.',
    terms: [
      { figure: 'consistencyLagMs.p99', op: '<', limit: 500, label: 'consistency lag p99', unit: 'ms' },
      { figure: 'commands.latencyMs.p99', op: '<', limit: 50, label: 'command p99', unit: 'ms' },
      { figure: 'commands.offeredRps', op: '>=', limit: 570, label: 'command load offered', unit: 'req/s' },
      { figure: 'projectors.instances.max', op: '>=', limit: 2, label: 'projectors (most at once)', unit: '' },
    ],
  },
  debrief: [
    'A command ends when its change is committed; the event that records it goes onto the stream and is applied to the read model later, asynchronously. So a burst of writes does not slow the commands: the stream keeps the events in order until the projectors take them.',
    'What the burst costs is freshness: the read model falls behind (eventual consistency). More projectors in the consumer group share the partitions and drain the backlog faster; past one projector per partition, more would sit idle.',
  ],
};
