import { useRunStore } from '../state/runStore';
import { useScenarioStore } from '../state/scenarioStore';
import * as ctl from '../app/controller';

/** Worker failures (role=alert), problems of a file that did not load, and the last notice. */
export function Banners() {
  const error = useRunStore((s) => s.error);
  const notice = useRunStore((s) => s.notice);
  const fileProblems = useScenarioStore((s) => s.fileProblems);
  const stopped = useRunStore((s) => s.report?.stopped);
  return (
    <>
      {stopped && (
        <div className="banner error" role="region" aria-label="Run stopped">
          <p>
            The run stopped at {stopped.atS.toFixed(1)} s: {stopped.reason}. Less load, smaller queues or more capacity keep a run
            within what a browser tab can hold; Reset starts again.
          </p>
        </div>
      )}
      <div role="alert" aria-live="assertive">
        {error && (
          <div className="banner error">
            <p>{error}</p>
            <button type="button" className="btn" onClick={() => void ctl.reset()}>
              Start a new worker
            </button>
          </div>
        )}
      </div>
      {fileProblems.length > 0 && (
        <div className="banner error" role="region" aria-label="Scenario file problems">
          <div>
            <p>The scenario file was not loaded:</p>
            <ul>
              {fileProblems.map((p, i) => (
                <li key={i}>
                  <code>{p.path}</code>: {p.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <div role="status">
        {notice && (
          <div className="banner note">
            <p>{notice}</p>
            <button type="button" className="btn small" aria-label="Dismiss notice" onClick={() => useRunStore.setState({ notice: null })}>
              ×
            </button>
          </div>
        )}
      </div>
    </>
  );
}
