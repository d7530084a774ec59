import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** The least room kept between the open list and either edge of the page (styles.css allows 100vw less twice this). */
const EDGE_PX = 8;

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
  // The list's left edge, from the menu's own (null: not measured yet). It is aligned with the
  // button's right edge, then moved in so that neither edge leaves the page: a button near the left
  // edge (a wrapped toolbar in a narrow frame) or near the right edge. The list is at most the page's
  // width less two margins (styles.css), so both fit.
  const [left, setLeft] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (!open || !box.current || !button.current?.parentElement) return;
    const b = button.current.getBoundingClientRect();
    const width = box.current.offsetWidth;
    const page = document.documentElement.clientWidth;
    const x = Math.max(EDGE_PX, Math.min(b.right - width, page - EDGE_PX - width));
    setLeft(x - button.current.parentElement.getBoundingClientRect().left);
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
          className="more-list"
          style={left === null ? undefined : { left, right: 'auto' }}
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
