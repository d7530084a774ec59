/**
 * Runs many scenarios on worker threads (one per core less one, at least one), for the CLI's
 * replications, comparisons and sweeps. Node only. Each report is the one `runScenario` gives
 * in-process: same scenario and seed, same report.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Report, Scenario } from '../simulation/index';

// From source (through tsx, as `npm run sim` runs) the worker registers tsx's loader first, then
// imports the TypeScript module; a bundled CLI has its worker bundled beside it as JavaScript.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
function startWorker(): Worker {
  if (!FROM_SOURCE) return new Worker(new URL('./poolWorker.js', import.meta.url));
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const url = JSON.stringify(new URL('./poolWorker.ts', import.meta.url).href);
  return new Worker(`import(${api}).then((tsx) => { tsx.register(); return import(${url}); });`, { eval: true });
}

/** One per core less one (the main thread has the rest), and at least one. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Jobs a worker holds at once: the one it runs and the next, so that it starts the next as soon as
 * it posts a report, without waiting for this thread to answer (with as many workers as cores,
 * this thread gets a core only by taking one from a worker). On the sweep of the bench, a worker
 * holding one job waited 51 to 95 ms between jobs per 100 jobs; holding two, 8 to 13 ms.
 */
const IN_FLIGHT = 2;

/**
 * With a worker on every core, V8's optimizing compiler runs on the worker's own thread, not on
 * V8's background threads. Those threads then find no idle core, and compiling there cost more
 * CPU in all: on the bench's sweep (2 workers, 2 cores), the background threads took 0.6 to 0.8 s
 * of CPU, against 0.23 s more on the workers' threads when they compile themselves, and the
 * sweep's wall time fell by 7%. With a core to spare (the default, one per core less one), the
 * compiler keeps its background threads. The flag is read when an isolate starts: it changes the
 * workers started after it, and no result (compiled code computes the same numbers). It stays set
 * for the rest of the process (the CLI runs one study per process); it is not turned back on,
 * since V8 may read it again in isolates already started, which were set up without it.
 */
function compileOnWorkerThreads(workers: number): void {
  if (workers >= availableParallelism()) setFlagsFromString('--no-concurrent-recompilation');
}

/** How a study's runs go: each drains after its end (`drain`); the whole study stops after `maxWallMs` of wall time. */
export interface PoolOptions {
  workers?: number;
  drain?: boolean;
  /** Wall-clock bound on all the runs together, ms: past it every worker is stopped where it is. */
  maxWallMs?: number;
  /** Called after each run that finished, with how many have. */
  onDone?: (k: number) => void;
}

/**
 * Why a study stopped before all its runs finished: the wall-clock bound (`index` -1), or run
 * `index` stopped (a run limit, or a drain that did not finish) with its report's reason.
 */
export interface PoolStop {
  index: number;
  reason: string;
  /** Simulated seconds at which run `index` stopped (0 for the wall-clock bound). */
  atS: number;
  /** Runs that had finished. */
  finished: number;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export type PoolResult = { ok: true; reports: Report[] } | { ok: false; stop: PoolStop };

/**
 * Runs every scenario; reports come back in the jobs' order. A run that stops early (its report
 * says `stopped`) stops the study, as does the wall-clock bound: the workers are terminated where
 * they are (a worker busy in a run stops at once), and the result says which and why.
 */
export async function runAll(jobs: readonly Scenario[], opts: PoolOptions = {}): Promise<PoolResult> {
  const pool = openPool({ ...opts, workers: Math.min(opts.workers ?? defaultWorkers(), jobs.length) });
  try {
    return await pool.run(jobs);
  } finally {
    await pool.close();
  }
}

/** Worker threads kept for many batches of runs (a plan's rounds): started once, closed once. */
export interface Pool {
  /** Runs a batch; reports in the jobs' order. After a stop (the wall clock, a stopped run) the pool is spent. */
  run(jobs: readonly Scenario[]): Promise<PoolResult>;
  close(): Promise<void>;
}

/**
 * Opens a pool of `opts.workers` threads; `opts.maxWallMs` bounds its whole life. With
 * `keepStopped`, a run that stops early is a report like any other (a plan judges it), not a stop.
 */
export function openPool(opts: PoolOptions & { keepStopped?: boolean } = {}): Pool {
  const n = Math.max(1, opts.workers ?? defaultWorkers());
  compileOnWorkerThreads(n);
  const pool: Worker[] = [];
  let stop: PoolStop | null = null;
  let done = 0;
  let wake = () => {};
  const halt = (s: PoolStop) => {
    stop ??= s;
    wake();
  };
  // A timer waits at most 2^31 - 1 ms (24.8 days; --max-wall allows more): a longer bound re-arms it.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number) => {
    timer = setTimeout(() => (ms > MAX_TIMER_MS ? arm(ms - MAX_TIMER_MS) : halt({ index: -1, reason: 'wall-clock', atS: 0, finished: done })), Math.min(ms, MAX_TIMER_MS));
  };
  if (opts.maxWallMs !== undefined) arm(opts.maxWallMs);
  const run = async (jobs: readonly Scenario[]): Promise<PoolResult> => {
    const reports: Report[] = new Array(jobs.length);
    if (stop !== null) return { ok: false, stop };
    const stopped = new Promise<void>((resolve) => (wake = resolve));
    // Workers start on the first batch that needs them (a batch of one job needs one).
    while (pool.length < Math.min(n, jobs.length)) pool.push(startWorker());
    let next = 0;
    const all = Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let held = 0;
            const feed = () => {
              if (stop !== null) return;
              if (next >= jobs.length) {
                if (held === 0) resolve();
                return;
              }
              const index = next++;
              held++;
              w.postMessage({ index, scenario: jobs[index], drain: opts.drain === true });
            };
            w.removeAllListeners('message').removeAllListeners('error');
            w.on('message', (m: { index: number; report?: Report; error?: string }) => {
              if (m.error !== undefined) return reject(new Error(`run ${m.index + 1}: ${m.error}`));
              held--;
              const report = m.report!;
              if (report.stopped && !opts.keepStopped) return halt({ index: m.index, reason: report.stopped.reason, atS: report.stopped.atS, finished: done });
              reports[m.index] = report;
              opts.onDone?.(++done);
              feed();
            });
            w.on('error', reject);
            for (let i = 0; i < IN_FLIGHT; i++) feed();
          }),
      ),
    );
    // Once stopped, a worker's late error (it is being terminated) is of no interest.
    all.catch(() => undefined);
    await Promise.race([all, stopped]);
    return stop === null ? { ok: true, reports } : { ok: false, stop };
  };
  return {
    run,
    close: async () => {
      clearTimeout(timer);
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
