/** The query model's read store: the primary and its read replicas, their lag and what readers saw of it. */
import type { FieldSpec } from '../../input/fieldSpec';
import { constant, exp, group, summary, type BuiltinDecl, type BuiltinDerived } from './declaration';
import type { BuiltinView } from './page';

const READ_STORE = [
  ['replicas', 'integer', '', ['replicas', 0, 32], 'Read replicas: copies of the query model that serve reads (0: queries read the primary). Each gets changes after a replication lag.'],
  ['connectionsPerReplica', 'integer', '', ['connections', 1, 10_000], 'Reads one read-store node runs at once; the rest wait for a connection.'],
  ['queryLatencyMs', 'latency', '', ['ms'], 'Time one read takes on a read-store node.'],
  ['indexed', 'boolean', '', null, 'Whether the query model has an index for the query; without one every read scans the whole table.'],
  ['unindexedFactor', 'number', '', ['x', 1, 10_000], 'How many times slower a read is without the index (a full scan).'],
  ['replicationLagMs', 'latency', '', ['ms'], 'Replication lag: how long a change takes from the primary to each replica. Reads from a replica are stale meanwhile (eventual consistency). Changes reach a replica in order, so a change also waits for every earlier one: with a random delay the lag readers see is that of the slowest recent change, and it grows with the write rate. An exponential delay of mean 30 ms gives about 60 ms to one replica at 100 writes/s, 117 ms at 900 writes/s, and about 140 ms to reach both of 2 replicas at 900 writes/s. A constant delay gives exactly that delay.'],
  ['autoscaling', 'group', 'optional', null, 'Auto-scaling of the read replicas, on cpu or reads per second.'],
] as const satisfies readonly FieldSpec[];

export const readStoreDecl = {
  name: 'readStore',
  sections: {
    readStore: {
      help: "The query model's store: a primary the projectors write to, and read replicas that serve queries.",
      lines: READ_STORE,
      defaults: { replicas: 2, connectionsPerReplica: 16, queryLatencyMs: exp(2), indexed: true, unindexedFactor: 20, replicationLagMs: constant(50) },
    },
  },
  figures: [
    {
      at: 40,
      rows: [
        ['queries.staleReadRatio', 'ratio', 'Stale-read ratio: the share of queries answered with an older version than the command model had already committed (eventual consistency at work).'],
        ...summary('queries.staleness', 'ms', 'staleness: how long before a stale answer its key had been changed'),
        ['queries.staleness.versionsBehindMean', 'versions', 'How many versions behind a stale answer was, on average.'],
      ],
    },
    {
      at: 70,
      rows: summary(
        'replicaLagMs',
        'ms',
        'replica lag: time from a command\'s commit to its change being visible on every read replica (what eventual consistency means for readers). Changes reach a replica in order, so with a random replication delay this grows with the write rate, well past the mean delay: see readStore.replicationLagMs',
      ),
    },
    {
      at: 110,
      rows: [
        ['readStore.nodes[].reads', 'reads', 'Reads served by each read-store node, the primary first, then the replicas.'],
        ['readStore.nodes[].utilization', 'ratio', 'Utilisation of each read-store node: the share of its connections busy.'],
      ],
    },
    { at: 130, rows: group('replicas', 'replicas') },
  ],
  windowFigures: [
    {
      at: 40,
      rows: [
        ['replicaLagP50Ms', 'ms', 'Median time from commit to visible on every read replica (what a query may read), events that got there in the window.'],
        ['replicaLagP99Ms', 'ms', '99th percentile of commit to visible on every replica in the window.'],
      ],
    },
    { at: 70, rows: [['staleReadRatio', 'ratio', 'Share of answers in the window older than the latest committed version.']] },
    { at: 90, rows: [['readStoreUtilization', 'ratio', 'Busy share of the read store\'s connections (primary and replicas in service) in the window: its load.']] },
    { at: 110, rows: [['replicas', 'replicas', 'Read replicas in service at the end of the window.']] },
  ],
  labels: {
    subjects: { replicas: 'Read replicas:', readStore: 'Read store:' },
    measures: { staleness: 'staleness of stale reads', replicaLagMs: 'replica lag (commit to every replica)' },
    words: {
      staleReadRatio: 'stale-read ratio',
      versionsBehindMean: 'mean versions behind',
      'nodes[].reads': 'reads per node',
      'nodes[].utilization': 'utilisation per node',
      replicaLagP50Ms: 'Replica lag p50 (commit to every replica)',
      replicaLagP99Ms: 'Replica lag p99 (commit to every replica)',
      readStoreUtilization: 'Read store utilisation',
      replicas: 'Read replicas serving',
    },
  },
} as const satisfies BuiltinDecl;

/** Its derived figures (`BuiltinDerived`): the load on its busiest node. */
export const readStoreDerived = {
  name: 'readStore',
  figures: [
    {
      id: 'readStore.busiestUtilization',
      help: 'Connections in use on the busiest read node.',
      of: (r) => Math.max(0, ...r.readStore.nodes.map((n) => n.utilization)),
    },
  ],
} as const satisfies BuiltinDerived;

/** How the page shows it (`page.ts`): apart from the declaration, so that the engine's bundles, which read only that, leave it out. */
export const readStoreView = {
  name: 'readStore',
  pages: [
    {
      in: 'readStore',
      section: 'readStore',
      title: 'Read store',
      about: 'A primary fed by the projectors, and replicas fed after a replication lag.',
      fields: [
        ['replicas', 'Replicas', { unit: '', stepper: true }],
        ['connectionsPerReplica', 'Connections per node', { unit: '', stepper: true }],
        ['queryLatencyMs', 'Query latency'],
        ['indexed', 'Indexed read model'],
        ['unindexedFactor', 'Unindexed slowdown'],
        ['replicationLagMs', 'Replication lag'],
        ['autoscaling', 'Auto-scaling (replicas)', { editor: 'autoscaling', metrics: ['cpu', 'rps'] }],
      ],
    },
  ],
} as const satisfies BuiltinView;
