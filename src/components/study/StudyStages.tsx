import { useId, useMemo, useState } from 'react';
import { STAGE_FACTS } from 'virtual:part-declarations';
import type { FigureRow } from '../../../simulation/index';
import { formatMs } from '../../lib/format';
import { Help } from '../Help';
import { StageBarView } from '../stages/StageBarView';
import { StageTable } from '../stages/StageTable';
import { groupFiguresOf, splitFromFigures, type GroupFigures } from '../stages/stageSplits';
import '../stages/stages.css';

/** A side of the study: A or B of a comparison, or the one scenario of replications (no name). */
interface Side {
  readonly name: '' | 'A' | 'B';
  readonly groups: GroupFigures[];
}

const HELP =
  "Each stage's time here is the average over the study's seeds of that stage's mean in each seed's report, the same averaging the table above gives every figure; so a bar still adds up to the mean latency over the seeds. A tail's bar averages each seed's own p99 tail: it is not the slowest 1% of all the seeds' requests taken together. In a comparison, A's bar and B's are drawn on one scale, the longer of the two filling its column, so the longer bar is the slower side.";

/** Each group's figures for one side, from the study's rows (`pick` reads that side's mean of a row). */
function sideOf(rows: readonly FigureRow[], name: Side['name'], pick: (r: FigureRow) => number | undefined): Side {
  const byName = new Map(rows.map((r) => [r.figure, r]));
  const figure = (n: string) => {
    const r = byName.get(n);
    return r ? pick(r) : undefined;
  };
  return { name, groups: groupFiguresOf((summary) => splitFromFigures(figure, summary, STAGE_FACTS.paths[summary] ?? []), STAGE_FACTS) };
}

/**
 * "Where the time goes" in a study: for queries, commands and the consistency lag, the stacked
 * bars of the mean's stages and of the p99 tail's, A beside B in a comparison (each pair on one
 * scale), from the study's figures: each stage's mean over the replications' reports.
 */
export function StudyStages({ rows, compare, seeds }: { rows: readonly FigureRow[]; compare: boolean; seeds: number }) {
  const [table, setTable] = useState(false);
  const tablesId = useId();
  const sides = useMemo(
    (): Side[] =>
      compare
        ? [sideOf(rows, 'A', (r) => r.a.mean), sideOf(rows, 'B', (r) => r.b?.mean)]
        : [sideOf(rows, '', (r) => r.a.mean)],
    [rows, compare],
  );
  const over = `mean over ${seeds} seed${seeds > 1 ? 's' : ''}`;
  return (
    <section className="study-stages" aria-labelledby="study-stages-title">
      <h3 id="study-stages-title">
        Where the time goes{compare ? ': A and B' : ''} <Help text={HELP} about="where the time goes in a study" />
      </h3>
      <p className="muted">
        Each bar: a stage&apos;s mean ms, averaged over the {seeds > 1 ? `${seeds} seeds' reports` : "seed's report"}
        {compare ? '; A and B on one scale in each pair' : ''}.
      </p>
      <div className="stage-groups">
        {sides[0].groups.map((g, k) => (
          <Group key={g.def.id} groups={sides.map((s) => s.groups[k])} names={sides.map((s) => s.name)} />
        ))}
      </div>
      <button type="button" className="btn" aria-expanded={table} aria-controls={tablesId} onClick={() => setTable(!table)}>
        {table ? 'Hide the tables' : 'Show as tables'}
      </button>
      <div id={tablesId} className={table ? 'stage-tables' : 'visually-hidden'}>
        {sides[0].groups.map((g, k) =>
          sides.map((s) => <StageTable key={`${g.def.id}-${s.name}`} group={s.groups[k]} over={s.name ? `${s.name}, ${over}` : over} />),
        )}
      </div>
    </section>
  );
}

/** A group's heading, then its mean's bars and its tail's, each side's in a column. */
function Group({ groups, names }: { groups: GroupFigures[]; names: Side['name'][] }) {
  const { def } = groups[0];
  const label = (name: string, which: string) => (name ? `${name}: ${which}` : which);
  const scale = (bar: 'mean' | 'tail') => Math.max(...groups.map((g) => g[bar].totalMs));
  return (
    <div className="stage-group" role="group" aria-labelledby={`study-stages-${def.id}`}>
      <h4 id={`study-stages-${def.id}`}>
        {def.title} <span className="muted">({def.what})</span>
      </h4>
      {(['mean', 'tail'] as const).map((bar) => (
        <div className="study-stage-pair" key={bar}>
          {groups.map((g, i) => (
            <StageBarView
              key={names[i]}
              title={def.title}
              which={label(names[i], bar === 'mean' ? 'mean' : `p99 tail (from ${formatMs(g.tailFromMs)} ms)`)}
              bar={g[bar]}
              scaleMs={groups.length > 1 ? scale(bar) : undefined}
            />
          ))}
        </div>
      ))}
    </div>
  );
}
