import { useDeferredValue, useMemo } from 'react';
import { useRunStore } from '../../state/runStore';
import { useAfterPaint } from '../../hooks/useAfterPaint';
import { happeningsOf } from '../../lib/happenings';
import { CHARTS } from './chartDefs';
import { LineChart } from './LineChart';
import { WhatHappened } from './WhatHappened';

/** Every live chart, fed by the windows the page keeps (the last 10 simulated minutes), with what happened marked on them. */
export function ChartGrid() {
  // Deferred: the charts render in an interruptible background pass, so drawing nine charts
  // never blocks the main thread for long (React yields every few ms).
  const series = useDeferredValue(useRunStore((s) => s.series));
  const { list, dropped } = useMemo(() => happeningsOf(series), [series]);
  // The charts come a frame after the rest of the first screen, in a task of their own.
  const painted = useAfterPaint();
  return (
    <section className="panel charts-panel" aria-labelledby="charts-title">
      <h2 id="charts-title">Live charts</h2>
      <WhatHappened list={list} dropped={dropped} />
      <div className="charts">
        {painted && CHARTS.map((def) => <LineChart key={def.title} def={def} data={series} marks={list} help={def.help} />)}
      </div>
    </section>
  );
}
