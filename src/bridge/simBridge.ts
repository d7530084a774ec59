/**
 * The page's one door to the simulation worker. Comlink by itself rejects nothing when a worker
 * dies, so this bridge does: a worker `error` or `messageerror` event, or a call that does not
 * answer within `timeoutMs`, terminates the worker, rejects every pending call with a message in
 * words, and reports it. The next call starts a fresh worker.
 */
import * as Comlink from 'comlink';
import type { RunUpdate } from '../worker/runner';
import type { SimWorkerApi } from '../worker/simWorker';

type Api = SimWorkerApi;
type Method = { [K in keyof Api]: Api[K] extends (...a: never[]) => unknown ? K : never }[keyof Api];
type Result<K extends Method> = Awaited<ReturnType<Api[K]>>;

export interface BridgeHandlers {
  onUpdate(u: RunUpdate): void;
  /** The worker failed; `message` says what happened, in words. */
  onFailure(message: string): void;
}

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../worker/simWorker.ts', import.meta.url), { type: 'module', name: 'simulation' });

export class SimBridge {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<Api> | null = null;
  private pending = new Set<(e: Error) => void>();
  /** Bumped each time a worker is started, so late messages from a dead one are ignored. */
  private generation = 0;

  constructor(
    private readonly handlers: BridgeHandlers,
    private readonly timeoutMs = 5000,
    private readonly factory: WorkerFactory = defaultFactory,
  ) {}

  /** True when a worker is running (false before the first call and after a failure). */
  get alive(): boolean {
    return this.remote !== null;
  }

  /** Calls `name` in the worker; rejects if the worker fails or does not answer in time. */
  call<K extends Method>(name: K, ...args: Parameters<Api[K]>): Promise<Result<K>> {
    const remote = this.ensure();
    const gen = this.generation;
    return new Promise<Result<K>>((resolve, reject) => {
      const settle = (e: Error) => {
        clearTimeout(timer);
        this.pending.delete(settle);
        reject(e);
      };
      const timer = setTimeout(() => {
        if (gen !== this.generation) return;
        this.fail(`The simulation worker did not answer within ${this.timeoutMs / 1000} s (call "${name}"). It was stopped; the next run starts a new one.`);
      }, this.timeoutMs);
      this.pending.add(settle);
      const fn = remote[name] as unknown as (...a: unknown[]) => Promise<Result<K>>;
      fn(...args).then(
        (v) => {
          clearTimeout(timer);
          this.pending.delete(settle);
          resolve(v);
        },
        (e: unknown) => settle(e instanceof Error ? e : new Error(String(e))),
      );
    });
  }

  /** Stops the worker and rejects pending calls, then reports `message`. */
  fail(message: string): void {
    if (!this.worker) return;
    this.stop();
    const err = new Error(message);
    for (const reject of [...this.pending]) reject(err);
    this.pending.clear();
    this.handlers.onFailure(message);
  }

  /** Stops the worker quietly (pending calls are rejected). */
  terminate(): void {
    this.stop();
    const err = new Error('the simulation worker was stopped');
    for (const reject of [...this.pending]) reject(err);
    this.pending.clear();
  }

  private stop(): void {
    this.generation++;
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }

  private ensure(): Comlink.Remote<Api> {
    if (this.remote) return this.remote;
    const gen = ++this.generation;
    const worker = this.factory();
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (gen !== this.generation) return;
      const what = e.message ? `: ${e.message}` : ' (it could not be loaded, or it threw an error)';
      this.fail(`The simulation worker failed${what}. It was stopped; the next run starts a new one.`);
    });
    worker.addEventListener('messageerror', () => {
      if (gen !== this.generation) return;
      this.fail('The simulation worker sent a message that could not be read. It was stopped; the next run starts a new one.');
    });
    const remote = Comlink.wrap<Api>(worker);
    this.worker = worker;
    this.remote = remote;
    void remote.subscribe(
      Comlink.proxy((u: RunUpdate) => {
        if (gen === this.generation) this.handlers.onUpdate(u);
      }),
    );
    return remote;
  }
}
