/**
 * The page's one door to the simulation worker: a `WorkerBridge` (the page's policy for a worker
 * that fails: see `workerBridge.ts`) whose calls must answer within `timeoutMs`, and which
 * subscribes to the run's updates each time a worker starts.
 */
import * as Comlink from 'comlink';
import type { RunUpdate } from '../worker/runner';
import type { SimWorkerApi } from '../worker/simWorker';
import { WorkerBridge, type WorkerFactory } from './workerBridge';

export type { WorkerFactory };

export interface BridgeHandlers {
  onUpdate(u: RunUpdate): void;
  /** The worker failed; `message` says what happened, in words. */
  onFailure(message: string): void;
}

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../worker/simWorker.ts', import.meta.url), { type: 'module', name: 'simulation' });

export class SimBridge extends WorkerBridge<SimWorkerApi> {
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
