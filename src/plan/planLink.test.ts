import { describe, expect, it } from 'vitest';
import { planHash, planTextFromHash, readPlanText, type PlanDef } from './planLink';

const def: PlanDef = { plan: 1, targets: ['queryService.queueWaitMs.mean < 0.5', 'queries.throughputRps >= 6900'], space: ['queryService.vcpus=6..12'], replications: 3, scenario: { name: 'M/M/c — ü' } };

describe('plan files and links', () => {
  it('a link holds the plan whole (UTF-8 included), and reads back into the panel’s rows', () => {
    const text = planTextFromHash(planHash(def));
    expect(JSON.parse(text!)).toEqual(def);
    expect(readPlanText(text!)).toEqual({
      ok: true,
      targets: [
        { figure: 'queryService.queueWaitMs.mean', op: '<', limit: '0.5' },
        { figure: 'queries.throughputRps', op: '>=', limit: '6900' },
      ],
      space: [{ field: 'queryService.vcpus', values: '6..12' }],
      replications: 3,
      scenario: def.scenario,
    });
  });

  it('other hashes are not plan links; a garbled one fails to read, naming why', () => {
    expect(planTextFromHash('#study=abc')).toBeNull();
    expect(planTextFromHash('#plan=%%%')).toBe('(not a plan link)');
    expect(readPlanText('(not a plan link)')).toEqual({ ok: false, problems: ['the plan is not JSON'] });
  });

  it('names each field that is wrong', () => {
    const r = readPlanText(JSON.stringify({ plan: 1, targets: ['p99 = 3'], space: ['vcpus'], replications: 1, scenario: 3 }));
    expect(r).toEqual({
      ok: false,
      problems: [
        'targets[0]: "p99 = 3" is not a target such as "queries.latencyMs.p99 < 50"',
        'space[0]: "vcpus" is not field=values such as "queryService.vcpus=1..16"',
        'replications: a whole number from 2 to 100',
        'scenario: the scenario the plan runs on, as a scenario file holds it',
      ],
    });
    expect(readPlanText('{"study":1}')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^plan: must be 1/)] });
  });
});
