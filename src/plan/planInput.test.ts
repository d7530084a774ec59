import { describe, expect, it } from 'vitest';
import { checkRows, targetSentence } from './planInput';
import { preparePlan } from './planPrepare';
import mmc from '../../e2e/scenarios/plan-mmc.json';

const target = { figure: 'queryService.queueWaitMs.mean', op: '<' as const, limit: '0.5' };
const space = { field: 'queryService.vcpus', values: '6..12' };

describe('plan rows on the page', () => {
  it('reads a target back as a sentence with the figure’s label and unit', () => {
    expect(targetSentence(target)).toBe('Query service: mean queue wait stays below 0.5 ms');
    expect(targetSentence({ figure: 'queries.throughputRps', op: '>=', limit: '900' })).toMatch(/stays at or above 900 rps$/);
  });

  it('turns good rows into the CLI’s texts', () => {
    expect(checkRows([target], [space], 3)).toEqual({ ok: true, targets: ['queryService.queueWaitMs.mean < 0.5'], space: ['queryService.vcpus=6..12'] });
  });

  it('names the row and field of each problem', () => {
    const r = checkRows([{ ...target, figure: 'queries.nope' }, { ...target, limit: 'x' }], [{ field: 'nope', values: '1' }, { field: 'queryService.vcpus', values: ' ' }], 1);
    expect(r).toEqual({
      ok: false,
      problems: [
        'Target 1: figure "queries.nope" is not in the figure registry',
        'Target 2 (queryService.queueWaitMs.mean): the limit "x" is not a number',
        'Space field 1: "nope" is not a setting in the field registry',
        'Space field 2 (queryService.vcpus): no values (write 1..16, 1,2,4 or 1..64:4)',
        'Replications: a whole number from 2 to 100 (a 95% interval needs two runs)',
      ],
    });
    expect(checkRows([], [], 3)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^Targets: /), expect.stringMatching(/^Design space: /)] });
  });
});

describe('a plan prepared in the worker', () => {
  it('lists the designs of the space on the scenario, each with its cost and whether it keeps up', () => {
    const p = preparePlan({ scenario: mmc, targets: ['queryService.queueWaitMs.mean < 0.5'], space: ['queryService.vcpus=6..12'] });
    if (!p.ok) throw new Error(p.problems.join('; '));
    expect(p.designs.map((d) => d.settings['queryService.vcpus'])).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(p.designs.map((d) => d.keepsUp)).toEqual([false, false, true, true, true, true, true]);
    expect(p.seed).toBe(1);
  });

  it('names the row of a bad range, a bad target and a space too big for the page', () => {
    const p = preparePlan({ scenario: mmc, targets: ['queries.latencyMs.p99 = 3'], space: ['queryService.vcpus=12..6'] });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.problems[0]).toMatch(/^Target 1: /);
    expect(p.problems[1]).toMatch(/^Space field 1 \(queryService\.vcpus\): 12\.\.6: a range goes up/);
    const big = preparePlan({ scenario: mmc, targets: ['queries.latencyMs.p99 < 3'], space: ['queryService.vcpus=1..40', 'queryService.instances=1..40'] });
    expect(big).toMatchObject({ ok: false, problems: [expect.stringMatching(/^Space: its fields' values make 1600 designs/)] });
  });
});
