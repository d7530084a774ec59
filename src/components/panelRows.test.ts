/** The figures panel's rows that come from the parts: the failures row and the parts' own rows. */
import { describe, expect, it } from 'vitest';
import type { ErrorCounts, Report } from '../../simulation/index';
import type { Part } from '../../simulation/index';
import { failuresRow, partFigure, partRows } from './panelRows';

const bulkhead: Part = {
  name: 'bulkhead',
  cause: { id: 'bulkheadFull' as never, reportHelp: 'Failed at once by a full bulkhead.', windowHelp: 'Failed by a full bulkhead, in the window.' },
  causePage: { legend: 'bulkhead full', color: 'var(--c1)', count: 'bulkhead full', chartHelp: 'a full bulkhead', rowHelp: 'a bulkhead full' },
  panelRows: ['detectionMs.mean'],
  create: () => {
    throw new Error('declared only');
  },
};

const counts = (e: object) => ({ deadInstance: 1, shardDown: 2, injected: 3, noInstance: 4, ...e }) as ErrorCounts;

describe('figures panel rows', () => {
  it("the failures row counts a part's cause when the report has it, in the words the part declares", () => {
    expect(failuresRow([]).text(counts({}))).toBe('1 dead instance, 2 shard down, 3 injected, 4 no instance');
    expect(failuresRow([]).help).toMatch(/no healthy instance\.$/);
    const row = failuresRow([bulkhead]);
    expect(row.text(counts({ bulkheadFull: 9 }))).toBe('1 dead instance, 2 shard down, 3 injected, 4 no instance, 9 bulkhead full');
    // Off in the run: the report has no count, the row says nothing of it.
    expect(row.text(counts({}))).toBe('1 dead instance, 2 shard down, 3 injected, 4 no instance');
    expect(row.help).toMatch(/no healthy instance \(and a bulkhead full, when those are on\)\.$/);
  });

  it("a part's rows are its declared report figures, formatted by their unit, a dash when the report lacks one", () => {
    expect(partRows([bulkhead])).toEqual(['detectionMs.mean']);
    const r = { detectionMs: { count: 1, mean: 1500, max: 1500 } } as unknown as Report;
    expect(partFigure(r, 'detectionMs.mean')).toMatch(/ ms$/);
    expect(partFigure(r, 'bulkhead.rejected')).toBe('–');
  });
});
