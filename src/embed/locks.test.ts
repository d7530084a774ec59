import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../simulation/index';
import { fieldLocks } from './locks';

const scenario = (o: object) => {
  const r = parseScenario({ version: 1, ...o });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
};

describe('fieldLocks', () => {
  it('fieldLocks() drops unknown paths and says which changes touch a locked field (the field, a group holding it, a part of it)', () => {
    const g = fieldLocks(['queryService.instances', 'nope.nope', 'queryService.autoscaling']);
    expect(g.paths).toEqual(['queryService.instances', 'queryService.autoscaling']);
    expect(g.locked('queryService.instances')).toBe(true);
    expect(g.locked('queryService.autoscaling.max')).toBe(true);
    expect(g.locked('queryService.vcpus')).toBe(false);
  });
  it('fieldLocks().enforce() changes nothing before pin(), then puts the pinned values back and drops changes recorded for them', () => {
    const g = fieldLocks(['queryService.instances']);
    const learner = scenario({ queryService: { instances: 9, vcpus: 4 }, interventions: [{ atS: 1, set: 'queryService.instances', value: 8 }, { atS: 2, set: 'queryService.vcpus', value: 2 }] });
    expect(g.enforce(learner)).toBeNull();
    g.pin(scenario({ queryService: { instances: 3 } }));
    const fixed = g.enforce(learner)!;
    expect(fixed.kept).toEqual(['queryService.instances']);
    expect(fixed.scenario.queryService.instances).toBe(3);
    expect(fixed.scenario.queryService.vcpus).toBe(4);
    expect(fixed.scenario.interventions).toEqual([{ atS: 2, set: 'queryService.vcpus', value: 2 }]);
    expect(g.enforce(fixed.scenario)).toBeNull();
  });
});
