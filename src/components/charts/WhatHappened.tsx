import type { Happening } from '../../../simulation/index';
import { happeningLine, markKind, MARK_KINDS, type MarkKind } from '../../lib/happenings';

/** Lines shown at most (the latest); the charts keep 10 minutes of windows. */
const MAX_LINES = 300;

/** The run's "what happened" log in words, and the key to the charts' markers. */
export function WhatHappened({ list, dropped, ended = false }: { list: readonly Happening[]; dropped: number; ended?: boolean }) {
  const shown = list.slice(-MAX_LINES);
  return (
    <div className="what-happened">
      <p className="marker-key">
        Markers:{' '}
        {(Object.keys(MARK_KINDS) as MarkKind[]).map((k) => (
          <span key={k}>
            <span className="mark-letter" style={{ color: MARK_KINDS[k].color }}>
              {MARK_KINDS[k].letter}
            </span>{' '}
            {MARK_KINDS[k].label}
          </span>
        ))}
      </p>
      <h3 id="what-happened-title">What happened</h3>
      {shown.length === 0 ? (
        <p className="muted">
          {ended
            ? 'Nothing of note in this run: no live change, scaling, instance becoming ready, fault or health check.'
            : 'Nothing yet: live changes, scaling, instances becoming ready, faults and health checks are listed here as the run goes.'}
        </p>
      ) : (
        <ol className="happenings" aria-labelledby="what-happened-title" tabIndex={0}>
          {list.length > shown.length && <li className="muted">{list.length - shown.length} earlier not shown</li>}
          {shown.map((h, i) => (
            <li key={i} data-kind={markKind(h)}>
              <span className="mark-letter" aria-hidden="true" style={{ color: MARK_KINDS[markKind(h)].color }}>
                {MARK_KINDS[markKind(h)].letter}
              </span>{' '}
              {happeningLine(h)}
            </li>
          ))}
        </ol>
      )}
      {dropped > 0 && <p className="muted">{dropped} more happened too close together to list.</p>}
    </div>
  );
}
