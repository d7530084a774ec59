import { lazy, Suspense } from 'react';
import { useExampleStore } from './exampleStore';

// The notes panel (and the catalogue behind its compare buttons) loads once an example is shown.
const ExamplePanel = lazy(() => import('./ExamplePanel').then((m) => ({ default: m.ExamplePanel })));

/** Holds the example's notes while one is loaded; nothing otherwise. */
export function ExampleSlot() {
  const shown = useExampleStore((s) => s.current !== null);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <ExamplePanel />
    </Suspense>
  );
}
