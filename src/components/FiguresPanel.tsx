import type { ClassReport, ClassWindow } from '../../simulation/index';
import { figureAt, seriesFigureAt } from '../../simulation/figures';
import { PART_DECLARATIONS as PARTS } from 'virtual:part-declarations';
import { useRunStore } from '../state/runStore';
import { formatMs, formatNum, formatPct } from '../lib/format';
import { formatFigure } from '../lib/formatFigure';
import { failuresRow, partFigure, partRows } from './panelRows';
import { FigureName } from './FigureName';

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

/** The failures row and the parts' own rows, from the parts list. */
const FAILURES = failuresRow(PARTS);
const PART_ROWS = partRows(PARTS);

/** A report figure's label and help from the registry (its id when the registry lacks it). */
function fig(id: string): { label: string; help: string } {
  const f = figureAt(id);
  return { label: f?.label ?? id, help: f?.help ?? '' };
}

/** A class figure's label without its class ("p99 latency" for commands and queries alike). */
const classLabel = (name: string) => {
  const l = fig(`queries.${name}`).label.replace(/^Query /, '');
  return l.charAt(0).toUpperCase() + l.slice(1);
};

/** The current figures: the last 1 s window, and the report so far; each by its label, code name second, with help. */
export function FiguresPanel() {
  const w = useRunStore((s) => s.snapshot?.window ?? null);
  const r = useRunStore((s) => s.report);
  const latency = (k: keyof ClassWindow) => k.startsWith('p');
  const vcpuHours = r ? r.commandService.cost.vcpuHours + r.queryService.cost.vcpuHours + r.projectors.cost.vcpuHours + r.replicas.cost.vcpuHours : 0;
  // A window's figures, from the series registry: class figures under their query id, without the class.
  const win = (k: string) => {
    const f = seriesFigureAt(k) ?? seriesFigureAt(`queries.${k}`);
    return { label: f ? f.label.replace(/^Query (.)/, (_, c: string) => c.toUpperCase()) : k, help: f?.help ?? '' };
  };
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
              <Head id={`*.${k}`} label={`${win(k).label}${latency(k) ? ' (ms)' : ' per second'}`} help={win(k).help} />
              <td aria-label={`commands.${k}`}>{w ? (latency(k) ? formatMs(w.commands[k]) : formatNum(w.commands[k])) : '–'}</td>
              <td aria-label={`queries.${k}`}>{w ? (latency(k) ? formatMs(w.queries[k]) : formatNum(w.queries[k])) : '–'}</td>
            </tr>
          ))}
          <Single name="consistencyLagP99Ms" {...win('consistencyLagP99Ms')} value={w ? `${formatMs(w.consistencyLagP99Ms)} ms` : '–'} />
          <Single name="streamLagMs" {...win('streamLagMs')} value={w ? `${formatMs(w.streamLagMs)} ms` : '–'} />
          <Single name="streamLagEvents" {...win('streamLagEvents')} value={w ? formatNum(w.streamLagEvents) : '–'} />
          <Single name="cacheHitRatio" {...win('cacheHitRatio')} value={w ? formatPct(w.cacheHitRatio) : '–'} />
          <Single name="staleReadRatio" {...win('staleReadRatio')} value={w ? formatPct(w.staleReadRatio) : '–'} />
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
              <Head id={`*.${row.name}`} label={classLabel(row.name)} help={fig(`queries.${row.name}`).help} />
              <td>{r ? formatFigure(`commands.${row.name}`, row.get(r.commands)) : '–'}</td>
              <td>{r ? formatFigure(`queries.${row.name}`, row.get(r.queries)) : '–'}</td>
            </tr>
          ))}
          <Single name="queries.cacheHitRatio" {...fig('queries.cacheHitRatio')} value={r ? formatPct(r.queries.cacheHitRatio) : '–'} />
          <Single name="queries.staleReadRatio" {...fig('queries.staleReadRatio')} value={r ? formatPct(r.queries.staleReadRatio) : '–'} />
          <Single name="followUpReads.violations" {...fig('followUpReads.violations')} value={r ? `${r.followUpReads.violations} of ${r.followUpReads.count}` : '–'} />
          <Single name="consistencyLagMs.p99" {...fig('consistencyLagMs.p99')} value={r ? `${formatMs(r.consistencyLagMs.p99)} ms` : '–'} />
          <Single name="replicaLagMs.p99" {...fig('replicaLagMs.p99')} value={r ? `${formatMs(r.replicaLagMs.p99)} ms` : '–'} />
          <Single name="commandService.utilization" {...fig('commandService.utilization')} value={r ? formatPct(r.commandService.utilization) : '–'} />
          <Single name="queryService.utilization" {...fig('queryService.utilization')} value={r ? formatPct(r.queryService.utilization) : '–'} />
          <Single name="eventStream.maxLagMs" {...fig('eventStream.maxLagMs')} value={r ? `${formatMs(r.eventStream.maxLagMs)} ms` : '–'} />
          <Single name="retries" {...fig('retries')} value={r ? formatNum(r.retries) : '–'} />
          <Single
            name="errors"
            label="Failures by cause"
            help={FAILURES.help}
            value={r ? FAILURES.text(r.errors) : '–'}
          />
          {PART_ROWS.map((id) => (
            <Single key={id} name={id} {...fig(id)} value={r ? partFigure(r, id) : '–'} />
          ))}
          <Single name="detectionMs.mean" {...fig('detectionMs.mean')} value={r && r.detectionMs.count > 0 ? `${formatMs(r.detectionMs.mean)} ms` : '–'} />
          <Single name="cost.vcpuHours" label="Cost in vCPU-hours, all groups" help={fig('commandService.cost.vcpuHours').help} value={r ? vcpuHours.toFixed(3) : '–'} />
        </tbody>
      </table>
    </section>
  );
}

/** A row's header: the label first, the code name second, and the help; its accessible name keeps both. */
function Head({ id, label, help }: { id: string; label: string; help: string }) {
  return (
    <th scope="row" aria-label={`${label} (${id})`}>
      <FigureName id={id} label={label} help={help} />
    </th>
  );
}

function Single({ name, label, help, value }: { name: string; label: string; help: string; value: string }) {
  return (
    <tr>
      <Head id={name} label={label} help={help} />
      <td colSpan={2} aria-label={name}>
        {value}
      </td>
    </tr>
  );
}
