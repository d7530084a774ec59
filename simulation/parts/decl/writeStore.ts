/** The command model's write store: shards, their connections and the time of a write. */
import type { FieldSpec } from '../../input/fieldSpec';
import { exp, shareOf, type BuiltinDecl, type BuiltinDerived } from './declaration';
import type { BuiltinView } from './page';

const WRITE_STORE = [
  ['shards', 'integer', 'fixed', ['shards', 1, 1024], 'Shards (partitions) of the command model\'s write store: each key lives on one shard, so writes spread over them.'],
  ['partitioning', 'choice', 'fixed', null, 'How keys are given to shards: by hash (spread evenly) or by range (neighbouring keys together, so hot Zipf keys make a hot shard).', ['hash', 'range']],
  ['connectionsPerShard', 'integer', '', ['connections', 1, 10_000], 'Writes one shard runs at once; the rest wait for a connection.'],
  ['writeLatencyMs', 'latency', '', ['ms'], 'Time one write takes on its shard, once it has a connection.'],
] as const satisfies readonly FieldSpec[];

export const writeStoreDecl = {
  name: 'writeStore',
  sections: {
    writeStore: {
      help: "The command model's store: sharded by key; a command commits here first.",
      lines: WRITE_STORE,
      defaults: { shards: 4, partitioning: 'hash', connectionsPerShard: 8, writeLatencyMs: exp(3) },
    },
  },
  figures: [
    {
      at: 100,
      rows: [
        ['writeStore.shards[].writes', 'writes', 'Writes committed on each shard of the write store after warm-up; an uneven spread means a hot shard.'],
        ['writeStore.shards[].utilization', 'ratio', 'Utilisation of each shard: the share of its connections busy.'],
      ],
    },
  ],
  labels: {
    subjects: { writeStore: 'Write store:' },
    words: { 'shards[].writes': 'writes per shard', 'shards[].utilization': 'utilisation per shard' },
  },
} as const satisfies BuiltinDecl;

/** Its derived figures (`BuiltinDerived`): how unevenly the writes spread over the shards. */
export const writeStoreDerived = {
  name: 'writeStore',
  figures: [
    {
      id: 'writeStore.hottestShare',
      help: 'The busiest shard\u2019s share of all writes.',
      of: (r) => shareOf(Math.max(0, ...r.writeStore.shards.map((s) => s.writes)), r.writeStore.shards.reduce((n, s) => n + s.writes, 0)),
    },
  ],
} as const satisfies BuiltinDerived;

/** How the page shows it (`page.ts`): apart from the declaration, so that the engine's bundles, which read only that, leave it out. */
export const writeStoreView = {
  name: 'writeStore',
  pages: [
    {
      in: 'writeStore',
      section: 'writeStore',
      title: 'Write store',
      about: 'Sharded by key. Range partitioning with Zipf keys makes a hot shard.',
      fields: [
        ['shards', 'Shards', { unit: '', stepper: true }],
        ['partitioning', 'Partitioning'],
        ['connectionsPerShard', 'Connections per shard', { unit: '', stepper: true }],
        ['writeLatencyMs', 'Write latency'],
      ],
    },
  ],
} as const satisfies BuiltinView;
