/**
 * The fuzzer's corpus: drawn runs that once failed, kept so that every test run checks them again
 * (`simulation/test/fuzzCorpus.test.ts`) and `npm run fuzz -- --corpus` runs them. Each scenario is
 * saved as drawn, in `corpus/<seed>-<index>.json`, so a later change to the drawing keeps the case.
 */

/** One kept case: where it was drawn, what went wrong, and what its check must now say. */
export interface CorpusCase {
  seed: number;
  index: number;
  /** What failed, and whether the engine or the oracle was wrong. */
  why: string;
  /** Its drain needs more than the hour (not checked), rather than failing as stuck. */
  drainTooSlow?: boolean;
}

export const FUZZ_CORPUS: readonly CorpusCase[] = [
  {
    seed: 4242,
    index: 1689,
    why:
      "The oracle's drain check called 249 queries stuck: one query instance of 192 vCPUs at speed 0.062 with " +
      'USL coherency 0.1 needs about 28 simulated hours per query, long after its clients (timeout 63 ms) gave up. ' +
      'The engine was right; the check now counts attempts whose clients gave up as slow, not stuck.',
    drainTooSlow: true,
  },
  {
    seed: 9,
    index: 1869,
    why:
      'The oracle called 17,691 events stuck: 32 replicas fed in order after an exponential replication delay of ' +
      'mean 48 minutes, so no event reached the last replica within the hour, while every replica kept applying. ' +
      'The engine was right; the check now counts versions applied on any node as progress.',
    drainTooSlow: true,
  },
  {
    seed: 410,
    index: 1890,
    why:
      'The oracle called 17 events stuck: 503 commands whose clients had given up (timeout 1.2 ms) finished in the ' +
      "drain's hour and appended their writes, so the events in flight grew from 5 to 17 while nothing the clients " +
      'count changed. The engine was right and drains it in 1.6 hours; the check now counts attempts leaving flight ' +
      'as progress and gives a drain a second hour.',
    drainTooSlow: false,
  },
  {
    seed: 310,
    index: 1665,
    why:
      'The oracle called 473 events stuck: every apply fails (failure rate 1), each event is tried 20 times a minute ' +
      'apart before its dead letter, so one projector settles 3 events an hour. The engine was right; the check now ' +
      "counts the dead-letter queue's settled events as progress.",
    drainTooSlow: true,
  },
  {
    seed: 705,
    index: 1581,
    why:
      'The oracle called 1 event stuck: its copy to a replica was on the calendar, due after an exponential ' +
      'replication delay of mean 58 minutes, and arrives in the third hour. The engine was right; the check now ' +
      'accepts an hour without progress when every event in flight has each missing copy scheduled (a lost copy still fails).',
    drainTooSlow: true,
  },
];

/** The file of a kept case, relative to this folder. */
export const corpusFile = (c: Pick<CorpusCase, 'seed' | 'index'>): string => `corpus/${c.seed}-${c.index}.json`;
