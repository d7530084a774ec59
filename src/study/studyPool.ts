/**
 * Runs a study's jobs on Web Workers: one per core less one (the page keeps the rest), at least
 * one, never more than there are jobs. Reports come back in the jobs' order. `cancel()` terminates
 * every worker at once: no run goes on in the background and no progress arrives after it.
 */
import * as Comlink from 'comlink';
import type { Report, Scenario, WindowStats } from '../../simulation/index';
import type { StudyRunResult, StudyWorkerApi } from '../worker/studyWorker';

export type StudyWorkerFactory = () => Worker;

const defaultFactory: StudyWorkerFactory = () =>
  new Worker(new URL('../worker/studyWorker.ts', import.meta.url), { type: 'module', name: 'study' });

/** Jobs a worker holds at once: the one it runs and the next (as the CLI's pool, simulation/study/nodePool.ts). */
const IN_FLIGHT = 2;

/** One per core less one, and at least one. */
export function defaultWorkerCount(cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1): number {
  return Math.max(1, cores - 1);
}

interface Slot {
  worker: Worker;
  remote: Comlink.Remote<StudyWorkerApi>;
  /** Rejects the slot's call in flight when the worker fails or is cancelled. */
  failed: Promise<never>;
}

export class StudyPool {
  private slots: Slot[] = [];
  /** Whether `cancel()` was called: its workers are gone. */
  cancelled = false;
  /** Whether a worker failed (an error, or a message that could not be read): the pool is not to be reused. */
  broken = false;
  private failure: ((e: Error) => void)[] = [];

  constructor(
    private readonly size = defaultWorkerCount(),
    private readonly factory: StudyWorkerFactory = defaultFactory,
  ) {}

  /** The workers started so far (for the panel's progress line). */
  get workers(): number {
    return this.slots.length;
  }

  private slot(i: number): Slot {
    while (this.slots.length <= i) {
      const worker = this.factory();
      let fail!: (e: Error) => void;
      const failed = new Promise<never>((_, reject) => (fail = reject));
      failed.catch(() => {}); // observed by whichever call races it
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        this.broken = true;
        fail(new Error(`a study worker failed${e.message ? `: ${e.message}` : ''}`));
      });
      worker.addEventListener('messageerror', () => {
        this.broken = true;
        fail(new Error('a study worker sent a message that could not be read'));
      });
      this.failure.push(fail);
      this.slots.push({ worker, remote: Comlink.wrap<StudyWorkerApi>(worker), failed });
    }
    return this.slots[i];
  }

  /** Asks the first worker to check and plan a study. */
  async prepare(text: string) {
    const s = this.slot(0);
    return Promise.race([s.remote.prepare(text), s.failed]);
  }

  /** Asks the first worker for a finished study's figures. */
  async summarize(...args: Parameters<StudyWorkerApi['summarize']>) {
    const s = this.slot(0);
    return Promise.race([s.remote.summarize(...args), s.failed]);
  }

  /**
   * Runs every job; `onDone(k)` after each of the k finished. Jobs whose index is in `series`
   * bring their time series back too.
   */
  async runAll(jobs: readonly Scenario[], series: ReadonlySet<number>, onDone: (k: number) => void): Promise<StudyRunResult[]> {
    const results: StudyRunResult[] = new Array(jobs.length);
    let next = 0;
    let done = 0;
    const n = Math.max(1, Math.min(this.size, jobs.length));
    // IN_FLIGHT callers per worker: a worker has its next job queued while it runs one, so it
    // does not wait for this thread (busy drawing the progress) between runs.
    await Promise.all(
      Array.from({ length: IN_FLIGHT * n }, async (_, i) => {
        const s = this.slot(i % n);
        while (!this.cancelled && next < jobs.length) {
          const index = next++;
          results[index] = await Promise.race([s.remote.run(jobs[index], series.has(index)), s.failed]);
          if (this.cancelled) return;
          onDone(++done);
        }
      }),
    );
    if (this.cancelled) throw new Error('cancelled');
    return results;
  }

  /** Terminates every worker; calls in flight reject. */
  cancel(): void {
    this.cancelled = true;
    this.close(new Error('cancelled'));
  }

  /** Terminates the workers (after a study, or on cancel). */
  close(reason = new Error('closed')): void {
    for (const s of this.slots) {
      s.remote[Comlink.releaseProxy]();
      s.worker.terminate();
    }
    for (const f of this.failure) f(reason);
    this.slots = [];
    this.failure = [];
  }
}

export type { Report, WindowStats };
