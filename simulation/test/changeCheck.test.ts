/**
 * A change is checked once: `Simulation.checkChange` is the engine's one check, and `applyChange`
 * of the same change trusts its result while the scenario is still the one it was checked against.
 */
import { describe, expect, it, vi } from 'vitest';
import { changedScenario } from '../input/changes';
import type { ChangeFn } from '../input/changeFn';
import { Simulation } from '../simulation';
import { scenario } from './helpers';

const counted = () => vi.fn<ChangeFn>(changedScenario);

describe('Simulation.checkChange()', () => {
  it('Simulation.applyChange() after checkChange() of the same change checks it once, and applies it', () => {
    const check = counted();
    const sim = new Simulation(scenario({ durationS: 10 }), undefined, check);
    sim.runUntil(2000);
    const change = { set: 'queryService.instances', value: 4 };
    expect(sim.checkChange(change)).toMatchObject({ ok: true });
    expect(sim.scenario.queryService.instances).not.toBe(4); // checked, not applied
    expect(sim.applyChange(change)).toMatchObject({ ok: true });
    expect(sim.scenario.queryService.instances).toBe(4);
    expect(check).toHaveBeenCalledTimes(1);
    // A change applied without a check first (an intervention, the command line) is checked there, once.
    sim.applyChange({ set: 'cache.enabled', value: true });
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('Simulation.applyChange() checks again when the scenario changed after the check (an intervention came first)', () => {
    const check = counted();
    const s = scenario({ durationS: 10, queryService: { instances: 2 }, interventions: [{ atS: 3, set: 'queryService.instances', value: 5 }] });
    const sim = new Simulation(s, undefined, check);
    sim.runUntil(2000);
    const change = { set: 'cache.enabled', value: true };
    expect(sim.checkChange(change)).toMatchObject({ ok: true });
    sim.runUntil(3500);
    expect(sim.applyChange(change)).toMatchObject({ ok: true });
    // The result of the first check would have put 2 instances back; the second check keeps 5.
    expect(sim.scenario.queryService.instances).toBe(5);
    expect(sim.scenario.cache.enabled).toBe(true);
    expect(check).toHaveBeenCalledTimes(3); // the check, the intervention's, the check again
  });

  it('Simulation.applyChange() checks again when the autoscaler resized the projectors after the check', () => {
    const check = counted();
    // One projector applies 100 events/s; 300 writes/s build lag, and the autoscaler adds projectors.
    const s = scenario({
      durationS: 60,
      workload: { rps: 300, writeRatio: 1, followUpReads: { ratio: 0 } },
      commandService: { instances: 4 },
      eventStream: {
        partitions: 8,
        projectors: 1,
        applyLatencyMs: 10,
        autoscaling: { metric: 'lag', target: 100, min: 1, max: 8, intervalS: 5, cooldownOutS: 10, cooldownInS: 60, bootS: 5 },
      },
    });
    const sim = new Simulation(s, undefined, check);
    sim.runUntil(1000);
    const change = { set: 'cache.enabled', value: true };
    expect(sim.checkChange(change)).toMatchObject({ ok: true });
    const checkedAgainst = sim.scenario;
    while (sim.scenario === checkedAgainst && !sim.done) sim.runUntil(sim.nowMs + 500);
    const projectors = sim.scenario.eventStream.projectors;
    expect(projectors).toBeGreaterThan(1);
    expect(sim.applyChange(change)).toMatchObject({ ok: true });
    // The first check's result would have put 1 projector back; the second keeps the autoscaler's.
    expect(sim.scenario.eventStream.projectors).toBe(projectors);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('Simulation.applyChange() refuses an invalid change with the problems checkChange gives, and changes nothing', () => {
    const sim = new Simulation(scenario({ durationS: 10 }), undefined, changedScenario);
    sim.runUntil(1000);
    const before = sim.scenario;
    const change = { set: 'queryService.vcpus', value: 0 };
    const checked = sim.checkChange(change);
    expect(checked.ok).toBe(false);
    expect(sim.applyChange(change)).toEqual(checked);
    expect(sim.applyChange({ ...change })).toEqual(checked); // another object: checked afresh, same problems
    expect(sim.scenario).toBe(before);
  });
});
