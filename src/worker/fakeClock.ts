/** A clock for driving a Runner in tests: it moves only when the test runs the next scheduled callback. */
import type { Clock } from './runner';

export function fakeClock(): { clock: Clock; advance: (ms: number) => void; pending: () => boolean } {
  let t = 0;
  let next: (() => void) | null = null;
  const clock: Clock = {
    now: () => t,
    schedule: (fn) => ((next = fn), 1),
    cancel: () => (next = null),
  };
  const advance = (ms: number) => {
    t += ms;
    const fn = next;
    next = null;
    fn?.();
  };
  return { clock, advance, pending: () => next !== null };
}
