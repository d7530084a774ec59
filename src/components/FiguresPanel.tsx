import type { ClassReport, ClassWindow, Report } from '../../simulation/index';
import { figureAt, seriesFigureAt } from '../../simulation/figures';
import { PART_DECLARATIONS as PARTS } from 'virtual:part-declarations';
import { useRunStore } from '../state/runStore';
import { useCompareStore } from '../state/compareStore';
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
  // The kept run's report, when shown: each figure since warm-up reads "before → now".
  const kept = useCompareStore((s) => (s.shown ? (s.kept?.report ?? null) : null));
  const keptLabel = useCompareStore((s) => s.kept?.label ?? '');
  const latency = (k: keyof ClassWindow) => k.startsWith('p');
  const vcpuHours = (x: Report) => x.commandService.cost.vcpuHours + x.queryService.cost.vcpuHours + x.projectors.cost.vcpuHours + x.replicas.cost.vcpuHours;
  /** A report figure of this run, after the kept run's when one is shown. */
  const v = (f: (x: Report) => string) => (r ? (kept ? `${f(kept)} \u2192 ${f(r)}` : f(r)) : kept ? `${f(kept)} \u2192 \u2013` : '\u2013');
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
          Since warm-up (report){kept ? `: ${keptLabel} \u2192 this run` : ''}
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
              <td>{v((x) => formatFigure(`commands.${row.name}`, row.get(x.commands)))}</td>
              <td>{v((x) => formatFigure(`queries.${row.name}`, row.get(x.queries)))}</td>
            </tr>
          ))}
          <Single name="queries.cacheHitRatio" {...fig('queries.cacheHitRatio')} value={v((x) => formatPct(x.queries.cacheHitRatio))} />
          <Single name="queries.staleReadRatio" {...fig('queries.staleReadRatio')} value={v((x) => formatPct(x.queries.staleReadRatio))} />
          <Single name="followUpReads.violations" {...fig('followUpReads.violations')} value={v((x) => `${x.followUpReads.violations} of ${x.followUpReads.count}`)} />
          <Single name="consistencyLagMs.p99" {...fig('consistencyLagMs.p99')} value={v((x) => `${formatMs(x.consistencyLagMs.p99)} ms`)} />
          <Single name="replicaLagMs.p99" {...fig('replicaLagMs.p99')} value={v((x) => `${formatMs(x.replicaLagMs.p99)} ms`)} />
          <Single name="commandService.utilization" {...fig('commandService.utilization')} value={v((x) => formatPct(x.commandService.utilization))} />
          <Single name="queryService.utilization" {...fig('queryService.utilization')} value={v((x) => formatPct(x.queryService.utilization))} />
          <Single name="eventStream.maxLagMs" {...fig('eventStream.maxLagMs')} value={v((x) => `${formatMs(x.eventStream.maxLagMs)} ms`)} />
          <Single name="retries" {...fig('retries')} value={v((x) => formatNum(x.retries))} />
          <Single
            name="errors"
            label="Failures by cause"
            help={FAILURES.help}
            value={v((x) => FAILURES.text(x.errors))}
          />
          {PART_ROWS.map((id) => (
            <Single key={id} name={id} {...fig(id)} value={v((x) => partFigure(x, id))} />
          ))}
          <Single name="detectionMs.mean" {...fig('detectionMs.mean')} value={v((x) => (x.detectionMs.count > 0 ? `${formatMs(x.detectionMs.mean)} ms` : '–'))} />
          <Single name="cost.vcpuHours" label="Cost in vCPU-hours, all groups" help={fig('commandService.cost.vcpuHours').help} value={v((x) => vcpuHours(x).toFixed(3))} />
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
