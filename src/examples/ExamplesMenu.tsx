import { lazy, Suspense, useEffect, useRef } from 'react';
import { useExampleStore } from './exampleStore';
import './examples.css';

// The list (the catalogue's titles) loads when the menu first opens.
const ExampleList = lazy(() => import('./ExampleList').then((m) => ({ default: m.ExampleList })));

/**
 * The Examples menu: a button that opens a list of the examples, grouped by quiz question.
 * Keyboard: Enter or Space opens it and focuses the first example, arrow keys move, Escape closes.
 */
export function ExamplesMenu() {
  const open = useExampleStore((s) => s.menuOpen);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  const close = (refocus: boolean) => {
    useExampleStore.setState({ menuOpen: false });
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!popupRef.current?.contains(t) && !buttonRef.current?.contains(t)) close(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...(popupRef.current?.querySelectorAll<HTMLButtonElement>('button[data-example]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
    items[next]?.focus();
    e.preventDefault();
  };

  return (
    <div className="examples-menu">
      <button
        ref={buttonRef}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={open ? 'examples-popup' : undefined}
        onClick={() => useExampleStore.setState({ menuOpen: !open })}
      >
        Examples
      </button>
      {open && (
        <div id="examples-popup" ref={popupRef} className="examples-popup panel" role="dialog" aria-label="Examples" onKeyDown={onKeyDown}>
          <Suspense fallback={<p className="muted">Loading the examples…</p>}>
            <ExampleList onChosen={() => close(false)} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
