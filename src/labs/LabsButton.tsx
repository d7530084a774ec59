import { lazy, Suspense, useRef, useState } from 'react';

// The menu and the labs' titles load when the menu is first opened.
const LabsMenu = lazy(() => import('./LabsMenu').then((m) => ({ default: m.LabsMenu })));

/** "Labs" in the toolbar: opens the list of labs, one per quiz question, with the student's progress. */
export function LabsButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  return (
    <span className="labs-menu-anchor">
      <button ref={button} type="button" className="btn" aria-expanded={open} aria-controls={open ? 'labs-menu' : undefined} onClick={() => setOpen(!open)}>
        Labs
      </button>
      {open && (
        <Suspense fallback={null}>
          <LabsMenu onClose={close} />
        </Suspense>
      )}
    </span>
  );
}
