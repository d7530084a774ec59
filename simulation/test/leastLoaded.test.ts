/**
 * Least-connections' index (model/leastLoaded.ts) picks what the scan it replaced picked: from a
 * start, the first instance of the routing set whose load is the least, wrapping round. Checked
 * against that scan over random routing sets, loads and changes of load, and through the engine
 * (a run under least-connections with crashes, recoveries and a rolling restart).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { InstanceGroup } from '../model/instanceGroup';
import { INDEX_FROM, LeastLoaded, scanLeast } from '../model/leastLoaded';
import { parseScenario, runScenario, type Scenario } from '../index';
import { churn } from '../bench/scale';

/** The scan least-connections did before: from `start`, the first strictly least, wrapping. */
function scan(ready: number[], load: Int32Array, start: number): number {
  const n = ready.length;
  let best = ready[start];
  for (let j = 1; j < n; j++) {
    const c = ready[(start + j) % n];
    if (load[c] < load[best]) best = c;
  }
  return best;
}

describe('LeastLoaded', () => {
  it('picks what the scan picks, through any changes of load', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -1, max: 1 }), fc.nat()), { minLength: 1, maxLength: 200 }),
        fc.infiniteStream(fc.boolean()),
        (instances, steps, inSet) => {
          const load = new Int32Array(instances);
          // A routing set: some instances, in order (as InstanceGroup.rebuild lists them).
          const ready = Array.from({ length: instances }, (_, i) => i).filter(() => inSet.next().value);
          if (ready.length < 2) return;
          const index = new LeastLoaded();
          index.reset(ready, load, instances);
          for (const [who, delta, start] of steps) {
            const i = who % instances;
            load[i] = Math.max(0, load[i] + delta);
            index.set(i, load[i]);
            const s = start % ready.length;
            expect(ready[index.pick(s)]).toBe(scan(ready, load, s));
            expect(ready[scanLeast(ready, load, s)]).toBe(scan(ready, load, s));
          }
        },
      ),
      { seed: 10, numRuns: 300 },
    );
  });

  it('starts over from the loads it is given when the routing set changes', () => {
    const load = Int32Array.from([3, 0, 2, 5, 1]);
    const index = new LeastLoaded();
    index.reset([0, 1, 2, 3, 4], load, 5);
    expect(index.pick(2)).toBe(1); // from position 2 none has load 0: wrapping, position 1 (instance 1)
    index.reset([0, 2, 3], load, 5); // instance 1 and 4 left the set
    expect([0, 2, 3][index.pick(0)]).toBe(2);
    index.set(1, 0); // not in the set: changes nothing
    expect([0, 2, 3][index.pick(0)]).toBe(2);
  });
});

/**
 * 40 query instances, 12 of which crash for 2 s: the routing set goes below INDEX_FROM and back
 * (scan, then index). Then the balancer changes to random and back, and the service grows to 60.
 */
function crossing(): Scenario {
  const faults = Array.from({ length: 12 }, (_, i) => [
    { atS: 2, kind: 'crash', target: 'queryService', instance: i },
    { atS: 4, kind: 'recover', target: 'queryService', instance: i },
  ]).flat();
  const r = parseScenario({
    version: 1,
    durationS: 6,
    warmupS: 0,
    workload: { rps: 4000, writeRatio: 0.05 },
    queryService: { instances: 40, loadBalancer: { algorithm: 'least-connections', healthCheck: { intervalMs: 200, unhealthyAfter: 1, healthyAfter: 1 } } },
    faults: faults.sort((a, b) => a.atS - b.atS),
    interventions: [
      { atS: 4.5, set: 'queryService.loadBalancer', value: 'random' },
      { atS: 5, set: 'queryService.loadBalancer', value: 'least-connections' },
      { atS: 5.2, set: 'queryService.instances', value: 60 },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

describe('least-connections in a run', () => {
  it.each([
    ['1,000 instances, crashes, recoveries and a rolling restart', { ...churn('least-connections'), durationS: 6 }, 50_000],
    ['40 instances, 12 of which crash for 2 s, then random and back, then 60 instances (the index comes and goes)', crossing(), 10_000],
  ])('routes every request where the scan would have: %s', (_, scenario, least) => {
    // Every routing decision of the run, checked against the scan over the group's own routing set and loads.
    const route = InstanceGroup.prototype.route;
    let checked = 0;
    let differed = 0;
    let wrongIndex = 0;
    const sizes = new Set<boolean>();
    const spy = vi.spyOn(InstanceGroup.prototype, 'route').mockImplementation(function (this: InstanceGroup, key: number) {
      const inside = this.balancer as unknown as { routable: number[]; rr: number; least: unknown };
      const ready = [...inside.routable];
      const start = ready.length > 1 ? inside.rr % ready.length : 0;
      const picked = route.call(this, key);
      if (this.algorithm === 'least-connections' && ready.length > 1) {
        checked++;
        sizes.add(ready.length >= INDEX_FROM);
        if ((inside.least !== null) !== ready.length >= INDEX_FROM) wrongIndex++;
        if (picked !== scan(ready, this.outstanding, start)) differed++;
      }
      return picked;
    });
    try {
      runScenario(scenario);
    } finally {
      spy.mockRestore();
    }
    expect(checked).toBeGreaterThan(least);
    expect(differed).toBe(0);
    // The index is in use exactly for routing sets of INDEX_FROM or more (else the gain is lost unseen).
    expect(wrongIndex).toBe(0);
    if (scenario.queryService.instances === 40) expect([...sizes].sort()).toEqual([false, true]);
  });
});
