import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * The content width of the element the ref is attached to, kept up to date on resize. The first
 * render uses `initial`; the ResizeObserver's first report (after the browser's own layout) gives
 * the real width. Reading `clientWidth` here instead forced a layout in the middle of React's
 * commit, and the re-render it caused ran in the same task: together the longest task at load.
 * The re-render is a transition, so React renders it in slices.
 */
export function useWidth<T extends HTMLElement>(initial = 600) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width);
      if (w > 0) startTransition(() => setWidth(w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}
