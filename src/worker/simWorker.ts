/**
 * The Web Worker that owns the simulation. The page reaches it only through this API (Comlink):
 * simApi.ts's commands and a failure hook for the browser tests. Its type is derived from the
 * object below, so the two sides cannot drift apart.
 */
import * as Comlink from 'comlink';
import { defaultScenario } from 'virtual:engine-facts';
import { Runner } from './runner';
import { createSimApi } from './simApi';

const runner = new Runner(
  {
    now: () => performance.now(),
    schedule: (fn, ms) => setTimeout(fn, ms),
    cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
  defaultScenario,
);
// The worker starts without the scenario schema (the built-in scenario needs no checks) and loads
// it once the page has settled: on a two-core machine every core is busy while the first screen
// appears. A file, link or change that comes sooner waits for it (about 50-100 ms, once).
const CHECKS_AFTER_MS = 3000;
setTimeout(() => void runner.checks(), CHECKS_AFTER_MS);

const api = {
  ...createSimApi(runner),
  /** For the browser tests: make the worker throw (uncaught) or stop answering. */
  failForTest(mode: 'throw' | 'hang'): void {
    if (mode === 'throw') {
      setTimeout(() => {
        throw new Error('worker failure requested by a test');
      });
      return;
    }
    for (;;) {
      // Spin: the page must notice that calls go unanswered.
    }
  },
};

export type SimWorkerApi = typeof api;

Comlink.expose(api);
