import { figureAt } from '../../../simulation/figures';
import { useId, useMemo, useState } from 'react';
import type { SweepPoint } from '../../study/results';
import { SweepChart, type SweepSeries } from './SweepChart';

/** vCPU-hours of the run: both services' cost (the trade-off the course teaches: p99 against cost). */
const COST: SweepSeries = {
  figure: 'vCPU-hours (command + query service)',
  at: (p) => {
    const c = p.rows.find((r) => r.figure === 'commandService.cost.vcpuHours')?.a;
    const q = p.rows.find((r) => r.figure === 'queryService.cost.vcpuHours')?.a;
    if (!c || !q) return undefined;
    // Means add exactly; intervals are shown for each service in the table, and here as their sum (a bound).
    return { n: c.n, mean: c.mean + q.mean, halfWidth: c.halfWidth + q.halfWidth };
  },
};

/** A sweep: any figure against the field with its interval band, and cost beside it. */
export function SweepView({ points, field, seeds }: { points: SweepPoint[]; field: string; seeds: readonly number[] }) {
  const figures = useMemo(() => points[0]?.rows.map((r) => r.figure) ?? [], [points]);
  const [figure, setFigure] = useState(figures.includes('queries.latencyMs.p99') ? 'queries.latencyMs.p99' : figures[0]);
  const selectId = useId();
  const series = useMemo<SweepSeries>(() => ({ figure, at: (p) => p.rows.find((r) => r.figure === figure)?.a }), [figure]);
  return (
    <div className="study-sweep">
      <label htmlFor={selectId}>Figure</label>{' '}
      <select id={selectId} value={figure} onChange={(e) => setFigure(e.target.value)}>
        {figures.map((f) => (
          <option key={f} value={f}>
            {figureAt(f)?.label ?? f} · {f}
          </option>
        ))}
      </select>
      <div className="study-charts">
        <SweepChart points={points} field={field} series={series} seeds={seeds} title={`${figureAt(figure)?.label ?? figure} · ${figure} against ${field}`} />
        <SweepChart points={points} field={field} series={COST} seeds={seeds} title={`Cost (vCPU-hours) against ${field}`} />
      </div>
    </div>
  );
}
