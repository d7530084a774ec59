import { lazy, Suspense } from 'react';
import { useLabStore } from './labStore';

const LabPanel = lazy(() => import('./LabPanel').then((m) => ({ default: m.LabPanel })));

/** Where the open lab's panel goes; nothing when no lab is open. */
export function LabSlot() {
  const shown = useLabStore((s) => s.id !== null || s.message !== null);
  if (!shown) return null;
  return (
    <Suspense
      fallback={
        <section className="panel lab-panel" aria-label="Lab">
          <p className="muted">Loading the lab…</p>
        </section>
      }
    >
      <LabPanel />
    </Suspense>
  );
}
