import { lazy, Suspense, useEffect } from 'react';
import { useIdle } from './hooks/useAfterPaint';
import { useUiStore } from './state/uiStore';
import { useRunStore } from './state/runStore';
import { Toolbar } from './components/Toolbar';
import { Banners } from './components/Banners';
import { Topology } from './components/topology/Topology';
import { ChartGrid } from './components/charts/ChartGrid';
import { usePlanStore } from './plan/planStore';
import { useStudyStore } from './study/studyStore';
import { Welcome } from './examples/Welcome';
import { IdleHint } from './examples/IdleHint';
import { ExampleSlot } from './examples/ExampleSlot';
import { LabSlot } from './labs/LabSlot';
import { embedOptions, restrictsFields, studiesOffered } from './embed/embedOptions';
import { useLabStore } from './labs/labStore';

// Not needed for the first paint: the settings load just after it, the report when a run ends.
const SettingsPanel = lazy(() => import('./components/settings/SettingsPanel').then((m) => ({ default: m.SettingsPanel })));
const ReportPanel = lazy(() => import('./components/ReportPanel').then((m) => ({ default: m.ReportPanel })));
// What-if studies load when the panel is first opened (from the toolbar or a study link).
// The figures, with every label and help text of the figure registry, come just after the first paint.
const FiguresPanel = lazy(() => import('./components/FiguresPanel').then((m) => ({ default: m.FiguresPanel })));
// Where the time goes: the stages of the latencies, with the figures' code, just after the first paint.
const StagesPanel = lazy(() => import('./components/stages/StagesPanel').then((m) => ({ default: m.StagesPanel })));
const FollowPanel = lazy(() => import('./components/follow/FollowPanel').then((m) => ({ default: m.FollowPanel })));
const StudyPanel = lazy(() => import('./components/study/StudyPanel').then((m) => ({ default: m.StudyPanel })));
const PlanPanel = lazy(() => import('./components/plan/PlanPanel').then((m) => ({ default: m.PlanPanel })));
// In embed mode with a lab (or `fields=`), only the fields it needs.
const LabControls = lazy(() => import('./labs/LabControls').then((m) => ({ default: m.LabControls })));
const embed = typeof location === 'undefined' ? null : embedOptions(location.search);

/** Holds the settings panel's place (and title) while its code loads. */
function SettingsPlaceholder() {
  return (
    <section className="panel settings" aria-labelledby="settings-title" aria-busy="true">
      <h2 id="settings-title">Settings</h2>
      <p className="muted">Loading the settings…</p>
    </section>
  );
}

/** Holds the figures panel's place while its code loads (and until the page is first idle: it is out of view at load). */
function FiguresPlaceholder() {
  return (
    <section className="panel figures" aria-busy="true">
      <p className="muted">Loading the figures…</p>
    </section>
  );
}

/** Moves keyboard focus to a heading (and scrolls to it) without touching the address, whose hash holds a shared scenario. */
function jumpTo(e: React.MouseEvent, id: string): void {
  e.preventDefault();
  const el = document.getElementById(id);
  if (!el) return;
  el.tabIndex = -1;
  el.focus();
  el.scrollIntoView({ block: 'nearest' });
}

/**
 * Links shown on the first Tab: the lab and the settings sit in the side column, after the
 * toolbar, the topology and a dozen charts (about 90 stops) in the order of the page.
 */
function SkipLinks() {
  const labOpen = useLabStore((s) => s.def !== null);
  return (
    <nav className="skip-links" aria-label="Skip links">
      {labOpen && (
        <a href="#lab-title" onClick={(e) => jumpTo(e, 'lab-title')}>
          Skip to the lab
        </a>
      )}
      <a href="#settings-title" onClick={(e) => jumpTo(e, 'settings-title')}>
        Skip to the settings
      </a>
      <a href="#stages-title" onClick={(e) => jumpTo(e, 'stages-title')}>
        Skip to where the time goes
      </a>
    </nav>
  );
}

/** The sandbox: toolbar, topology and charts on the left; settings and figures on the right. */
export function App() {
  const theme = useUiStore((s) => s.theme);
  const done = useRunStore((s) => s.status === 'done');
  const studyOpen = useStudyStore((s) => s.open) && studiesOffered(location.search);
  const planOpen = usePlanStore((s) => s.open) && studiesOffered(location.search);
  // The figures (600 elements, under the settings) wait for the first idle moment.
  const idle = useIdle();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <SkipLinks />
      <header className="app-header">
        <h1>CQRS Scaling Lab</h1>
        <Toolbar />
      </header>
      <Banners />
      <main className="layout">
        <div className="main">
          {studyOpen && (
            <Suspense fallback={<p className="muted">Loading the study panel…</p>}>
              <StudyPanel />
            </Suspense>
          )}
          {planOpen && (
            <Suspense fallback={<p className="muted">Loading the plan panel…</p>}>
              <PlanPanel />
            </Suspense>
          )}
          <Welcome />
          <ExampleSlot />
          <IdleHint />
          <Topology />
          {done && (
            <Suspense fallback={null}>
              <ReportPanel />
            </Suspense>
          )}
          <ChartGrid />
          {idle && (
            <Suspense fallback={null}>
              <StagesPanel />
              <FollowPanel />
            </Suspense>
          )}
        </div>
        <div className="side">
          <LabSlot />
          <Suspense fallback={<SettingsPlaceholder />}>
            {embed && restrictsFields(embed) ? <LabControls fields={embed.fields} locked={embed.locked} /> : <SettingsPanel />}
          </Suspense>
          <Suspense fallback={<FiguresPlaceholder />}>{idle ? <FiguresPanel /> : <FiguresPlaceholder />}</Suspense>
        </div>
      </main>
    </div>
  );
}
