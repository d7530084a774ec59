import { useState } from 'react';
import { useRunStore } from '../state/runStore';
import * as ctl from '../app/controller';
import { flatten } from '../lib/flatten';
import { figureAt } from '../../simulation/figures';
import { formatFigure } from '../lib/formatFigure';
import { FigureName } from './FigureName';
import { ExportPanel } from './ExportPanel';

/** The final report, every field under its CLI name, once the run has ended. */
export function ReportPanel() {
  const status = useRunStore((s) => s.status);
  const report = useRunStore((s) => s.report);
  const [open, setOpen] = useState(false);
  if (status !== 'done' || !report) return null;
  // Only drawn when opened: the end of a fast run stays a short task on the main thread.
  const rows = open ? flatten(report).filter(([k]) => k !== 'version' && k !== 'wallMs') : [];
  return (
    <section className="panel report" aria-labelledby="report-title">
      <h2 id="report-title">
        Final report: {report.scenario} (seed {report.seed}), {report.simulatedS} s simulated
      </h2>
      <p>
        <button type="button" className="btn" onClick={() => void ctl.saveReport()}>
          Save report (JSON)
        </button>{' '}
        <span className="muted">the same JSON as <code>npm run sim -- file.json --json</code></span>
      </p>
      <ExportPanel />
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>All figures</summary>
        <dl className="report-list">
          {rows.map(([k, v]) => {
            const f = figureAt(k);
            return (
              <div key={k} data-figure={k}>
                <dt>
                  <FigureName id={k} label={f?.label ?? k} help={f?.help ?? 'Not in the figure registry.'} />
                </dt>
                <dd>{formatFigure(k, v)}</dd>
              </div>
            );
          })}
        </dl>
      </details>
    </section>
  );
}
