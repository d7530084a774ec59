import { describe, expect, it } from 'vitest';
import { replicationRows, runScenario, seedsFor, withSeed, parseScenario } from '../../simulation/index';
import { planStudy } from './plan';
import { resultOf } from './results';

const scenario = { version: 1, name: 'tiny', seed: 11, durationS: 4, warmupS: 1, workload: { rps: 100 } };

describe('planStudy', () => {
  it('planStudy() gives the CLI\'s jobs: the scenario validated, with seeds seed, seed + 1, ...', () => {
    const r = planStudy({ study: 1, kind: 'replications', replications: 3, scenario });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = parseScenario(scenario);
    if (!a.ok) throw new Error('the test scenario is valid');
    expect(r.plan.seeds).toEqual([11, 12, 13]);
    expect(r.plan.jobs).toEqual(seedsFor(11, 3).map((s) => withSeed(a.scenario, s)));
  });

  it('planStudy() builds variant B on the same seeds, and refuses a value the engine refuses', () => {
    const r = planStudy({ study: 1, kind: 'compare', replications: 2, scenario, variant: [{ path: 'queryService.instances', value: 5 }] });
    if (!r.ok) throw new Error(r.problems.join('; '));
    expect(r.plan.jobs.map((j) => [j.seed, j.queryService.instances])).toEqual([
      [11, 2],
      [12, 2],
      [11, 5],
      [12, 5],
    ]);
    const bad = planStudy({ study: 1, kind: 'compare', replications: 2, scenario, variant: [{ path: 'queryService.instances', value: -1 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatch(/^variant B: queryService\.instances/);
  });

  it('planStudy() refuses an invalid scenario with the engine\'s problems', () => {
    const r = planStudy({ study: 1, kind: 'replications', replications: 1, scenario: { version: 1, durationS: -3 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatch(/^scenario\.durationS: /);
  });

  it('resultOf() of a sweep gives each point the rows the CLI computes from the same reports', () => {
    const r = planStudy({ study: 1, kind: 'sweep', replications: 2, scenario, sweep: 'queryService.instances=1,3' });
    if (!r.ok) throw new Error(r.problems.join('; '));
    const reports = r.plan.jobs.map((j) => runScenario(j));
    const result = resultOf(r.plan, reports, []);
    expect(result.points!.map((p) => p.value)).toEqual([1, 3]);
    expect(result.points![1].rows).toEqual(replicationRows(reports.slice(2, 4)));
    expect(result.csv.split('\n')[0]).toBe('queryService.instances,figure,n,mean,sd,ci95HalfWidth');
  });
});
