import { useState } from 'react';
import type { FigureRow } from '../../../simulation/index';
import { figureAt } from '../../../simulation/figures';
import { FigureName } from '../FigureName';
import { withInterval } from './format';

/** Each figure's mean ± 95% interval; in a comparison, A, B, the paired difference and whether it is larger than the noise. */
export function StudyTable({ rows, caption, keyFigures }: { rows: readonly FigureRow[]; caption: string; keyFigures: readonly string[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.filter((r) => keyFigures.includes(r.figure));
  const ab = rows.some((r) => r.b);
  return (
    <div className="study-table">
      <label className="inline-label">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Every figure ({rows.length})
      </label>
      {/* On a narrow screen the table scrolls sideways in its own box (focusable, so keys scroll it too). */}
      <div className="study-table-scroll" role="region" aria-label={`${caption} (scrolls sideways)`} tabIndex={0}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {ab ? (
                <>
                  <th scope="col">A</th>
                  <th scope="col">B</th>
                  <th scope="col">B − A (paired 95% interval)</th>
                  <th scope="col">Larger than the interval?</th>
                </>
              ) : (
                <th scope="col">Mean ± 95% interval</th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.figure} data-figure={r.figure}>
                <th scope="row" aria-label={`${figureAt(r.figure)?.label ?? r.figure} (${r.figure})`}>
                  <FigureName id={r.figure} label={figureAt(r.figure)?.label ?? r.figure} help={figureAt(r.figure)?.help ?? ''} />
                </th>
                <td>{withInterval(r.a)}</td>
                {ab && r.b && r.diff && (
                  <>
                    <td>{withInterval(r.b)}</td>
                    <td>{withInterval(r.diff)}</td>
                    <td>{r.diff.significant ? 'yes' : 'no'}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
