import type { StudyResult } from '../../study/results';
import { OverlayCharts } from './OverlayCharts';
import { StudyStages } from './StudyStages';
import { StudyTable } from './StudyTable';
import { SweepView } from './SweepView';

/**
 * A finished study: its table, and the overlaid time series of a comparison or the charts of a
 * sweep; after the results, where the time goes (A beside B in a comparison).
 */
export function StudyResults({ result }: { result: StudyResult }) {
  const n = result.seeds.length;
  const seeds = `${n} seed${n > 1 ? 's' : ''} (${result.seeds[0]}${n > 1 ? ` to ${result.seeds[n - 1]}` : ''})`;
  if (result.kind === 'sweep' && result.points && result.field) {
    return (
      <div className="study-results" aria-label="Study results" role="region">
          <h3>
            Sweep of {result.field} over {result.points.length} points, {seeds} at each
          </h3>
          <SweepView points={result.points} field={result.field} seeds={result.seeds} />
      </div>
    );
  }
  const compare = result.kind === 'compare';
  return (
    <>
      <div className="study-results" aria-label="Study results" role="region">
        <h3>{compare ? `A/B comparison of ${result.name}, ${seeds}, common random numbers` : `${result.name}: ${seeds}`}</h3>
        <StudyTable
          rows={result.rows}
          keyFigures={result.keyFigures}
          caption={compare ? 'A, B and the paired difference B − A, each with its 95% interval' : 'Mean and 95% interval of each figure over the seeds'}
        />
        {compare && result.seriesA && result.seriesB && <OverlayCharts a={result.seriesA} b={result.seriesB} />}
        {compare && n > 1 && <p className="muted">A difference is larger than its interval when the paired 95% interval of B − A leaves out 0.</p>}
      </div>
      <StudyStages rows={result.rows} compare={compare} seeds={n} />
    </>
  );
}
