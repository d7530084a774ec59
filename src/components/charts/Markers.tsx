import type { ScaleLinear } from 'd3-scale';
import type { Happening } from '../../../simulation/index';
import { happeningLine, markKind, MARK_KINDS } from '../../lib/happenings';

/** At most this many markers on one chart (the latest): more would hide the lines. */
const MAX_MARKS = 120;

/** What happened, as marks on a chart's time axis: a thin line and a letter, its words on hover. */
export function Markers({ marks, x, height }: { marks: readonly Happening[]; x: ScaleLinear<number, number>; height: number }) {
  const [t0, t1] = x.domain();
  const shown = marks.filter((h) => h.atS >= t0 && h.atS <= t1).slice(-MAX_MARKS);
  return (
    <g className="markers" aria-hidden="true">
      {shown.map((h, i) => {
        const kind = markKind(h);
        const m = MARK_KINDS[kind];
        const cx = x(h.atS);
        return (
          <g key={i} className="marker" data-kind={kind}>
            <title>{happeningLine(h)}</title>
            <line x1={cx} x2={cx} y1={0} y2={height} stroke={m.color} />
            <text x={cx} y={-1} textAnchor="middle" fill={m.color}>
              {m.letter}
            </text>
          </g>
        );
      })}
    </g>
  );
}
