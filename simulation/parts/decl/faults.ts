/**
 * Faults and failures: the failures of attempts by cause (a crash, a shard down, an injected error,
 * and the clients' own: a full queue, a timeout). The faults themselves are a timeline
 * (`input/faultSchema.ts`); the causes of the parts on the contract follow the engine's own.
 */
import type { BuiltinDecl } from './declaration';
import type { BuiltinView } from './page';

export const faultsDecl = {
  name: 'faults',
  timelines: {
    // Set as a whole, and only before a run: it is the run's script.
    faults: 'The faults of the run, at set times: crash an instance, slow one down, inject errors, take a shard down, flush the cache, cut the stream, delay a replica.',
  },
  figures: [
    {
      at: 140,
      rows: [
        ['errors.rejected', 'attempts', 'Turned away at once: a full queue or no memory left.'],
        ['errors.timedOut', 'attempts', 'Given up by the client at its timeout.'],
        ['errors.deadInstance', 'attempts', 'Sent to a crashed instance before the health checks marked it down.'],
        ['errors.shardDown', 'attempts', 'Failed because their write-store shard was down.'],
        ['errors.injected', 'attempts', 'Failed by an error injected as a fault.'],
        ['errors.noInstance', 'attempts', 'Failed because the load balancer had no healthy instance to send them to.'],
      ],
      then: 'causes',
    },
  ],
  windowFigures: [
    {
      at: 120,
      rows: [
        ['errors.deadInstance', 'attempts/s', 'Attempts failed on a crashed instance not yet marked down, in the window.'],
        ['errors.shardDown', 'attempts/s', 'Attempts failed writing to a shard that is down, in the window.'],
        ['errors.injected', 'attempts/s', 'Attempts failed by an injected error, in the window.'],
        ['errors.noInstance', 'attempts/s', 'Attempts failed because the load balancer had no instance, in the window.'],
      ],
      then: 'causes',
    },
  ],
  labels: {
    subjects: { errors: 'Failures:' },
    words: { deadInstance: 'dead instance', shardDown: 'shard down', injected: 'injected errors', noInstance: 'no instance' },
  },
} as const satisfies BuiltinDecl;

/** How the page shows it (`page.ts`): apart from the declaration, so that the engine's bundles, which read only that, leave it out. */
export const faultsView = {
  name: 'faults',
  pages: [
    {
      in: 'faults',
      title: 'Faults',
      about: 'Crashes, slow instances, injected errors, shard outages, cache flushes, stream cuts and lagging replicas, at set times.',
      fields: [['faults', 'Faults', { editor: 'faults' }]],
    },
  ],
  charts: [
    {
      at: 110,
      title: 'Failures by cause',
      // The parts on the contract add their causes' lines and clauses, then a full stop.
      help: 'Failed attempts per second by cause: sent to a crashed instance before the health checks marked it down, a shard down, injected errors, no instance',
      unit: 'failed attempts / s',
      minTop: 5,
      causes: true,
      lines: [
        ['errors.deadInstance', 'dead instance', 'var(--c3)'],
        ['errors.shardDown', 'shard down', 'var(--c4)'],
        ['errors.injected', 'injected', 'var(--c5)'],
        ['errors.noInstance', 'no instance', 'var(--c6)'],
      ],
    },
  ],
} as const satisfies BuiltinView;
