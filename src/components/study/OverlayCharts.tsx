import { useMemo } from 'react';
import type { ClassWindow, WindowStats } from '../../../simulation/index';
import { formatMs, formatNum } from '../../lib/format';
import { shareOfEnded } from '../charts/chartDefs';
import { LineChart, type ChartDef } from '../charts/LineChart';
import { fromRun } from '../charts/overlay';

interface Overlay {
  title: string;
  yTitle: string;
  value: (w: WindowStats) => number;
  format: (v: number) => string;
  /** A share from 0 to 1, drawn in % on an axis to 100% (as the page's own charts of shares). */
  share?: boolean;
}

/** Of the attempts that ended, the share not answered (timed out, rejected or failed), as the page's "not answered" charts count it. */
const notAnswered = (c: ClassWindow) => shareOfEnded(c, c.timedOut + c.rejected + c.failed);
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

// Latency counts answered requests only: beside each, the share that got no answer, without which
// a side whose requests mostly time out would look as fast as the other.
const OVERLAYS: Overlay[] = [
  { title: 'Query latency p99 (answered)', yTitle: 'latency (ms)', value: (w) => w.queries.p99, format: formatMs },
  { title: 'Queries not answered', yTitle: 'share of attempts (%)', value: (w) => notAnswered(w.queries), format: percent, share: true },
  { title: 'Command latency p99 (answered)', yTitle: 'latency (ms)', value: (w) => w.commands.p99, format: formatMs },
  { title: 'Commands not answered', yTitle: 'share of attempts (%)', value: (w) => notAnswered(w.commands), format: percent, share: true },
  { title: 'Query throughput', yTitle: 'completed / s', value: (w) => w.queries.completed, format: (v) => formatNum(Math.round(v)) },
  { title: 'Consistency lag p99', yTitle: 'lag (ms)', value: (w) => w.consistencyLagP99Ms, format: formatMs },
  { title: 'Cost', yTitle: 'vCPU-hours', value: (w) => w.costVcpuHours, format: (v) => v.toFixed(3) },
];

/**
 * A and B of a comparison in one chart each (the first seed of each): A a solid line, B a dashed
 * one, and the legend says which is which in words, so colour is never needed to tell them apart.
 */
export function OverlayCharts({ a, b }: { a: WindowStats[]; b: WindowStats[] }) {
  const defs = useMemo(
    () =>
      OVERLAYS.map(
        (o): ChartDef => ({
          title: `${o.title}: A solid, B dashed`,
          yTitle: o.yTitle,
          format: o.format,
          ...(o.share ? { percent: true, fixedTop: 1 } : { minTop: 1 }),
          series: [
            { label: 'A (solid)', color: 'var(--c1)', value: o.value },
            // B drawn from its own windows, at its own seconds (the same as A's unless B changed the duration).
            fromRun({ label: 'B (dashed)', color: 'var(--c3)', value: o.value, dashed: true }, b),
          ],
        }),
      ),
    [b],
  );
  return (
    <div className="study-charts" role="group" aria-label="A and B over time, first seed">
      {defs.map((d) => (
        <LineChart key={d.title} def={d} data={a} />
      ))}
    </div>
  );
}
