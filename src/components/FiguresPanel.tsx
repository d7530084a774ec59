import type { ClassReport, ClassWindow } from '../../simulation/index';
import { useRunStore } from '../state/runStore';
import { formatByName, formatMs, formatNum, formatPct } from '../lib/format';

const WINDOW_ROWS: (keyof ClassWindow)[] = ['offered', 'completed', 'rejected', 'timedOut', 'failed', 'p50', 'p95', 'p99'];
const REPORT_ROWS: { name: string; get: (c: ClassReport) => number }[] = [
  { name: 'throughputRps', get: (c) => c.throughputRps },
  { name: 'latencyMs.p50', get: (c) => c.latencyMs.p50 },
  { name: 'latencyMs.p99', get: (c) => c.latencyMs.p99 },
  { name: 'rejected', get: (c) => c.rejected },
  { name: 'timedOut', get: (c) => c.timedOut },
  { name: 'inFlight', get: (c) => c.inFlight },
  { name: 'retries', get: (c) => c.retries },
  { name: 'requests.gaveUp', get: (c) => c.requests.gaveUp },
];

/** The current figures: the last 1 s window, and the report so far (names as in the CLI report). */
export function FiguresPanel() {
  const w = useRunStore((s) => s.snapshot?.window ?? null);
  const r = useRunStore((s) => s.report);
  const latency = (k: keyof ClassWindow) => k.startsWith('p');
  return (
    <section className="panel figures" aria-labelledby="figures-title">
      <h2 id="figures-title">Current figures</h2>
      <table aria-label={`Last window${w ? ` (to ${w.tS} s)` : ''}`}>
        <caption className="muted" style={{ textAlign: 'left' }}>
          Last second{w ? ` (to ${w.tS} s)` : ': none yet'}
        </caption>
        <thead>
          <tr>
            <th scope="col">window</th>
            <th scope="col">commands</th>
            <th scope="col">queries</th>
          </tr>
        </thead>
        <tbody>
          {WINDOW_ROWS.map((k) => (
            <tr key={k}>
              <th scope="row">{latency(k) ? `${k} (ms)` : `${k} (/s)`}</th>
              <td aria-label={`commands.${k}`}>{w ? (latency(k) ? formatMs(w.commands[k]) : formatNum(w.commands[k])) : '–'}</td>
              <td aria-label={`queries.${k}`}>{w ? (latency(k) ? formatMs(w.queries[k]) : formatNum(w.queries[k])) : '–'}</td>
            </tr>
          ))}
          <Single name="consistencyLagP99Ms" value={w ? `${formatMs(w.consistencyLagP99Ms)} ms` : '–'} />
          <Single name="streamLagMs" value={w ? `${formatMs(w.streamLagMs)} ms` : '–'} />
          <Single name="streamLagEvents" value={w ? formatNum(w.streamLagEvents) : '–'} />
          <Single name="cacheHitRatio" value={w ? formatPct(w.cacheHitRatio) : '–'} />
          <Single name="staleReadRatio" value={w ? formatPct(w.staleReadRatio) : '–'} />
        </tbody>
      </table>
      <table aria-label="Since warm-up">
        <caption className="muted" style={{ textAlign: 'left', marginTop: 8 }}>
          Since warm-up (report)
        </caption>
        <thead>
          <tr>
            <th scope="col">report</th>
            <th scope="col">commands</th>
            <th scope="col">queries</th>
          </tr>
        </thead>
        <tbody>
          {REPORT_ROWS.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td>{r ? formatByName(row.name, row.get(r.commands)) : '–'}</td>
              <td>{r ? formatByName(row.name, row.get(r.queries)) : '–'}</td>
            </tr>
          ))}
          <Single name="queries.cacheHitRatio" value={r ? formatPct(r.queries.cacheHitRatio) : '–'} />
          <Single name="queries.staleReadRatio" value={r ? formatPct(r.queries.staleReadRatio) : '–'} />
          <Single name="followUpReads.violations" value={r ? `${r.followUpReads.violations} of ${r.followUpReads.count}` : '–'} />
          <Single name="consistencyLagMs.p99" value={r ? `${formatMs(r.consistencyLagMs.p99)} ms` : '–'} />
          <Single name="replicaLagMs.p99" value={r ? `${formatMs(r.replicaLagMs.p99)} ms` : '–'} />
          <Single name="commandService.utilization" value={r ? formatPct(r.commandService.utilization) : '–'} />
          <Single name="queryService.utilization" value={r ? formatPct(r.queryService.utilization) : '–'} />
          <Single name="eventStream.maxLagMs" value={r ? `${formatMs(r.eventStream.maxLagMs)} ms` : '–'} />
          <Single name="retries" value={r ? formatNum(r.retries) : '–'} />
          <Single
            name="errors"
            value={
              r
                ? `${r.errors.deadInstance} dead instance, ${r.errors.shardDown} shard down, ${r.errors.injected} injected, ${r.errors.noInstance} no instance` +
                  (r.errors.breakerOpen !== undefined ? `, ${r.errors.breakerOpen} breaker open` : '') +
                  (r.errors.shed !== undefined ? `, ${r.errors.shed} shed` : '')
                : '–'
            }
          />
          <Single name="detectionMs.mean" value={r && r.detectionMs.count > 0 ? `${formatMs(r.detectionMs.mean)} ms` : '–'} />
          <Single
            name="cost.vcpuHours"
            value={r ? (r.commandService.cost.vcpuHours + r.queryService.cost.vcpuHours + r.projectors.cost.vcpuHours + r.replicas.cost.vcpuHours).toFixed(3) : '–'}
          />
        </tbody>
      </table>
    </section>
  );
}

function Single({ name, value }: { name: string; value: string }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td colSpan={2} aria-label={name}>
        {value}
      </td>
    </tr>
  );
}
