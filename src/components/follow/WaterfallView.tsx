import { formatMs, groupThousands } from '../../lib/format';
import type { Waterfall } from './waterfall';

const KIND = { query: 'Query', command: 'Command' } as const;

/** The request's name and latency, as the heading and the drawing's name say it. */
export function requestWords(w: Waterfall): string {
  const how = w.outcome === 'ok' ? 'answered' : 'given up';
  return `${KIND[w.kind]} ${groupThousands(w.request)} (at ${(w.atMs / 1000).toFixed(3)} s): ${formatMs(w.latencyMs)} ms, ${how}`;
}

/** What happened after the reply, for a command: where and when its write became visible. */
export function visibleWords(w: Waterfall): string | null {
  if (!w.visible) return w.kind === 'command' && w.rows.some((r) => r.label.startsWith('visible everywhere')) ? 'Its write was dropped: never visible.' : null;
  const v = w.visible;
  return `Visible on ${v.where} at +${formatMs(v.lagMs)} ms after its commit (${formatMs(v.atMs)} ms after the request started); in the read model's primary at +${formatMs(v.primaryLagMs)} ms.`;
}

/**
 * The waterfall: a row per span, its bar placed on the request's simulated-time axis (0 at the
 * request's start), the critical path drawn solid and the rest hatched, a line at the reply. One
 * image to assistive technology; the table beside it holds the same rows.
 */
export function WaterfallView({ w }: { w: Waterfall }) {
  const pct = (ms: number) => `${(w.axisMs > 0 ? ms / w.axisMs : 0) * 100}%`;
  // The reply, marked on every row when the trace goes on past it (a command's write).
  const reply = w.axisMs > w.latencyMs ? <span className="wf-reply" style={{ left: pct(w.latencyMs) }} /> : null;
  return (
    <div className="waterfall" role="img" aria-label={`Waterfall of ${requestWords(w)}`}>
      {w.rows.map((r) => (
        <div key={r.id} className="wf-row">
          <span className="wf-label" style={{ paddingLeft: `${r.depth * 10}px` }} title={r.where}>
            {r.label}
          </span>
          <span className="wf-track">
            {reply}
            <span
              className={`wf-bar${r.critical ? ' wf-critical' : ''}${r.outcome === 'ok' ? '' : ' wf-failed'}`}
              style={{ left: pct(r.startMs), width: pct(r.endMs - r.startMs) }}
            />
          </span>
          <span className="wf-ms">{formatMs(r.endMs - r.startMs)} ms</span>
        </div>
      ))}
      <div className="wf-row wf-axis">
        <span className="wf-label" />
        <span className="wf-track">
          {reply}
          <span className="wf-tick" style={{ left: 0 }}>
            0
          </span>
          <span className="wf-tick wf-tick-end">{formatMs(w.axisMs)} ms</span>
        </span>
        <span className="wf-ms" />
      </div>
    </div>
  );
}
