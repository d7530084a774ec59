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
  it('fieldLocks() refuses a change that removes a locked field (workload.rps removes workload.profile) and drops such a recorded change', () => {
    const g = fieldLocks(['workload.profile']);
    expect(g.locked('workload.rps')).toBe(true);
    expect(fieldLocks(['workload.rps']).locked('workload.profile')).toBe(false);
    const profile = [{ atS: 0, rps: 50 }, { atS: 5, rps: 100 }];
    g.pin(scenario({ workload: { rps: 50, profile } }));
    const learner = scenario({ workload: { rps: 50, profile }, interventions: [{ atS: 1, set: 'workload.rps', value: 80 }] });
    const fixed = g.enforce(learner)!;
    expect(fixed.scenario.interventions).toEqual([]);
    expect(fixed.scenario.workload.profile).toEqual(learner.workload.profile);
  });
  it('fieldLocks().enforce() keeps both when workload.rps and workload.profile are locked, in either order', () => {
    const profile = [{ atS: 0, rps: 50 }, { atS: 5, rps: 100 }];
    for (const paths of [['workload.profile', 'workload.rps'], ['workload.rps', 'workload.profile']]) {
      const g = fieldLocks(paths);
      g.pin(scenario({ workload: { rps: 40, profile } }));
      const fixed = g.enforce(scenario({ workload: { rps: 70 } }))!;
      expect(fixed.scenario.workload.rps).toBe(40);
      expect(fixed.scenario.workload.profile).toEqual(scenario({ workload: { rps: 40, profile } }).workload.profile);
    }
  });
});
