/** The distributed cache in front of the read store. */
import { MAX_TIME_S } from '../../input/bounds';
import type { FieldSpec } from '../../input/fieldSpec';
import { constant, type BuiltinDecl } from './declaration';
import type { BuiltinView } from './page';

const CACHE = [
  ['enabled', 'boolean', '', null, 'A distributed cache in front of the read store: a hit answers fast without a read, but may be stale.'],
  ['nodes', 'integer', '', ['nodes', 1, 256], 'Cache nodes; the keys are spread over them.'],
  ['capacityPerNode', 'integer', '', ['keys', 1, 10_000_000], 'How many keys each cache node holds; when full, the least recently used key is dropped.'],
  ['ttlS', 'number', '', ['s', '>0', MAX_TIME_S], 'TTL (time to live): a cached key is dropped this long after it was stored. Longer gives more hits and more stale reads.'],
  ['invalidation', 'choice', '', null, 'How cached keys are invalidated: by TTL (they expire), by event (a projector deletes or updates the key when it applies a change), or both.', ['ttl', 'event', 'ttl+event']],
  ['onEvent', 'choice', '', null, 'What an event does to its cached key: delete it (the next read fetches it) or update it in place.', ['delete', 'update']],
  ['hitLatencyMs', 'latency', '', ['ms'], 'Time of one cache lookup.'],
] as const satisfies readonly FieldSpec[];

export const cacheDecl = {
  name: 'cache',
  sections: {
    cache: {
      help: 'A cache in front of the read store, spread over nodes by key.',
      lines: CACHE,
      defaults: { enabled: false, nodes: 3, capacityPerNode: 1000, ttlS: 30, invalidation: 'ttl', onEvent: 'delete', hitLatencyMs: constant(0.5) },
    },
  },
  figures: [{ at: 30, rows: [['queries.cacheHitRatio', 'ratio', 'Cache hit ratio: the share of queries the cache answered without going to the read store.']] }],
  windowFigures: [{ at: 60, rows: [['cacheHitRatio', 'ratio', 'Share of cache lookups that hit in the window.']] }],
  labels: {
    words: { cacheHitRatio: 'cache hit ratio' },
  },
} as const satisfies BuiltinDecl;

/** How the page shows it (`page.ts`): apart from the declaration, so that the engine's bundles, which read only that, leave it out. */
export const cacheView = {
  name: 'cache',
  pages: [
    {
      in: 'cache',
      section: 'cache',
      title: 'Cache',
      about: 'In front of the read store, spread over nodes by key.',
      fields: [
        ['enabled', 'Cache on'],
        ['nodes', 'Nodes', { unit: '', stepper: true }],
        ['capacityPerNode', 'Capacity per node'],
        ['ttlS', 'TTL'],
        ['invalidation', 'Invalidation'],
        ['onEvent', 'On an event'],
        ['hitLatencyMs', 'Hit latency'],
      ],
    },
  ],
  charts: [
    {
      at: 130,
      title: 'Cache hit ratio and stale reads',
      help: 'Share of queries the cache answered, and share answered with data older than the latest commit (stale reads). A longer TTL usually raises both.',
      unit: 'share of queries (%)',
      percent: true,
      lines: [
        ['cacheHitRatio', 'cache hit ratio', 'var(--c2)'],
        ['staleReadRatio', 'stale-read ratio', 'var(--c3)'],
      ],
    },
  ],
} as const satisfies BuiltinView;
