import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { buildReport } from '../report';
import { run, scenario } from './helpers';

const noWall = (r: object) => JSON.stringify({ ...r, wallMs: 0 });

describe('determinism', () => {
  const s = scenario({
    durationS: 30,
    workload: { rps: 800, keys: { distribution: 'zipf' } },
    cache: { enabled: true, invalidation: 'ttl+event' },
  });

  it('the same scenario and seed give byte-identical reports', () => {
    expect(noWall(run(s))).toBe(noWall(run(s)));
  });

  it('a different seed gives a different run', () => {
    expect(noWall(run({ ...s, seed: 2 }))).not.toBe(noWall(run(s)));
  });

  it('running in slices of any size gives the same report as one run', () => {
    const sim = new Simulation(s);
    for (let t = 0; !sim.done; t += 137) sim.runUntil(t, 5000);
    while (!sim.done) sim.runUntil(s.durationS * 1000, 999);
    expect(noWall(buildReport(sim))).toBe(noWall(run(s)));
  });

  it('adding a query instance or a replica leaves the arrival sequence as it was', () => {
    // No follow-up reads (their arrival depends on when commands finish). The per-window
    // offered counts of both classes trace the arrival process; they must not move.
    const base = { ...s, workload: { ...s.workload, followUpReads: { ratio: 0, afterMs: 100 } } };
    const offered = (sc: typeof s) => {
      const sim = new Simulation(sc);
      sim.run();
      return sim.drainWindows().map((w) => `${w.commands.offered}/${w.queries.offered}`);
    };
    const a = offered(base);
    const b = offered({ ...base, queryService: { ...base.queryService, instances: base.queryService.instances + 1 } });
    const c = offered({ ...base, readStore: { ...base.readStore, replicas: base.readStore.replicas + 1 } });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    // ...while the runs themselves differ (the change did something).
    expect(noWall(run({ ...base, queryService: { ...base.queryService, instances: 5 } }))).not.toBe(noWall(run(base)));
  });

  it('interventions in the scenario replay exactly', () => {
    const withChanges = scenario({
      durationS: 30,
      interventions: [
        { atS: 10, set: 'queryService.instances', value: 5 },
        { atS: 12.5, set: 'cache.enabled', value: true },
        { atS: 20, set: 'workload.rps', value: 1200 },
      ],
    });
    const r1 = run(withChanges);
    expect(noWall(run(withChanges))).toBe(noWall(r1));
    expect(r1.queryService.instances.final).toBe(5);
    expect(r1.queries.cacheHitRatio).toBeGreaterThan(0);
  });
});
