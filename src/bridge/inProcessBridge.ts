/**
 * The bridge to a simulation worker run in process, for the page's headless tests
 * (src/app/testController.ts): the one file outside src/worker that runs the worker's own code
 * (eslint.config.js allows it). The page never imports it.
 */
import { defaultScenario } from 'virtual:engine-facts';
import { Runner, type Clock } from '../worker/runner';
import { createSimApi, type SimApi } from '../worker/simApi';
import type { BridgeHandlers, SimLink } from './simBridge';

/**
 * The simulation worker in process: the worker's API (simApi.ts) over a Runner on the test's
 * clock. Arguments and answers are copied as structured clones, as they are between threads. A
 * failure stops the "worker" (its runner) and says so once; the next call starts a fresh one.
 */
export class InProcessBridge implements SimLink {
  /** Workers started so far. */
  started = 0;
  private api: SimApi | null = null;
  private runner: Runner | null = null;

  constructor(
    private readonly handlers: BridgeHandlers,
    private readonly clock: Clock,
  ) {}

  get alive(): boolean {
    return this.api !== null;
  }

  call: SimLink['call'] = async (name, ...args) => {
    const api = this.ensure();
    // The worker's failure hook: never run in process (its 'hang' would spin forever).
    if (name === 'failForTest') {
      this.fail('The simulation worker failed: worker failure requested by a test. It was stopped; the next run starts a new one.');
      throw new Error('The simulation worker was stopped');
    }
    const fn = api[name as keyof SimApi] as (...a: unknown[]) => unknown;
    const sent = structuredClone(args) as unknown[];
    await Promise.resolve(); // a message's hop: never answered in the caller's own turn
    const answer = await fn(...sent);
    if (this.api !== api) throw new Error('The simulation worker was stopped');
    return structuredClone(answer) as never;
  };

  /** Stops the worker and reports `message`, as the real bridge does for a worker error or a timeout. */
  fail(message: string): void {
    if (!this.api) return;
    this.runner?.dispose();
    this.runner = null;
    this.api = null;
    this.handlers.onFailure(message);
  }

  private ensure(): SimApi {
    if (this.api) return this.api;
    const runner = new Runner(this.clock, defaultScenario);
    const api = createSimApi(runner);
    api.subscribe((u) => {
      if (this.api === api) this.handlers.onUpdate(structuredClone(u));
    });
    this.started++;
    this.runner = runner;
    this.api = api;
    return api;
  }
}
