/**
 * The host API's command queue: each command starts when the one before has answered (and the
 * page has booted). A task that throws, or whose failure report throws too (a postMessage to a
 * window that has gone, say), is reported where it can be and never stops the queue: a queue left
 * rejected would skip every later command, and the host would wait for answers forever.
 */
export interface CommandQueue {
  /** Runs `task` after every task added before it; if it throws, `onError` gets what it threw. */
  add(task: () => Promise<void>, onError: (e: unknown) => void): Promise<void>;
}

/** A queue whose first task starts once `after` settles (resolved or rejected). */
export function commandQueue(after: Promise<unknown>): CommandQueue {
  let tail: Promise<void> = after.then(
    () => undefined,
    () => undefined,
  );
  return {
    add(task, onError) {
      tail = tail.then(task).catch((e: unknown) => {
        try {
          onError(e);
        } catch (again) {
          // Nowhere left to report it but the console; the next command still runs.
          console.warn('cqrs-lab host API: a command failed and its failure could not be reported', again);
        }
      });
      return tail;
    },
  };
}
