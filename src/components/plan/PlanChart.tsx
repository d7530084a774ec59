import { useId, useMemo, useState } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { PlanAnswer } from '../../../simulation/index';
import { useWidth } from '../../hooks/useWidth';
import { settingsLine } from '../../plan/planInput';
import { num } from '../study/format';

const HEIGHT = 220;
const M = { top: 22, right: 14, bottom: 34, left: 56 };

/**
 * One target against cost: every design that ran as a point at its cost per hour and the target's
 * mean, with its 95% interval as a whisker, filled where it met every target; the limit as a
 * dashed line, the frontier as a line through its designs, the answer ringed. Focus it and use the
 * arrow keys (or hover) to read a design.
 */
export function PlanChart({ answer, target }: { answer: PlanAnswer; target: string }) {
  const [ref, width] = useWidth<HTMLDivElement>(360);
  const [cursor, setCursor] = useState<number | null>(null);
  const titleId = useId();
  const innerW = Math.max(40, width - M.left - M.right);
  const innerH = HEIGHT - M.top - M.bottom;
  const limit = Number(target.split(' ')[2]);
  const bestKey = answer.best ? settingsLine(answer.best.settings) : null;
  const { designs, x, y, frontier, tick } = useMemo(() => {
    const designs = answer.ran.filter((d) => d.targets[target] && Number.isFinite(d.targets[target].mean)).sort((a, b) => a.costUsdPerHour - b.costUsdPerHour);
    const costs = designs.map((d) => d.costUsdPerHour);
    const lo = Math.min(...costs);
    const hi = Math.max(...costs);
    const pad = (hi - lo) * 0.05 || lo * 0.05 || 1;
    const x = scaleLinear().domain([lo - pad, hi + pad]).range([0, innerW]);
    const ys = designs.flatMap((d) => d.targets[target].ci95).concat(Number.isFinite(limit) ? [limit] : []);
    const y = scaleLinear().domain([Math.min(0, ...ys), Math.max(1e-9, ...ys)]).range([innerH, 0]).nice(4);
    const keys = new Set(answer.frontier.map((d) => settingsLine(d.settings)));
    const onFrontier = designs.filter((d) => keys.has(settingsLine(d.settings)));
    const frontier = line<(typeof designs)[number]>()
      .x((d) => x(d.costUsdPerHour))
      .y((d) => y(d.targets[target].mean))(onFrontier);
    return { designs, x, y, frontier, tick: y.tickFormat(4) };
  }, [answer, target, limit, innerW, innerH]);
  const i = cursor ?? designs.findIndex((d) => settingsLine(d.settings) === bestKey);
  const at = designs[i];
  const readout = at
    ? `${settingsLine(at.settings)}: $${at.costUsdPerHour.toFixed(4)} per hour, mean ${num(at.targets[target].mean)} (${num(at.targets[target].ci95[0])} to ${num(at.targets[target].ci95[1])})${at.holds ? ', meets the targets' : ''}`
    : '';
  const onKey = (e: React.KeyboardEvent) => {
    const cur = Math.max(0, i);
    if (e.key === 'ArrowLeft') setCursor(Math.max(0, cur - 1));
    else if (e.key === 'ArrowRight') setCursor(Math.min(designs.length - 1, cur + 1));
    else if (e.key === 'Escape') setCursor(null);
    else return;
    e.preventDefault();
  };
  const onMove = (e: React.PointerEvent<SVGSVGElement>) => {
    const px = e.clientX - e.currentTarget.getBoundingClientRect().left - M.left;
    let best = 0;
    designs.forEach((d, k) => {
      if (Math.abs(x(d.costUsdPerHour) - px) < Math.abs(x(designs[best].costUsdPerHour) - px)) best = k;
    });
    setCursor(best);
  };
  return (
    <figure className="chart plan-chart" ref={ref}>
      <figcaption id={titleId}>{target} against cost per hour</figcaption>
      <p className="legend">
        <span>
          <svg width="12" height="10" aria-hidden="true">
            <circle cx="6" cy="5" r="4" fill="var(--c1)" />
          </svg>{' '}
          meets every target
        </span>
        <span>
          <svg width="12" height="10" aria-hidden="true">
            <circle cx="6" cy="5" r="3.5" fill="none" stroke="var(--c3)" strokeWidth="1.5" />
          </svg>{' '}
          does not
        </span>
        <span>
          <svg width="22" height="10" aria-hidden="true">
            <line x1="0" x2="22" y1="5" y2="5" stroke="var(--muted)" strokeDasharray="4 3" />
          </svg>{' '}
          limit
        </span>
        <span>
          <svg width="22" height="10" aria-hidden="true">
            <line x1="0" x2="22" y1="5" y2="5" stroke="var(--c2)" strokeWidth="1.5" />
          </svg>{' '}
          frontier
        </span>
        <span className="at">{readout}</span>
      </p>
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        tabIndex={0}
        aria-labelledby={titleId}
        aria-description={`${designs.length} designs. ${readout}`}
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
          {Number.isFinite(limit) && <line data-series="limit" x1={0} x2={innerW} y1={y(limit)} y2={y(limit)} stroke="var(--muted)" strokeDasharray="4 3" />}
          <path data-series="frontier" d={frontier ?? ''} fill="none" stroke="var(--c2)" strokeWidth={1.5} />
          {designs.map((d, k) => {
            const t = d.targets[target];
            const cx = x(d.costUsdPerHour);
            const key = settingsLine(d.settings);
            return (
              <g key={key} data-design={key}>
                <line x1={cx} x2={cx} y1={y(t.ci95[0])} y2={y(t.ci95[1])} stroke="var(--muted)" />
                <circle cx={cx} cy={y(t.mean)} r={k === cursor ? 5 : 3.5} fill={d.holds ? 'var(--c1)' : 'none'} stroke={d.holds ? 'var(--c1)' : 'var(--c3)'} strokeWidth={1.5} />
                {key === bestKey && <circle cx={cx} cy={y(t.mean)} r={8} fill="none" stroke="var(--text, currentColor)" strokeWidth={1.2} />}
              </g>
            );
          })}
          <g className="axis">
            <line x1={0} x2={innerW} y1={innerH} y2={innerH} />
            {x.ticks(5).map((t) => (
              <text key={t} x={x(t)} y={innerH + 13} textAnchor="middle">
                ${t.toFixed(2)}
              </text>
            ))}
            {y.ticks(4).map((t) => (
              <text key={t} x={-5} y={y(t)} textAnchor="end" dominantBaseline="central">
                {tick(t)}
              </text>
            ))}
          </g>
          <text className="axis-title" x={innerW / 2} y={innerH + 29} textAnchor="middle">
            cost per hour (USD)
          </text>
          <text className="axis-title" x={-M.left + 4} y={-10} textAnchor="start">
            {target.split(' ')[0]}
          </text>
        </g>
      </svg>
    </figure>
  );
}
