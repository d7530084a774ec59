/** The event stream and its projectors: how committed changes reach the query model, and how far behind it is. */
import { MAX_DELAY_MS } from '../../input/bounds';
import { MAX_PROJECTORS, type FieldSpec } from '../../input/fieldSpec';
import { constant, exp, group, summary, type BuiltinDecl } from './declaration';
import type { BuiltinView } from './page';

const EVENT_STREAM = [
  ['partitions', 'integer', 'fixed', ['partitions', 1, 1024], 'Partitions of the event stream. Events of one key stay in order in one partition; each partition is read by one projector, so partitions cap how many projectors can work.'],
  ['appendLatencyMs', 'latency', '', ['ms'], 'Time to append a committed change to the event stream as an event.'],
  ['synchronousAppend', 'boolean', '', null, 'The command answers only once its event is in the stream (safer, slower); otherwise it answers at commit.'],
  ['projectors', 'integer', '', ['projectors', 0, MAX_PROJECTORS], 'Projectors: the consumer group that applies events from the stream to the query model. More than partitions leaves some idle; any change pauses the group for a rebalance.'],
  ['applyLatencyMs', 'latency', '', ['ms'], 'Time a projector takes to apply one event to the query model.'],
  ['rebalanceMs', 'number', '', ['ms', 0, MAX_DELAY_MS], 'How long the consumer group stops while partitions are handed out again, whenever projectors are added or removed.'],
  ['autoscaling', 'group', 'optional', null, 'Auto-scaling of the projectors, on stream lag or cpu.'],
] as const satisfies readonly FieldSpec[];

export const projectionDecl = {
  name: 'projection',
  sections: {
    eventStream: {
      help: 'The event stream that carries committed changes from the command model to the query model, and the projectors that apply them.',
      lines: EVENT_STREAM,
      defaults: { partitions: 8, appendLatencyMs: constant(2), synchronousAppend: false, projectors: 2, applyLatencyMs: exp(1), rebalanceMs: 2000 },
    },
  },
  figures: [
    { at: 60, rows: summary('consistencyLagMs', 'ms', 'consistency lag: time from a command\'s commit to its change being visible in the query model\'s primary') },
    {
      at: 120,
      rows: [
        ['eventStream.maxLagEvents', 'events', 'Greatest stream lag in events: appended to the event stream but not yet applied by a projector.'],
        ['eventStream.maxLagMs', 'ms', 'Greatest stream lag in time: the age of the oldest event not yet applied to the read model.'],
        ...group('projectors', 'projectors'),
        ['projectors.utilization', 'ratio', 'Utilisation of the projectors: the share of time they were applying events.'],
      ],
    },
  ],
  windowFigures: [
    {
      at: 30,
      rows: [
        ['consistencyLagP50Ms', 'ms', 'Median time from commit to visible in the read model (the primary), events applied in the window.'],
        ['consistencyLagP99Ms', 'ms', '99th percentile of commit to visible in the read model in the window.'],
      ],
    },
    {
      at: 50,
      rows: [
        ['streamLagEvents', 'events', 'Events appended and not yet applied, at the end of the window.'],
        ['streamLagMs', 'ms', 'Age of the oldest unapplied event at the end of the window.'],
      ],
    },
    { at: 100, rows: [['projectors', 'projectors', 'Projectors in the consumer group at the end of the window.']] },
  ],
  labels: {
    subjects: { projectors: 'Projectors:', eventStream: 'Event stream:' },
    measures: { consistencyLagMs: 'consistency lag (commit to read model)' },
    words: {
      maxLagEvents: 'greatest lag (events)',
      maxLagMs: 'greatest lag (age)',
      consistencyLagP50Ms: 'Consistency lag p50 (commit to read model)',
      consistencyLagP99Ms: 'Consistency lag p99 (commit to read model)',
      streamLagEvents: 'Stream lag (events)',
      streamLagMs: 'Stream lag (age)',
      projectors: 'Projectors serving',
    },
  },
} as const satisfies BuiltinDecl;

/** How the page shows it (`page.ts`): apart from the declaration, so that the engine's bundles, which read only that, leave it out. */
export const projectionView = {
  name: 'projection',
  pages: [
    {
      in: 'eventStream',
      section: 'eventStream',
      title: 'Event stream',
      about: 'Key-ordered partitions; a group of projectors applies events to the read model.',
      fields: [
        ['partitions', 'Partitions', { unit: '', stepper: true }],
        ['projectors', 'Projectors', { unit: '', stepper: true }],
        ['appendLatencyMs', 'Append latency'],
        ['synchronousAppend', 'Command waits for the append'],
        ['applyLatencyMs', 'Apply latency (per event)'],
        ['rebalanceMs', 'Rebalance pause'],
        ['autoscaling', 'Auto-scaling (projectors)', { editor: 'autoscaling', metrics: ['lag', 'cpu'] }],
      ],
    },
  ],
  charts: [
    {
      at: 70,
      title: 'Consistency lag and stream lag',
      help: "How far the query model is behind the command model: the time from a commit to the change showing in the read model's primary, and on every read replica (what a query may read), as p50 and p99; and the age of the oldest event the projectors have not applied yet (stream lag). Eventual consistency made visible.",
      unit: 'lag (ms)',
      format: 'ms',
      minTop: 5,
      lines: [
        ['consistencyLagP50Ms', 'read model p50', 'var(--c1)'],
        ['consistencyLagP99Ms', 'read model p99', 'var(--c3)'],
        // What a query may read: replicas get each change after the replication delay, in order.
        ['replicaLagP50Ms', 'every replica p50', 'var(--c2)'],
        ['replicaLagP99Ms', 'every replica p99', 'var(--c4)'],
        ['streamLagMs', 'stream lag', 'var(--c5)', 'dashed'],
      ],
    },
  ],
} as const satisfies BuiltinView;
