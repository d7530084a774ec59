import { loadExample, studyExampleSides } from './exampleActions';
import { studiesOffered } from '../embed/embedOptions';
import { clearExample, useExampleStore } from './exampleStore';

/** The loaded example's notes: its title, the idea it shows, what to look at, and the sides of a comparison. */
export function ExamplePanel() {
  const ex = useExampleStore((s) => s.current);
  if (!ex) return null;
  return (
    <section className="panel example-panel" aria-labelledby="example-title">
      <div className="example-head">
        <h2 id="example-title">
          <span className="muted">Example · {ex.question}:</span> {ex.title}
        </h2>
        <button type="button" className="btn small" aria-label="Close the example notes" onClick={clearExample}>
          ×
        </button>
      </div>
      <p className="example-topic muted">Quiz question {ex.question}: {ex.topic}.</p>
      <p className="example-concept">{ex.concept}</p>
      <p>
        <strong>What to look at: </strong>
        {ex.lookAt}
      </p>
      {ex.sides.length > 0 && (
        <div className="example-sides" role="group" aria-label="Compare">
          <span>Compare:</span>
          {ex.sides.map((s) => (
            <button key={s.id} type="button" className="btn small" aria-pressed={s.id === ex.id} onClick={() => void loadExample(s.id)}>
              {s.label}
            </button>
          ))}
          {studiesOffered(location.search) && (
            <button type="button" className="btn small" onClick={() => void studyExampleSides(ex.id)} title="Both sides on the same seeds, with replications: the difference and its 95% interval">
              Compare both in a study
            </button>
          )}
        </div>
      )}
    </section>
  );
}
