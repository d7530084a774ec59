import { startTransition, useEffect, useState } from 'react';

/**
 * False until the page has painted once after mounting, then true (set in a transition). For
 * parts of the first screen that may appear a frame later: the first frame's layout and paint,
 * one task, then covers less.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame runs just before the next paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
