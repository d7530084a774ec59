import { startTransition, useEffect, useState } from 'react';

/** Calls `done` later and returns how to cancel; `arg` is its one setting. */
type Schedule = (done: () => void, arg: number) => () => void;

/**
 * False until `schedule` calls back after mounting, then true (set in a transition). The parts of
 * the page that come later use it: their layout and paint are then a task of their own instead
 * of part of the first frame's.
 */
function useLater(schedule: Schedule, arg: number): boolean {
  const [later, setLater] = useState(false);
  useEffect(() => schedule(() => startTransition(() => setLater(true)), arg), [schedule, arg]);
  return later;
}

/** `done` in a task after the next paint (requestAnimationFrame runs just before it). */
const afterPaint: Schedule = (done) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(done);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

/** `done` when the main thread is first idle, at most `timeoutMs` later. */
const whenIdle: Schedule = (done, timeoutMs) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(done, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(done, timeoutMs);
  return () => clearTimeout(timer);
};

/** True once the page has painted once after mounting: for parts of the first screen that may appear a frame later. */
export function useAfterPaint(): boolean {
  return useLater(afterPaint, 0);
}

/** True once the main thread is first idle after mounting (at most `timeoutMs` later): for parts out of view at load. */
export function useIdle(timeoutMs = 1000): boolean {
  return useLater(whenIdle, timeoutMs);
}
