import { useRunStore } from '../state/runStore';
import { formatSimS } from '../lib/format';
import { useExampleStore } from './exampleStore';
import { useLabStore } from '../labs/labStore';

/**
 * What to do next, while nothing is happening: before anything has run, and while paused. The
 * page never sits there with empty charts and no word said.
 */
export function IdleHint() {
  const status = useRunStore((s) => s.status);
  const tMs = useRunStore((s) => s.snapshot?.tMs ?? 0);
  const example = useExampleStore((s) => s.current !== null);
  const lab = useLabStore((s) => s.id !== null);
  if (status !== 'ready' && status !== 'paused') return null;
  const fresh = status === 'ready' && tMs === 0;
  return (
    <section className="idle-hint" aria-label="What to do next">
      {fresh ? (
        <p>
          Nothing has run yet. Press <strong>Play</strong> to start the simulation (Speed sets how fast)
          {lab
            ? '; the lab\u2019s steps say what to set first.'
            : example
              ? '; the example\u2019s notes above say what to watch.'
              : ', or pick a prepared scenario from Examples.'}
        </p>
      ) : (
        <p>
          Paused at {formatSimS(tMs)}. Press <strong>Play</strong> to go on, <strong>Step 1 s</strong> to move one second, or change a
          setting: it applies from this moment.
        </p>
      )}
      {fresh && !example && !lab && (
        <button type="button" className="btn small" onClick={() => useExampleStore.setState({ menuOpen: true })}>
          Show the examples
        </button>
      )}
    </section>
  );
}
