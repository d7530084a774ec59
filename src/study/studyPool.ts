/**
 * Runs a study's jobs on Web Workers: one per core less one (the page keeps the rest), at least
 * one, never more than there are jobs. Reports come back in the jobs' order. `cancel()` terminates
 * every worker at once: no run goes on in the background and no progress arrives after it.
 */
import type { PlanTarget, Report, RunRecord, Scenario, WindowStats } from '../../simulation/index';
import { WorkerBridge } from '../bridge/workerBridge';
import type { StudyRunResult, StudyWorkerApi } from '../worker/studyWorker';

export type StudyWorkerFactory = () => Worker;

const defaultFactory: StudyWorkerFactory = () =>
  new Worker(new URL('../worker/studyWorker.ts', import.meta.url), { type: 'module', name: 'study' });

/** Jobs a worker holds at once: the one it runs and the next (as the CLI's pool, cli/pool.ts). */
const IN_FLIGHT = 2;

/** One per core less one, and at least one. */
export function defaultWorkerCount(cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1): number {
  return Math.max(1, cores - 1);
}

/**
 * A study's worker fails as the simulation's does (the same bridge), but a call has no time limit:
 * one run of a long scenario may take minutes, and Cancel is the way out.
 */
const POLICY = { what: 'A study worker', next: 'The study was stopped.', timeoutMs: null } as const;

export class StudyPool {
  private slots: WorkerBridge<StudyWorkerApi>[] = [];
  /** Whether `cancel()` was called: its workers are gone. */
  cancelled = false;
  /** Whether a worker failed (an error, or a message that could not be read): the pool is not to be reused. */
  broken = false;

  constructor(
    private readonly size = defaultWorkerCount(),
    private readonly factory: StudyWorkerFactory = defaultFactory,
  ) {}

  /** The workers started so far (for the panel's progress line). */
  get workers(): number {
    return this.slots.length;
  }

  private slot(i: number): WorkerBridge<StudyWorkerApi> {
    while (this.slots.length <= i) {
      this.slots.push(
        new WorkerBridge<StudyWorkerApi>(POLICY, this.factory, () => {
          this.broken = true;
        }),
      );
    }
    return this.slots[i];
  }

  /** Asks the first worker to check and plan a study. */
  async prepare(text: string) {
    return this.slot(0).call('prepare', text);
  }

  /** Asks the first worker to check a plan's question and list its designs. */
  async preparePlan(...args: Parameters<StudyWorkerApi['preparePlan']>) {
    return this.slot(0).call('preparePlan', ...args);
  }

  /** Asks the first worker to search the plan it prepared (the callbacks are Comlink proxies: the worker calls back). */
  async searchPlan(...args: Parameters<StudyWorkerApi['searchPlan']>) {
    return this.slot(0).call('searchPlan', ...args);
  }

  /** Asks the first worker for a finished study's figures. */
  async summarize(...args: Parameters<StudyWorkerApi['summarize']>) {
    return this.slot(0).call('summarize', ...args);
  }

  /**
   * Runs every job; `onDone(k)` after each of the k finished. Jobs whose index is in `series`
   * bring their time series back too.
   */
  async runAll(jobs: readonly Scenario[], series: ReadonlySet<number>, onDone: (k: number) => void): Promise<StudyRunResult[]> {
    return this.each(jobs.length, (s, index) => s.call('run', jobs[index], series.has(index)), onDone);
  }

  /** Runs a plan's jobs (one design on its seeds): one record per job, in their order. */
  async records(jobs: readonly Scenario[], targets: PlanTarget[], onDone: (k: number) => void = () => {}): Promise<RunRecord[]> {
    return this.each(jobs.length, (s, index) => s.call('record', jobs[index], targets), onDone);
  }

  /** Runs `count` calls on the workers, results in their order; `onDone(k)` after each of the k finished. */
  private async each<T>(count: number, call: (s: WorkerBridge<StudyWorkerApi>, index: number) => Promise<T>, onDone: (k: number) => void): Promise<T[]> {
    const results: T[] = new Array(count);
    let next = 0;
    let done = 0;
    const n = Math.max(1, Math.min(this.size, count));
    // IN_FLIGHT callers per worker: a worker has its next job queued while it runs one, so it
    // does not wait for this thread (busy drawing the progress) between runs.
    await Promise.all(
      Array.from({ length: IN_FLIGHT * n }, async (_, i) => {
        const s = this.slot(i % n);
        // After a worker failed, no caller starts a new one: the study has failed.
        while (!this.cancelled && !this.broken && next < count) {
          const index = next++;
          results[index] = await call(s, index);
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

  /** Terminates the workers (after a study, or on cancel); calls in flight reject with `reason`. */
  close(reason = new Error('closed')): void {
    for (const s of this.slots) s.terminate(reason);
    this.slots = [];
  }
}

export type { Report, WindowStats };
