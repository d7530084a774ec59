import { startTransition, useEffect, useState } from 'react';

/**
 * False until the main thread is first idle after mounting (at most `timeoutMs` later), then
 * true (set in a transition). For parts of the page out of view at load: they then arrive in a
 * task of their own, after what the first screen shows, instead of adding to its longest task.
 */
export function useIdle(timeoutMs = 1000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const done = () => startTransition(() => setIdle(true));
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(done, { timeout: timeoutMs });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(done, timeoutMs);
    return () => clearTimeout(timer);
  }, [timeoutMs]);
  return idle;
}
