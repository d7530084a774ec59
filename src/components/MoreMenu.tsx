import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * "More": the toolbar's less used actions behind one button, for the compact page of an embedded
 * lab (a frame from 640 px wide has no room for them in one row). Escape or choosing an action
 * closes it; Escape returns the focus to the button.
 */
export function MoreMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // Anchored at the button's right edge, the list would cross the page's left edge when the button
  // sits near it (a wrapped toolbar in a narrow frame): then it opens from the button's left edge.
  const [fromLeft, setFromLeft] = useState(false);
  useLayoutEffect(() => {
    if (!open || !box.current || !button.current) return;
    setFromLeft(button.current.getBoundingClientRect().right - box.current.offsetWidth < 0);
  }, [open]);
  useEffect(() => {
    if (!open) return;
    box.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  return (
    <span className="more-menu">
      <button ref={button} type="button" className="btn" aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen(!open)}>
        More
      </button>
      {open && (
        <div
          id={id}
          ref={box}
          className={fromLeft ? 'more-list from-left' : 'more-list'}
          role="group"
          aria-label="More actions"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }}
          // An action chosen closes the list (the click has reached the action first).
          onClick={(e) => {
            if ((e.target as HTMLElement).closest('button')) setOpen(false);
          }}
        >
          {children}
        </div>
      )}
    </span>
  );
}
