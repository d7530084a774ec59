import { useId, useMemo, useState } from 'react';
import { scaleLinear, scalePoint } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { SweepPoint } from '../../study/results';
import { useWidth } from '../../hooks/useWidth';
import { withInterval } from './format';

const HEIGHT = 200;
const M = { top: 22, right: 12, bottom: 34, left: 56 };

export interface SweepSeries {
  /** The figure's name, as the report has it. */
  figure: string;
  /** Its value at each point: a mean and 95% half-width. */
  at: (p: SweepPoint) => { n: number; mean: number; halfWidth: number } | undefined;
}

/** The seeds as an export names them: "7" or "7–8" (a study's seeds are consecutive). */
const seedRange = (seeds: readonly number[]) => (seeds.length > 1 ? `${seeds[0]}–${seeds[seeds.length - 1]}` : String(seeds[0] ?? ''));

/**
 * A figure against the swept field: the mean as a line with points, its 95% interval as a band.
 * Focus it and use the arrow keys (or hover) to read a point.
 */
export function SweepChart({ points, field, series, title, seeds }: { points: SweepPoint[]; field: string; series: SweepSeries; title: string; seeds: readonly number[] }) {
  const [ref, width] = useWidth<HTMLDivElement>(360);
  const [cursor, setCursor] = useState<number | null>(null);
  const titleId = useId();
  const innerW = Math.max(40, width - M.left - M.right);
  const innerH = HEIGHT - M.top - M.bottom;
  const numeric = points.every((p) => typeof p.value === 'number');
  const { xOf, y, band, mean, values, tick } = useMemo(() => {
    const values = points.map((p) => series.at(p) ?? { n: 0, mean: NaN, halfWidth: 0 });
    const xs = points.map((p) => p.value);
    let xOf: (i: number) => number;
    if (numeric) {
      const nums = xs as number[];
      const x = scaleLinear().domain([Math.min(...nums), Math.max(...nums, Math.min(...nums) + 1e-9)]).range([0, innerW]);
      xOf = (i) => x(nums[i]);
    } else {
      const x = scalePoint<string>().domain(xs.map(String)).range([0, innerW]).padding(0.3);
      xOf = (i) => x(String(xs[i])) ?? 0;
    }
    const top = Math.max(1e-9, ...values.map((v) => (Number.isFinite(v.mean) ? v.mean + v.halfWidth : 0)));
    // Every figure a sweep draws is a count, a time, a ratio or a cost: none is below 0, and an
    // interval that reaches below it (few seeds, much noise) is drawn down to 0, not to an
    // impossible value (the readout still gives the whole ±).
    const floor = values.every((v) => !(v.mean < 0)) ? 0 : -Infinity;
    const low = (v: { mean: number; halfWidth: number }) => Math.max(floor, v.mean - v.halfWidth);
    const bottom = Math.min(0, ...values.map((v) => (Number.isFinite(v.mean) ? low(v) : 0)));
    const y = scaleLinear().domain([bottom, top]).range([innerH, 0]).nice(4);
    const idx = values.map((_, i) => i).filter((i) => Number.isFinite(values[i].mean));
    const band = area<number>()
      .x((i) => xOf(i))
      .y0((i) => y(low(values[i])))
      .y1((i) => y(values[i].mean + values[i].halfWidth))(idx);
    const mean = line<number>()
      .x((i) => xOf(i))
      .y((i) => y(values[i].mean))(idx);
    // One precision for every tick of the axis (d3 picks it from the step): 20, 25, 30, not 20.000.
    const tick = y.tickFormat(4);
    return { xOf, y, band, mean, values, tick };
  }, [points, series, numeric, innerW, innerH]);
  const i = cursor ?? points.length - 1;
  const at = values[i];
  const onKey = (e: React.KeyboardEvent) => {
    const cur = cursor ?? points.length - 1;
    if (e.key === 'ArrowLeft') setCursor(Math.max(0, cur - 1));
    else if (e.key === 'ArrowRight') setCursor(Math.min(points.length - 1, cur + 1));
    else if (e.key === 'Escape') setCursor(null);
    else return;
    e.preventDefault();
  };
  const onMove = (e: React.PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - box.left - M.left;
    let best = 0;
    points.forEach((_, k) => {
      if (Math.abs(xOf(k) - px) < Math.abs(xOf(best) - px)) best = k;
    });
    setCursor(best);
  };
  const readout = at ? `${field} = ${String(points[i].value)}: ${withInterval(at)}` : '';
  return (
    // data-seeds: an export of this chart names the study's seeds, not the scenario's one.
    <figure className="chart study-sweep-chart" ref={ref} data-seeds={seedRange(seeds)}>
      <figcaption id={titleId}>{title}</figcaption>
      <p className="legend">
        <span>
          <svg width="22" height="10" aria-hidden="true">
            <line x1="0" x2="22" y1="5" y2="5" stroke="var(--c1)" strokeWidth="2" />
          </svg>{' '}
          mean
        </span>
        <span>
          <span className="swatch study-band-swatch" aria-hidden="true" /> 95% interval (band)
        </span>
        <span className="at">{readout}</span>
      </p>
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        tabIndex={0}
        aria-labelledby={titleId}
        aria-description={`${points.length} points. ${readout}`}
        onKeyDown={onKey}
        onPointerMove={onMove}
        onPointerLeave={() => setCursor(null)}
        onBlur={() => setCursor(null)}
      >
        <g transform={`translate(${M.left},${M.top})`}>
          <g className="grid">
            {y.ticks(4).map((t) => (
              <line key={t} x1={0} x2={innerW} y1={y(t)} y2={y(t)} />
            ))}
          </g>
          <path className="study-band" data-series="95% interval (band)" data-legend="fill" d={band ?? ''} />
          <path data-series="mean" d={mean ?? ''} fill="none" stroke="var(--c1)" strokeWidth={1.8} />
          {values.map((v, k) =>
            Number.isFinite(v.mean) ? <circle key={k} cx={xOf(k)} cy={y(v.mean)} r={k === cursor ? 4.5 : 3} fill="var(--c1)" /> : null,
          )}
          <g className="axis">
            <line x1={0} x2={innerW} y1={innerH} y2={innerH} />
            {points.map((p, k) => (
              <text key={k} x={xOf(k)} y={innerH + 13} textAnchor="middle">
                {points.length <= 12 || k % Math.ceil(points.length / 12) === 0 ? String(p.value) : ''}
              </text>
            ))}
            {y.ticks(4).map((t) => (
              <text key={t} x={-5} y={y(t)} textAnchor="end" dominantBaseline="central">
                {tick(t)}
              </text>
            ))}
          </g>
          <text className="axis-title" x={innerW / 2} y={innerH + 29} textAnchor="middle">
            {field}
          </text>
          {/* Above the axis, level: rotated beside it, a long name ran over the tick labels. */}
          <text className="axis-title" x={-M.left + 4} y={-10} textAnchor="start">
            {series.figure}
          </text>
        </g>
      </svg>
    </figure>
  );
}
