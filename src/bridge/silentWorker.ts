/**
 * For the bridges' unit tests: a stand-in for a Worker that never answers; a test makes it fail
 * on demand by dispatching `error` or `messageerror`.
 */
export class SilentWorker extends EventTarget {
  terminated = false;
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
  start(): void {}
}
