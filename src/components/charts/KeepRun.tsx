import { useRunStore } from '../../state/runStore';
import { forgetKeptRun, keepRun, useCompareStore } from '../../state/compareStore';
import { useScenarioStore } from '../../state/scenarioStore';

/** "Keep this run for comparison": the run now on the charts stays behind the next one, faint; shown or hidden, or forgotten. */
export function KeepRun() {
  const kept = useCompareStore((s) => s.kept);
  const shown = useCompareStore((s) => s.shown);
  const hasRun = useRunStore((s) => s.series.length > 0);
  const keep = () => {
    const { series, report } = useRunStore.getState();
    keepRun({ series, report }, useScenarioStore.getState().scenario.name);
  };
  return (
    <p className="keep-run">
      <button type="button" className="btn small" disabled={!hasRun} onClick={keep}>
        {kept ? 'Keep this run instead' : 'Keep this run for comparison'}
      </button>{' '}
      {kept && (
        <>
          <label className="inline-label">
            <input type="checkbox" checked={shown} onChange={(e) => useCompareStore.setState({ shown: e.target.checked })} /> Show the kept run
            (faint lines named &ldquo;{kept.label}&rdquo;)
          </label>{' '}
          <button type="button" className="btn small" onClick={forgetKeptRun}>
            Forget the kept run
          </button>
        </>
      )}
    </p>
  );
}
