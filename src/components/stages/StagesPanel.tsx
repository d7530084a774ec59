import { useDeferredValue, useId, useMemo, useState } from 'react';
import { STAGE_FACTS } from 'virtual:part-declarations';
import type { Report, WindowStats } from '../../../simulation/index';
import { useRunStore } from '../../state/runStore';
import { formatMs, formatNum } from '../../lib/format';
import { Help } from '../Help';
import { groupFigures, type GroupFigures } from './stageSplits';
import { StageBarView } from './StageBarView';
import { StageTable } from './StageTable';
import './stages.css';

type Source = 'window' | 'run';

const HELP =
  "Where the time goes: each request's time is split into stages: queue wait, service, cache, connection wait, the store's read or write, and for a client the failed attempts and back-offs; a change's way to the read model into append, partition wait, apply and apply retries. The top bar splits the mean, the lower one the p99 tail (the slowest 1% or so). Each bar adds up to the latency it splits.";

/**
 * "Where the time goes": for queries, commands and the consistency lag, a stacked bar of the
 * mean's stages and one of the p99 tail's (docs/stages.md), over the last window while a run
 * goes and over the whole run (the report) once it has ended, or as the reader chooses.
 */
export function StagesPanel() {
  const done = useRunStore((s) => s.status === 'done');
  const report = useDeferredValue(useRunStore((s) => s.report));
  const last = useDeferredValue(useRunStore((s) => (s.series.length > 0 ? s.series[s.series.length - 1] : null)));
  return <StagesView done={done} report={report} last={last} />;
}

/** The panel for a run's state: whether it is done, its report so far and its last window. */
export function StagesView({ done, report, last }: { done: boolean; report: Report | null; last: WindowStats | null }) {
  const [pick, setPick] = useState<Source | null>(null);
  const [table, setTable] = useState(false);
  const name = useId();
  const tablesId = useId();
  const source: Source = pick ?? (done ? 'run' : 'window');
  const groups = useMemo(
    () => (source === 'run' ? (report ? groupFigures({ report }, STAGE_FACTS) : null) : last ? groupFigures({ window: last }, STAGE_FACTS) : null),
    [source, report, last],
  );
  const over = source === 'run' ? 'since the warm-up' : `in the last second${last ? ` (to ${last.tS} s)` : ''}`;
  return (
    <section className="panel stages-panel" aria-labelledby="stages-title">
      <h2 id="stages-title">
        Where the time goes <Help text={HELP} about="where the time goes" />
      </h2>
      <fieldset className="stage-source">
        <legend>Over</legend>
        {(
          [
            ['window', 'the last second'],
            ['run', 'the run since the warm-up'],
          ] as const
        ).map(([id, label]) => (
          <label key={id}>
            <input type="radio" name={name} value={id} checked={source === id} onChange={() => setPick(id)} /> {label}
          </label>
        ))}
      </fieldset>
      {groups ? (
        <>
          <div className="stage-groups">
            {groups.map((g) => (
              <Group key={g.def.id} group={g} />
            ))}
          </div>
          <button type="button" className="btn" aria-expanded={table} aria-controls={tablesId} onClick={() => setTable(!table)}>
            {table ? 'Hide the table' : 'Show as a table'}
          </button>
          <div id={tablesId} className={table ? 'stage-tables' : 'visually-hidden'}>
            {groups.map((g) => (
              <StageTable key={g.def.id} group={g} over={over} />
            ))}
          </div>
        </>
      ) : (
        <p className="muted">{source === 'run' ? 'No report yet: play the run past its warm-up.' : 'No window yet: play or step the run.'}</p>
      )}
    </section>
  );
}

/** A group's heading and its two bars. */
function Group({ group }: { group: GroupFigures }) {
  const { def, mean, tail, tailCount, tailFromMs } = group;
  const tailWhich = `p99 tail (${formatNum(tailCount)} ${def.id === 'lag' ? 'changes' : 'requests'} from ${formatMs(tailFromMs)} ms)`;
  return (
    <div className="stage-group" role="group" aria-labelledby={`stages-${def.id}`}>
      <h3 id={`stages-${def.id}`}>
        {def.title} <span className="muted">({def.what})</span>
      </h3>
      <StageBarView title={def.title} which="mean" bar={mean} />
      <StageBarView title={def.title} which={tailWhich} bar={tail} />
    </div>
  );
}
