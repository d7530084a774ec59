/**
 * The Web Worker that owns the simulation. The page reaches it only through this API (Comlink);
 * its type is derived from the object below, so the two sides cannot drift apart.
 */
import * as Comlink from 'comlink';
import { defaultScenario } from 'virtual:engine-facts';
import type { Change } from '../../simulation/index';
import { Runner, type RunUpdate, type Speed } from './runner';

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
  /** Answers at once: the page uses it to check that the worker is alive. */
  ping: (): true => true,
  /** Registers the page's update callback (a Comlink proxy). */
  subscribe(onUpdate: (u: RunUpdate) => void): void {
    runner.onUpdate = (u) => void onUpdate(u);
  },
  load: (input: unknown) => runner.load(input),
  /** Parses and loads scenario text: validation runs here, never on the page's main thread. */
  loadText: (text: string) => runner.loadText(text),
  /** Parses and checks scenario text without loading it (a learner's file is loaded only once the course page's locks are applied). */
  parseText: async (text: string) => (await runner.checks()).parseScenarioText(text),
  /** The scenario as the run stands now: the loaded one with the interventions applied so far (at a run's end, its end values). */
  scenarioNow: () => runner.scenarioNow(),
  play: () => runner.play(),
  pause: () => runner.pause(),
  step: () => runner.step(),
  reset: () => runner.reset(),
  /** Back to time 0 keeping the changes recorded during the run ("Run again"). */
  rerun: () => runner.rerun(),
  setSpeed: (speed: Speed) => runner.setSpeed(speed),
  change: (change: Change) => runner.change(change),
  report: () => runner.report(),
  scenarioToSave: () => runner.scenarioToSave(),
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
