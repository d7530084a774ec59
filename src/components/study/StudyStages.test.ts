import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { compareRows, parseScenario, replicationRows, runScenario, withSeed, type Report } from '../../../simulation/index';
import { exampleById } from '../../../simulation/examples';
import { STAGE_FACTS } from '../../partDeclarations';
import { groupFiguresOf, splitFromFigures } from '../stages/stageSplits';
import { StudyStages } from './StudyStages';
import { controlledTables } from '../stages/controlsTables';

/** The hot-shard example (range partitioning) and its hash-partitioned side, 10 s each, on seeds 1 and 2. */
function runs(partitioning: 'range' | 'hash'): Report[] {
  const base = exampleById('hot-shard')!.scenario;
  const parsed = parseScenario({ ...base, durationS: 10, writeStore: { ...(base.writeStore as object), partitioning } });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return [1, 2].map((seed) => runScenario(withSeed(parsed.scenario, seed)));
}

const a = runs('range');
const b = runs('hash');
const rows = compareRows(a, b);
const close = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(y)));
const meanOf = (reports: Report[], f: (r: Report) => number) => reports.reduce((s, r) => s + f(r), 0) / reports.length;

describe('StudyStages', () => {
  it("splitFromFigures(): a study's stage means add up to the mean latency over the seeds, and the tail's to the tail's mean", () => {
    for (const [side, reports, pick] of [
      ['A', a, (r: (typeof rows)[number]) => r.a.mean],
      ['B', b, (r: (typeof rows)[number]) => r.b?.mean],
    ] as const) {
      const byName = new Map(rows.map((r) => [r.figure, pick(r)]));
      const [queries, commands, lag] = groupFiguresOf((s) => splitFromFigures((n) => byName.get(n), s, STAGE_FACTS.paths[s]), STAGE_FACTS);
      close(queries.mean.totalMs, meanOf(reports, (r) => r.queries.clientLatencyMs.mean));
      close(commands.mean.totalMs, meanOf(reports, (r) => r.commands.clientLatencyMs.mean));
      close(commands.tail.totalMs, meanOf(reports, (r) => r.commands.clientLatencyMs.tail.mean));
      close(lag.mean.totalMs, meanOf(reports, (r) => r.consistencyLagMs.mean));
      close(lag.tailFromMs, meanOf(reports, (r) => r.consistencyLagMs.tail.fromMs));
      expect(commands.mean.segments.map((s) => s.id), side).toEqual(STAGE_FACTS.paths['commands.clientLatencyMs']);
    }
  });

  it('StudyStages draws A beside B on one scale, with a table per side and group naming the averaging', () => {
    const html = renderToStaticMarkup(createElement(StudyStages, { rows, compare: true, seeds: 2 }));
    expect(html).toContain('Where the time goes: A and B');
    for (const side of ['A', 'B']) for (const g of ['Queries', 'Commands', 'Consistency lag']) expect(html).toContain(`aria-label="${g}: time per stage, ${side}, mean over 2 seeds"`);
    // The range-partitioned side's commands wait on the hot shard: its bar fills the column, the hash side's is a fraction of it.
    const aCommands = /aria-label="Commands, A: mean: [^"]*" style="width:([\d.]+)%"/.exec(html);
    const bCommands = /aria-label="Commands, B: mean: [^"]*" style="width:([\d.]+)%"/.exec(html);
    expect(aCommands?.[1]).toBe('100');
    expect(Number(bCommands?.[1])).toBeLessThan(50);
    expect(html).toMatch(/aria-label="Commands, A: p99 tail \(from [\d.]+ ms\): [\d.]+ ms in all: write connection wait /);
  });

  it('StudyStages of replications: one bar per row, the whole width, no side named', () => {
    const html = renderToStaticMarkup(createElement(StudyStages, { rows: replicationRows(a), compare: false, seeds: 2 }));
    expect(controlledTables(html, 'Show as tables')).toMatchObject({ holdsTable: true });
    expect(html).toContain('aria-label="Queries: time per stage, mean over 2 seeds"');
    expect(html).toMatch(/aria-label="Queries, mean: [\d.]+ ms in all: /);
    expect(html).not.toMatch(/class="stage-bar" role="img" aria-label="[^"]*" style=/);
  });
});
