import { useDeferredValue, useMemo } from 'react';
import { useRunStore } from '../../state/runStore';
import { useAfterPaint } from '../../hooks/useAfterPaint';
import { happeningsOf } from '../../lib/happenings';
import { CHARTS } from './chartDefs';
import { LineChart } from './LineChart';
import { WhatHappened } from './WhatHappened';
import { KeepRun } from './KeepRun';
import { withKeptRun } from './overlay';
import { useCompareStore } from '../../state/compareStore';

/** Every live chart, fed by the windows the page keeps (the last 10 simulated minutes), with what happened marked on them. */
export function ChartGrid() {
  // Deferred: the charts render in an interruptible background pass, so drawing nine charts
  // never blocks the main thread for long (React yields every few ms).
  const series = useDeferredValue(useRunStore((s) => s.series));
  const { list, dropped } = useMemo(() => happeningsOf(series), [series]);
  // The charts come a frame after the rest of the first screen, in a task of their own.
  const painted = useAfterPaint();
  const kept = useCompareStore((s) => (s.shown ? s.kept : null));
  const charts = useMemo(() => (kept ? CHARTS.map((d) => withKeptRun(d, kept.series, kept.label)) : CHARTS), [kept]);
  const status = useRunStore((s) => s.status);
  return (
    <section className="panel charts-panel" aria-labelledby="charts-title">
      <h2 id="charts-title">Live charts</h2>
      <KeepRun />
      <WhatHappened list={list} dropped={dropped} ended={status === 'done'} />
      <div className="charts">
        {painted && charts.map((def) => <LineChart key={def.title} def={def} data={series} marks={list} help={def.help} />)}
      </div>
    </section>
  );
}
