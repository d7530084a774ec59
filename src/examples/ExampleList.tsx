import { useEffect, useRef } from 'react';
import { EXAMPLES, QUIZ_QUESTIONS, QUIZ_TOPICS } from '../../simulation/examples';
import { loadExample } from './exampleActions';
import { useExampleStore } from './exampleStore';

/** The examples, grouped by the quiz question each belongs to. Focuses the first (or the loaded) one when shown. */
export function ExampleList({ onChosen }: { onChosen: () => void }) {
  const current = useExampleStore((s) => s.current?.id);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const items = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-example]');
    const active = listRef.current?.querySelector<HTMLButtonElement>('button[aria-current="true"]');
    (active ?? items?.[0])?.focus();
  }, []);
  return (
    <div ref={listRef}>
      <p className="muted examples-intro">Each example is a prepared scenario for one quiz question. Pick one, then press Play.</p>
      {QUIZ_QUESTIONS.map((q) => {
        const examples = EXAMPLES.filter((e) => e.question === q);
        if (examples.length === 0) return null;
        return (
          <section key={q} aria-labelledby={`examples-${q}`}>
            <h3 id={`examples-${q}`}>
              {q}: {QUIZ_TOPICS[q]}
            </h3>
            <ul className="examples-list">
              {examples.map((e) => {
                const mine = current === e.id || e.variants?.some((v) => v.id === current);
                return (
                  <li key={e.id}>
                    <button
                      type="button"
                      data-example={e.id}
                      aria-current={mine ? 'true' : undefined}
                      onClick={() => {
                        onChosen();
                        void loadExample(e.id);
                      }}
                    >
                      {e.title}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
