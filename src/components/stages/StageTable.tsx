import { formatMs, formatPct } from '../../lib/format';
import type { GroupFigures } from './stageSplits';

/**
 * The table behind a group's two bars: each stage's mean ms and share, over all the requests and
 * over the tail, and their totals. Always there for screen readers; shown on the page on demand.
 */
export function StageTable({ group, over }: { group: GroupFigures; over: string }) {
  const { def, mean, tail } = group;
  return (
    <table className="stage-table" aria-label={`${def.title}: time per stage, ${over}`}>
      <caption>
        {def.title}: time per stage, {over}
      </caption>
      <thead>
        <tr>
          <th scope="col">stage</th>
          <th scope="col">mean (ms)</th>
          <th scope="col">share</th>
          <th scope="col">p99 tail (ms)</th>
          <th scope="col">share</th>
        </tr>
      </thead>
      <tbody>
        {mean.segments.map((s, k) => (
          <tr key={s.id}>
            <th scope="row">{s.label}</th>
            <td>{formatMs(s.ms)}</td>
            <td>{formatPct(s.share)}</td>
            <td>{formatMs(tail.segments[k].ms)}</td>
            <td>{formatPct(tail.segments[k].share)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">total</th>
          <td>{formatMs(mean.totalMs)}</td>
          <td>{mean.totalMs > 0 ? '100%' : '–'}</td>
          <td>{formatMs(tail.totalMs)}</td>
          <td>{tail.totalMs > 0 ? '100%' : '–'}</td>
        </tr>
      </tbody>
    </table>
  );
}
