import { useId, useLayoutEffect, useRef, useState } from 'react';
import { termsIn } from '../lib/glossaryTerms';
import { useGlossaryStore } from '../state/glossaryStore';

/**
 * An (i) button with a help text: shown on hover, on keyboard focus and on click (which keeps it
 * open), closed by Escape. The text is the button's accessible description, and `id` names it so
 * the field the help is about can point at it too (aria-describedby). Terms of the glossary the
 * text uses are offered as links into the glossary.
 */
export function Help({ text, about, id }: { text: string; about: string; id?: string }) {
  const ownId = useId();
  const textId = id ?? ownId;
  const wrap = useRef<HTMLSpanElement>(null);
  const [pinned, setPinned] = useState(false);
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const show = useGlossaryStore((s) => s.show);
  const terms = termsIn(text);
  const open = pinned || hover || focus;
  const pop = useRef<HTMLSpanElement>(null);
  // Kept inside the window: a help text near the right edge moves left by what it would overflow.
  useLayoutEffect(() => {
    const el = pop.current;
    if (!el || !open) return;
    el.style.transform = '';
    const over = el.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
    if (over > 0) el.style.transform = `translateX(${-Math.ceil(over)}px)`;
  }, [open]);
  const close = () => {
    setPinned(false);
    setHover(false);
    setFocus(false);
  };
  return (
    <span
      ref={wrap}
      className="help"
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      onFocus={() => setFocus(true)}
      onBlur={(e) => {
        if (!wrap.current?.contains(e.relatedTarget as Node | null)) {
          setFocus(false);
          setPinned(false);
        }
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      {/* Named by its content, not aria-label: a field's label ("Cache on") must find the field alone. */}
      <button type="button" className="help-btn" aria-describedby={textId} aria-expanded={pinned} onClick={() => setPinned(!pinned)}>
        <span aria-hidden="true">i</span>
        <span className="visually-hidden">About {about}</span>
      </button>
      <span ref={pop} className="help-pop" data-open={open ? '' : undefined}>
        <span id={textId}>{text}</span>
        {terms.length > 0 && (
          <span className="help-terms">
            Glossary:{' '}
            {terms.map((term, k) => (
              <span key={term.id}>
                {k > 0 && ', '}
                <button type="button" className="link-btn" onClick={() => (close(), show(term.id, wrap.current?.querySelector<HTMLElement>('.help-btn')))}>
                  {term.name}
                </button>
              </span>
            ))}
          </span>
        )}
      </span>
    </span>
  );
}
