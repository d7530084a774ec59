import { formatMs } from '../../lib/format';
import type { Waterfall } from './waterfall';
import { requestWords } from './WaterfallView';

/** The waterfall's rows as a table: the stage, where, when it started and how long it took, whether it is on the critical path. */
export function WaterfallTable({ w }: { w: Waterfall }) {
  return (
    <table className="wf-table" aria-label={`Stages of the followed request`}>
      <caption>Stages of {requestWords(w)}</caption>
      <thead>
        <tr>
          <th scope="col">stage</th>
          <th scope="col">where</th>
          <th scope="col">from (ms)</th>
          <th scope="col">takes (ms)</th>
          <th scope="col">critical path</th>
          <th scope="col">outcome</th>
        </tr>
      </thead>
      <tbody>
        {w.rows.map((r) => (
          <tr key={r.id} data-depth={r.depth}>
            <th scope="row">{r.label}</th>
            <td>{r.where}</td>
            <td>{formatMs(r.startMs)}</td>
            <td>{formatMs(r.endMs - r.startMs)}</td>
            <td>{r.critical ? 'yes' : 'no'}</td>
            <td>{r.outcome}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">latency</th>
          <td>first attempt to {w.outcome === 'ok' ? 'the answer' : 'the give-up'}</td>
          <td>0</td>
          <td>{formatMs(w.latencyMs)}</td>
          <td />
          <td>{w.outcome}</td>
        </tr>
      </tbody>
    </table>
  );
}
