/**
 * One worker behind Comlink, with the page's one policy for a worker that fails. Comlink by itself
 * rejects nothing when a worker dies, so this does: a worker `error` or `messageerror` event, or a
 * call that does not answer within the policy's time, terminates the worker, rejects every pending
 * call with a sentence in words, and reports that sentence once. The next call starts a fresh
 * worker. The simulation's bridge (`simBridge.ts`) and each of a study's workers
 * (`src/study/studyPool.ts`) are one of these.
 */
import * as Comlink from 'comlink';

/** What a worker is called in messages, and how long a call may take. */
export interface WorkerPolicy {
  /** The worker, as a sentence starts: "The simulation worker", "A study worker". */
  readonly what: string;
  /** What the person can expect next, ending each failure's sentence. */
  readonly next: string;
  /** A call not answered within this many ms fails the worker; null: no limit (a study's run may take minutes). */
  readonly timeoutMs: number | null;
}

/** The names of `Api`'s functions, their arguments and what they resolve to (for a bridge's `call`). */
export type Method<Api> = { [K in keyof Api]: Api[K] extends (...a: never[]) => unknown ? K : never }[keyof Api];
export type Args<Api, K extends keyof Api> = Api[K] extends (...a: infer A) => unknown ? A : never;
export type Result<Api, K extends keyof Api> = Api[K] extends (...a: never[]) => infer R ? Awaited<R> : never;

export type WorkerFactory = () => Worker;

export class WorkerBridge<Api extends object> {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<Api> | null = null;
  private pending = new Set<(e: Error) => void>();
  /** Bumped each time a worker is started or stopped, so late events from a dead one are ignored. */
  private generation = 0;

  /**
   * `onFailure` hears each failure's sentence once. `onStart` runs when a worker starts, with its
   * remote and a test that says whether that worker is still the current one.
   */
  constructor(
    private readonly policy: WorkerPolicy,
    private readonly factory: WorkerFactory,
    private readonly onFailure: (message: string) => void,
    private readonly onStart?: (remote: Comlink.Remote<Api>, isCurrent: () => boolean) => void,
  ) {}

  /** True when a worker is running (false before the first call and after a failure or a stop). */
  get alive(): boolean {
    return this.remote !== null;
  }

  /** Calls `name` in the worker (started if need be); rejects if the worker fails or does not answer in time. */
  call<K extends Method<Api>>(name: K, ...args: Args<Api, K>): Promise<Result<Api, K>> {
    const remote = this.ensure();
    const gen = this.generation;
    const { timeoutMs } = this.policy;
    return new Promise<Result<Api, K>>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(settle);
      };
      const settle = (e: Error) => {
        done();
        reject(e);
      };
      if (timeoutMs !== null) {
        timer = setTimeout(() => {
          if (gen !== this.generation) return;
          this.fail(`${this.policy.what} did not answer within ${timeoutMs / 1000} s (call "${String(name)}"). ${this.policy.next}`);
        }, timeoutMs);
      }
      this.pending.add(settle);
      const fn = remote[name] as unknown as (...a: unknown[]) => Promise<Result<Api, K>>;
      fn(...args).then(
        (v) => {
          done();
          resolve(v);
        },
        (e: unknown) => settle(e instanceof Error ? e : new Error(String(e))),
      );
    });
  }

  /** Stops the worker, rejects pending calls with `message`, then reports it. Nothing happens with no worker. */
  fail(message: string): void {
    if (!this.worker) return;
    this.stop(new Error(message));
    this.onFailure(message);
  }

  /** Stops the worker quietly; pending calls reject with `reason`. */
  terminate(reason = new Error(`${this.policy.what} was stopped`)): void {
    this.stop(reason);
  }

  private stop(reason: Error): void {
    this.generation++;
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    for (const reject of [...this.pending]) reject(reason);
    this.pending.clear();
  }

  private ensure(): Comlink.Remote<Api> {
    if (this.remote) return this.remote;
    const gen = ++this.generation;
    const worker = this.factory();
    const { what, next } = this.policy;
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (gen !== this.generation) return;
      const why = e.message ? `: ${e.message}` : ' (it could not be loaded, or it threw an error)';
      this.fail(`${what} failed${why}. ${next}`);
    });
    worker.addEventListener('messageerror', () => {
      if (gen !== this.generation) return;
      this.fail(`${what} sent a message that could not be read. ${next}`);
    });
    const remote = Comlink.wrap<Api>(worker);
    this.worker = worker;
    this.remote = remote;
    this.onStart?.(remote, () => gen === this.generation);
    return remote;
  }
}
