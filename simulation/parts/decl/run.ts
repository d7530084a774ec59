/** The run itself: the scenario's own top-level fields (name, seed, duration) and the figures that describe the run. */
import { MAX_TIME_S } from '../../input/bounds';
import type { FieldSpec } from '../../input/fieldSpec';
import type { BuiltinDecl } from './declaration';
import type { BuiltinView } from './page';

const ROOT = [
  ['version', 'integer', 'fixed', ['', 1, 1], 'The version of the scenario format (1).'],
  ['name', 'text', 'fixed', ['', undefined, 200], 'A name for the scenario; the report carries it.'],
  ['seed', 'integer', 'fixed', ['', 0, 2 ** 32 - 1], 'The seed of every random number in the run: the same scenario and seed give the same run, number for number. Change it to see another run of the same system.'],
  ['durationS', 'number', 'fixed', ['s', '>0', MAX_TIME_S], 'How long the run lasts, in simulated seconds.'],
  ['warmupS', 'number', 'fixed', ['s', 0, MAX_TIME_S], 'The first seconds of the run, left out of the report\'s figures while queues and caches fill (shorter than the duration).'],
] as const satisfies readonly FieldSpec[];

export const runDecl = {
  name: 'run',
  // Its version has no default: a file must say it.
  sections: { '': { help: '', lines: ROOT, defaults: { name: 'default', seed: 1, durationS: 60, warmupS: 5 } } },
  figures: [
    {
      at: 10,
      rows: [
        ['version', '', 'The version of the report format (1).'],
        ['seed', '', 'The seed of the run\'s random numbers: the same scenario and seed give the same report.'],
        ['simulatedS', 's', 'How far the run got, in simulated seconds.'],
        ['events', 'events', 'How many events the simulation engine processed (a measure of its work, not of the system\'s).'],
        ['wallMs', 'ms', 'Real time the run took on this computer (the only figure that differs between identical runs).'],
        ['stopped.atS', 's', 'When a safety limit stopped the run early (shown only then).'],
      ],
    },
  ],
  windowFigures: [{ at: 10, rows: [['tS', 's', 'End of the window, in simulated seconds (windows are 1 s).']] }],
  labels: {
    subjects: { stopped: 'Run stopped:' },
    words: {
      version: 'Format version',
      seed: 'Seed',
      simulatedS: 'Simulated time',
      events: 'Engine events',
      wallMs: 'Wall-clock time',
      tS: 'End of the window',
    },
  },
} as const satisfies BuiltinDecl;

/** How the page shows it (`page.ts`): apart from the declaration, so that the engine's bundles, which read only that, leave it out. */
export const runView = {
  name: 'run',
  pages: [
    {
      in: 'run',
      title: 'Run',
      about: 'Changing any of these starts a new run.',
      fields: [
        ['name', 'Name'],
        ['seed', 'Seed', { stepper: true }],
        ['durationS', 'Duration'],
        ['warmupS', 'Warm-up (not in the report)'],
      ],
    },
  ],
} as const satisfies BuiltinView;
