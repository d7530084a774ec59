/**
 * The page's one door to the simulation worker: a `WorkerBridge` (the page's policy for a worker
 * that fails: see `workerBridge.ts`) whose calls must answer within `timeoutMs`, and which
 * subscribes to the run's updates each time a worker starts.
 */
import * as Comlink from 'comlink';
import type { RunUpdate } from '../worker/runner';
import type { SimWorkerApi } from '../worker/simWorker';
import { WorkerBridge, type Args, type Method, type Result, type WorkerFactory } from './workerBridge';

export type { WorkerFactory };

/**
 * What the page's controller needs of the simulation: a `SimBridge` in the page, the engine in
 * process in the headless harness (src/app/testController.ts).
 */
export interface SimLink {
  /** True when a worker is running (false before the first call and after a failure). */
  readonly alive: boolean;
  /** Calls the worker (started if need be); rejects if it fails. */
  call<K extends Method<SimWorkerApi>>(name: K, ...args: Args<SimWorkerApi, K>): Promise<Result<SimWorkerApi, K>>;
}

export interface BridgeHandlers {
  onUpdate(u: RunUpdate): void;
  /** The worker failed; `message` says what happened, in words. */
  onFailure(message: string): void;
}

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../worker/simWorker.ts', import.meta.url), { type: 'module', name: 'simulation' });

export class SimBridge extends WorkerBridge<SimWorkerApi> implements SimLink {
  constructor(handlers: BridgeHandlers, timeoutMs = 5000, factory: WorkerFactory = defaultFactory) {
    super(
      { what: 'The simulation worker', next: 'It was stopped; the next run starts a new one.', timeoutMs },
      factory,
      (m) => handlers.onFailure(m),
      (remote, isCurrent) => {
        void remote.subscribe(
          Comlink.proxy((u: RunUpdate) => {
            if (isCurrent()) handlers.onUpdate(u);
          }),
        );
      },
    );
  }
}
