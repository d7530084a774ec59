import { lazy, Suspense } from 'react';
import { useGlossaryStore } from '../../state/glossaryStore';

// The glossary's words load when it is first opened, not with the first screen.
const Glossary = lazy(() => import('./Glossary').then((m) => ({ default: m.Glossary })));

/** The toolbar's "Glossary" button, and the glossary dialog while it is open (from here or a help text). */
export function GlossaryButton() {
  const open = useGlossaryStore((s) => s.open);
  const show = useGlossaryStore((s) => s.show);
  return (
    <>
      <button type="button" className="btn" aria-haspopup="dialog" onClick={() => show()}>
        Glossary
      </button>
      {open && (
        <Suspense fallback={null}>
          <Glossary />
        </Suspense>
      )}
    </>
  );
}
