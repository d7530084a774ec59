import { useEffect, useRef } from 'react';
import { useStudyStore } from '../../study/studyStore';
import { cancelStudy, exportCsv, loadStudyFromHash, loadStudyText, runStudy, saveStudy, shareStudy, studyPageScenario } from '../../study/studyActions';
import { StudyForm } from './StudyForm';
import { StudyResults } from './StudyResults';
import './study.css';

/** What-if studies: replications, an A/B comparison on common random numbers, and sweeps, run on Web Workers. */
export function StudyPanel() {
  const s = useStudyStore();
  const fileRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const busy = s.status === 'running' || s.status === 'preparing';

  useEffect(() => {
    headingRef.current?.focus();
    void loadStudyFromHash(location.hash);
    const onHash = () => void loadStudyFromHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) await loadStudyText(await f.text(), f.name);
    e.target.value = '';
  };

  return (
    <section id="study-panel" className="panel study" aria-labelledby="study-title">
      <div className="study-head">
        <h2 id="study-title" ref={headingRef} tabIndex={-1}>
          Study
        </h2>
        <span className="muted">
          {s.scenario ? `Scenario of the loaded study: ${s.scenarioName ?? ''}` : "The page's current scenario (with its recorded changes)"}
        </span>
        {s.scenario !== null && (
          <button type="button" className="btn small" onClick={studyPageScenario} disabled={busy}>
            Use the page&apos;s scenario
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="btn small" onClick={() => useStudyStore.setState({ open: false })} aria-label="Close the study panel">
          Close
        </button>
      </div>
      <StudyForm />
      <div className="study-actions" role="group" aria-label="Study actions">
        {busy ? (
          <button type="button" className="btn primary" onClick={cancelStudy}>
            Cancel
          </button>
        ) : (
          <button type="button" className="btn primary" onClick={() => void runStudy()}>
            Run study
          </button>
        )}
        <button type="button" className="btn" onClick={() => void saveStudy()} disabled={busy}>
          Save study
        </button>
        <button type="button" className="btn" onClick={() => void shareStudy()} disabled={busy}>
          Share study link
        </button>
        <input ref={fileRef} type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void onFile(e)} />
        <button type="button" className="btn" onClick={() => fileRef.current?.click()} disabled={busy}>
          Load study…
        </button>
        <button type="button" className="btn" onClick={exportCsv} disabled={!s.result}>
          Export CSV
        </button>
      </div>
      {(busy || s.status === 'cancelled' || s.status === 'done') && s.total > 0 && (
        <div className="study-progress">
          <progress max={s.total} value={s.done} aria-label="Study progress" />
          <output aria-label="Study progress text">
            {s.status === 'preparing' ? 'checking the study…' : `${s.done} of ${s.total} runs`}
            {s.status === 'running' && s.workers > 0 ? ` on ${s.workers} worker${s.workers > 1 ? 's' : ''}` : ''}
          </output>
          <output aria-label="Study status" className="muted">
            {s.status}
          </output>
        </div>
      )}
      {s.notice && (
        <p className="study-notice" role="status">
          {s.notice}
        </p>
      )}
      {s.problems.length > 0 && (
        <ul className="study-problems" role="alert" aria-label="Study problems">
          {s.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      {s.result && <StudyResults result={s.result} />}
    </section>
  );
}
