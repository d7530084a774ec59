import { lazy, Suspense, useRef, useState } from 'react';
import { useRunStore } from '../state/runStore';
import { useUiStore } from '../state/uiStore';
import * as ctl from '../app/controller';
import { formatSimS } from '../lib/format';
import type { Speed } from '../worker/runner';
import { usePlanStore } from '../plan/planStore';
import { useStudyStore } from '../study/studyStore';
import { LabsButton } from '../labs/LabsButton';
import { useLabStore } from '../labs/labStore';
import { GlossaryButton } from './glossary/GlossaryButton';
import { useScenarioStore } from '../state/scenarioStore';
import { ExamplesMenu } from '../examples/ExamplesMenu';
import { clearExample } from '../examples/exampleStore';
import { embedOptions, studiesOffered } from '../embed/embedOptions';
import { MoreMenu } from './MoreMenu';

// The embed-code dialog loads when first opened.
const EmbedDialog = lazy(() => import('./EmbedDialog').then((m) => ({ default: m.EmbedDialog })));

// An embedded lab's compact page keeps one row of buttons: the file, link and theme actions go under "More".
const compact = typeof location !== 'undefined' && embedOptions(location.search) !== null;
// A course page that locks fields gets no studies (embedOptions.ts, studiesOffered).
const studies = typeof location === 'undefined' || studiesOffered(location.search);

const SPEEDS: { value: Speed; label: string }[] = [
  { value: 1, label: '1× real time' },
  { value: 2, label: '2×' },
  { value: 5, label: '5×' },
  { value: 10, label: '10×' },
  { value: 20, label: '20×' },
  { value: 50, label: '50×' },
  { value: 100, label: '100×' },
  { value: 'max', label: 'Fastest' },
];

/** Play, pause, step, reset, speed, the simulated clock, file load and save, theme. */
export function Toolbar() {
  const status = useRunStore((s) => s.status);
  const speed = useRunStore((s) => s.speed);
  const tMs = useRunStore((s) => s.snapshot?.tMs ?? 0);
  const durationMs = useRunStore((s) => s.snapshot?.durationMs ?? 0);
  const achieved = useRunStore((s) => s.achievedSpeed);
  const theme = useUiStore((s) => s.theme);
  const setTheme = useUiStore((s) => s.setTheme);
  const studyOpen = useStudyStore((s) => s.open);
  const planOpen = usePlanStore((s) => s.open);
  const fileRef = useRef<HTMLInputElement>(null);
  const [embedOpen, setEmbedOpen] = useState(false);
  const running = status === 'running';
  const recorded = useScenarioStore((s) => s.recorded);
  // An embedded lab is the course page's lesson: what would leave it (an example, a file) is not offered there.
  const inLab = useLabStore((s) => s.id !== null) && compact;
  // "Run again" keeps the changes made during the run; say so where the button is.
  const keepsChanges = status === 'done' && recorded > 0;

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f && (await ctl.loadText(await f.text(), f.name))) clearExample();
    e.target.value = '';
  };

  // Scenario files and links (under "More" in the compact page, with the theme).
  const files = (
    <>
      {!inLab && (
        <button type="button" className="btn" onClick={() => fileRef.current?.click()}>
          Load scenario…
        </button>
      )}
      <button type="button" className="btn" onClick={() => void ctl.saveScenario()}>
        Save scenario
      </button>
      <button type="button" className="btn" onClick={() => void ctl.shareLink()}>
        Share link
      </button>
      <button type="button" className="btn" onClick={() => setEmbedOpen(true)}>
        Copy embed code…
      </button>
    </>
  );
  const dark = (
    <button type="button" className="btn" aria-label="Dark theme" aria-pressed={theme === 'dark'} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
      Dark
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label="Run controls">
      {running ? (
        <button type="button" className="btn primary" onClick={() => void ctl.pause()}>
          Pause
        </button>
      ) : (
        <button
          type="button"
          className="btn primary"
          onClick={() => void ctl.play()}
          disabled={status === 'starting'}
          aria-describedby={keepsChanges ? 'run-again-note' : undefined}
        >
          {status === 'done' ? 'Run again' : 'Play'}
        </button>
      )}
      {keepsChanges && (
        <span id="run-again-note" className="run-again-note">
          Run again keeps your {recorded === 1 ? 'change' : `${recorded} changes`}; Reset drops {recorded === 1 ? 'it' : 'them'}.
        </span>
      )}
      <button type="button" className="btn" onClick={() => void ctl.step()} disabled={status === 'done' || status === 'starting'}>
        Step 1 s
      </button>
      <button type="button" className="btn" onClick={() => void ctl.reset()}>
        Reset
      </button>
      <label className="inline-label" htmlFor="run-speed">
        Speed
      </label>
      <select id="run-speed" value={String(speed)} onChange={(e) => void ctl.setSpeed(e.target.value === 'max' ? 'max' : Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={String(s.value)} value={String(s.value)}>
            {s.label}
          </option>
        ))}
      </select>
      <span className="clock">
        {/* data-ms: the exact simulated time, for a test or script to wait on (the text is rounded). */}
        <output aria-label="Simulated time" data-ms={tMs}>
          {formatSimS(tMs)}
        </output>
        <span className="sub">
          of {formatSimS(durationMs)} · <output aria-label="Run status">{status}</output>
          {running && achieved !== null ? ` · ${achieved >= 10 ? Math.round(achieved) : achieved.toFixed(1)}×` : ''}
        </span>
      </span>
      <span className="spacer" />
      {!inLab && <ExamplesMenu />}
      <LabsButton />
      <input ref={fileRef} type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void onFile(e)} />
      {!compact && files}
      {embedOpen && (
        <Suspense fallback={null}>
          <EmbedDialog onClose={() => setEmbedOpen(false)} />
        </Suspense>
      )}
      {studies && (
        <button
          type="button"
          className="btn"
          aria-pressed={studyOpen}
          aria-controls={studyOpen ? 'study-panel' : undefined}
          onClick={() => useStudyStore.setState({ open: !studyOpen })}
        >
          Study
        </button>
      )}
      {studies && (
        <button
          type="button"
          className="btn"
          aria-pressed={planOpen}
          aria-controls={planOpen ? 'plan-panel' : undefined}
          onClick={() => usePlanStore.setState({ open: !planOpen })}
        >
          Plan
        </button>
      )}
      <GlossaryButton />
      {compact ? (
        <MoreMenu>
          {files}
          {dark}
        </MoreMenu>
      ) : (
        dark
      )}
    </div>
  );
}
