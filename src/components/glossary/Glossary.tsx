/** The glossary: every term the page uses, in plain words, in a dialog opened from the toolbar or a help text. */
import { useEffect, useRef } from 'react';
import { TERMS } from '../../lib/glossaryTerms';
import { useGlossaryStore } from '../../state/glossaryStore';
import { DEFINITIONS } from './definitions';

export function Glossary() {
  const ref = useRef<HTMLDialogElement>(null);
  const term = useGlossaryStore((s) => s.term);
  const close = useGlossaryStore((s) => s.close);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    const target = term ? d?.querySelector<HTMLElement>(`#term-${term}`) : d?.querySelector<HTMLElement>('h2');
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  }, [term]);
  const sorted = [...TERMS].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <dialog
      ref={ref}
      className="panel glossary"
      aria-labelledby="glossary-title"
      onClose={() => {
        const back = useGlossaryStore.getState().returnTo;
        close();
        if (back?.isConnected) back.focus();
      }}
    >
      {/* Stays in view as the list scrolls (a term far down opens scrolled to it). */}
      <div className="glossary-head">
        <h2 id="glossary-title" tabIndex={-1}>
          Glossary
        </h2>
        <button type="button" className="btn" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      <dl>
        {sorted.map((t) => (
          <div key={t.id} className={t.id === term ? 'current' : undefined}>
            <dt id={`term-${t.id}`} tabIndex={-1}>
              {t.name}
            </dt>
            <dd>{DEFINITIONS[t.id]}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}
