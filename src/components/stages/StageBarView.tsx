import { formatMs, formatPct } from '../../lib/format';
import { ranked, type StageBar } from './stageSplits';

/** A stage's ms as its key writes them: a stage with time in it never reads "0.00" ("<0.01" instead). */
export const stageMs = (ms: number): string => (ms > 0 && ms < 0.005 ? '<0.01' : formatMs(ms));

/** The words a screen reader hears for a bar (and the bar's name to a test): its total, then its stages from the largest down. */
export function barWords(title: string, which: string, bar: StageBar): string {
  if (bar.totalMs <= 0) return `${title}, ${which}: no requests`;
  const parts = ranked(bar).map((s) => `${s.label} ${stageMs(s.ms)} ms (${formatPct(s.share)})`);
  return `${title}, ${which}: ${formatMs(bar.totalMs)} ms in all: ${parts.join(', ')}`;
}

/**
 * One stacked horizontal bar: a segment per stage with time in it, in the order a request meets
 * them, each as wide as its share of the total, and under it a key that names each segment with
 * its ms. With `scaleMs`, the bar is as long as its total against that many ms (the longest of
 * the bars it is compared with), else the whole row. The bar is one image to assistive technology, named by `barWords`; the panel's table
 * holds the same figures.
 */
export function StageBarView({ title, which, bar, scaleMs }: { title: string; which: string; bar: StageBar; scaleMs?: number }) {
  const shown = bar.segments.filter((s) => s.ms > 0);
  // Beside another bar on the same scale (a study's A and B): as long as its total against `scaleMs`.
  const width = scaleMs !== undefined && scaleMs > 0 ? { width: `${(Math.min(bar.totalMs, scaleMs) / scaleMs) * 100}%` } : undefined;
  return (
    <div className="stage-row">
      <div className="stage-row-head">
        <span>{which}</span>
        <span className="stage-total">{bar.totalMs > 0 ? `${formatMs(bar.totalMs)} ms` : 'no requests'}</span>
      </div>
      <div className="stage-bar" role="img" aria-label={barWords(title, which, bar)} style={width}>
        {shown.map((s) => (
          <span key={s.id} className={`stage-seg stage-c${s.index % 7}`} style={{ width: `${s.share * 100}%` }} title={`${s.label}: ${stageMs(s.ms)} ms`} />
        ))}
      </div>
      <ul className="stage-key" aria-hidden="true">
        {shown.map((s) => (
          <li key={s.id}>
            <span className={`stage-swatch stage-c${s.index % 7}`} />
            {s.label} <strong>{stageMs(s.ms)} ms</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
