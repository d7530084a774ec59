import { memo, useId, useMemo, useState } from 'react';
import { bisector, max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { format } from 'd3-format';
import { decimate } from './decimate';
import type { Happening, WindowStats } from '../../../simulation/index';
import { useWidth } from '../../hooks/useWidth';
import { Help } from '../Help';
import { isolated } from './isolated';
import { Markers } from './Markers';
import { chartId } from '../../labs/chartId';
import * as ctl from '../../app/controller';

export interface SeriesDef {
  label: string;
  color: string;
  value: (w: WindowStats) => number;
  dashed?: boolean;
  /**
   * Another run's windows to draw this line from (the chart's own data otherwise): how a chart
   * shows a second run over the first, in the study's A/B charts and the page's kept run.
   */
  data?: readonly WindowStats[];
  /** Drawn faint (thin, dotted, half opacity): the kept run behind the current one. */
  faint?: boolean;
}

export interface ChartDef {
  title: string;
  /** The y axis title, with its unit. */
  yTitle: string;
  series: SeriesDef[];
  format: (v: number) => string;
  /** Smallest top of the y axis (so a flat zero line does not fill the chart). */
  minTop?: number;
  fixedTop?: number;
  /** Values are ratios in [0, 1], shown as percentages. */
  percent?: boolean;
  /** What the chart shows and how to read it (shown beside its title; every live chart has one). */
  help?: string;
  /** A latency chart's class: a point (click, or Enter on the chart) follows the slowest request of its second. */
  follow?: 'query' | 'command';
}

const HEIGHT = 170;
const M = { top: 8, right: 10, bottom: 32, left: 52 };
const byTime = bisector<WindowStats, number>((w) => w.tS).center;


/** A series' value at second `tS` of its own run (NaN where that run has no such window). */
function valueAtTime(s: SeriesDef, byS: Map<number, WindowStats>, at: WindowStats): number {
  const w = byS.get(at.tS);
  return w ? s.value(w) : NaN;
}

/** A time-series chart: titled axes with units, a legend that shows the values at the cursor. */
export const LineChart = memo(function LineChart(props: { def: ChartDef; data: WindowStats[]; marks?: readonly Happening[]; help?: string }) {
  const { def, data, marks = [], help } = props;
  const [ref, width] = useWidth<HTMLDivElement>(380);
  const [cursor, setCursor] = useState<number | null>(null);
  const titleId = useId();
  const innerW = Math.max(40, width - M.left - M.right);
  const innerH = HEIGHT - M.top - M.bottom;

  const { x, y, paths, dots, bySecond, axis } = useMemo(() => {
    const own = (s: SeriesDef) => s.data ?? data;
    // The time axis spans every run drawn (a kept run may be longer than the current one so far).
    const runs = [data, ...def.series.flatMap((s) => (s.data ? [s.data] : []))].filter((d) => d.length > 0);
    const t0 = runs.length ? Math.max(0, Math.min(...runs.map((d) => d[0].tS)) - 1) : 0;
    const t1 = runs.length ? Math.max(...runs.map((d) => d[d.length - 1].tS)) : 10;
    const x = scaleLinear().domain([t0, Math.max(t1, t0 + 10)]).range([0, innerW]);
    const top = def.fixedTop ?? Math.max(def.minTop ?? 1, max(def.series, (s) => max(own(s), (w) => s.value(w))) ?? 0);
    const y = scaleLinear().domain([0, top]).range([innerH, 0]).nice(4);
    // About one point per 2 px: long series cost no more to draw than short ones.
    const maxPoints = Math.max(20, Math.floor(innerW / 2));
    const path = line<[number, number]>()
      .x((p) => x(p[0]))
      .y((p) => y(Math.max(0, p[1])))
      .defined((p) => Number.isFinite(p[1]))
      .digits(1);
    const dots: [number, number][][] = [];
    const paths = def.series.map((s) => {
      const d = own(s);
      const points = d.map((w) => [w.tS, s.value(w)] as [number, number]);
      // The first window of a run (or a preview of it) covers [0, tS]: its line starts at time 0.
      if (d.length > 0 && d[0].tS <= 1) points.unshift([0, points[0][1]]);
      const drawn = decimate(points, maxPoints);
      dots.push(isolated(drawn));
      return path(drawn) ?? '';
    });
    const bySecond = def.series.map((s) => new Map(own(s).map((w) => [w.tS, w])));
    // The cursor walks the current run's windows, or (before it has any) the longest run drawn.
    const axis = data.length > 0 ? data : runs.reduce<readonly WindowStats[]>((a, d) => (d.length > a.length ? d : a), []);
    return { x, y, paths, dots, bySecond, axis };
  }, [data, def, innerW, innerH]);
  const valueAt = (k: number, w: WindowStats) => valueAtTime(def.series[k], bySecond[k], w);

  const i = cursor !== null && axis.length ? Math.min(cursor, axis.length - 1) : axis.length - 1;
  const at = i >= 0 ? axis[i] : null;
  // The window under the pointer (its index in `axis`).
  const under = (e: React.MouseEvent<SVGSVGElement>) => byTime(axis, x.invert(e.clientX - e.currentTarget.getBoundingClientRect().left - M.left));
  const onMove = (e: React.PointerEvent<SVGSVGElement>) => {
    if (axis.length) setCursor(under(e));
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (!axis.length) return;
    const cur = cursor ?? axis.length - 1;
    if (e.key === 'ArrowLeft') setCursor(Math.max(0, cur - 1));
    else if (e.key === 'ArrowRight') setCursor(Math.min(axis.length - 1, cur + 1));
    else if (e.key === 'Escape') setCursor(null);
    else if (e.key === 'Enter' && pick) pick();
    else return;
    e.preventDefault();
  };
  // A latency chart: its point (at the cursor, else the last) follows the slowest request of that
  // second (its window ends at tS), or the next from now if that second is no longer kept.
  const followAt = (tS: number) => void ctl.follow(def.follow!, { second: tS - 1, orNext: true });
  const pick = def.follow && at && at.tS >= 1 ? () => followAt(at.tS) : undefined;
  const pickText = pick && `Follow the slowest ${def.follow} of ${at!.tS - 1}–${at!.tS} s`;
  // Whole windows are one second each; a preview alone covers less.
  const seconds = data.length === 1 && data[0].tS < 1 ? data[0].tS : data.length;
  const xTicks = x.ticks(Math.max(2, Math.floor(innerW / 70)));
  const yTicks = y.ticks(4);
  const tickText = def.percent ? format('.0%') : y.tickFormat(4);

  return (
    <figure className="chart" ref={ref} data-chart={chartId(def.title)}>
      <div className="chart-head">
        <figcaption id={titleId} aria-hidden="true">{def.title}</figcaption>
        {help && <Help text={help} about={`the ${def.title} chart`} />}
      </div>
      <ul className="legend" aria-live="off">
        <li className="at">{at ? `t = ${at.tS} s` : 'no data yet'}</li>
        {def.series.map((s, k) => (
          <li key={s.label} className={s.faint ? 'faint' : undefined}>
            <span className="swatch" style={{ background: s.color }} />
            {s.label} {at && Number.isFinite(valueAt(k, at)) ? def.format(valueAt(k, at)) : ''}
          </li>
        ))}
      </ul>
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={`${def.title}: ${seconds} s of data${at ? `, at ${at.tS} s ${def.series.map((sd, k) => `${sd.label} ${def.format(valueAt(k, at))}`).join(', ')}` : ''}`}
        tabIndex={0}
        onPointerMove={onMove}
        onPointerLeave={() => setCursor(null)}
        onKeyDown={onKey}
        onClick={pick && ((e) => followAt(axis[under(e)].tS))}
        onBlur={() => setCursor(null)}
      >
        <g transform={`translate(${M.left},${M.top})`}>
          <g className="grid">
            {yTicks.map((t) => (
              <line key={t} x1={0} x2={innerW} y1={y(t)} y2={y(t)} />
            ))}
          </g>
          <g className="axis">
            <line x1={0} x2={innerW} y1={innerH} y2={innerH} />
            {xTicks.map((t) => (
              <text key={t} x={x(t)} y={innerH + 13} textAnchor="middle">
                {t}
              </text>
            ))}
            {yTicks.map((t) => (
              <text key={t} x={-5} y={y(t)} textAnchor="end" dominantBaseline="central">
                {tickText(t)}
              </text>
            ))}
          </g>
          <text className="axis-title" x={innerW / 2} y={innerH + 27} textAnchor="middle">
            simulated time (s)
          </text>
          <text className="axis-title" transform={`translate(${-42},${innerH / 2}) rotate(-90)`} textAnchor="middle">
            {def.yTitle}
          </text>
          <Markers marks={marks} x={x} height={innerH} />
          {def.series.map((s, k) => (
            <path
              key={s.label}
              data-series={s.label}
              d={paths[k]}
              fill="none"
              stroke={s.color}
              strokeWidth={s.faint ? 1.2 : 1.6}
              strokeOpacity={s.faint ? 0.45 : undefined}
              strokeDasharray={s.faint ? '1 3' : s.dashed ? '4 3' : undefined}
            />
          ))}
          {def.series.map((s, k) =>
            dots[k].map(([t, v]) => <circle key={`${s.label}-${t}`} className="dot" cx={x(t)} cy={y(Math.max(0, v))} r={3} fill={s.color} />),
          )}
          {cursor !== null && at && <line className="cursor" data-no-export x1={x(at.tS)} x2={x(at.tS)} y1={0} y2={innerH} />}
        </g>
      </svg>
      {pick && (
        <button type="button" className="btn chart-follow" onClick={pick}>
          {pickText}
        </button>
      )}
    </figure>
  );
});
