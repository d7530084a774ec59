import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario, parseScenario, parseScenarioText } from '../index';

const problemsOf = (input: unknown) => {
  const r = parseScenario(input);
  return r.ok ? [] : r.problems;
};

describe('parseScenario', () => {
  it('parseScenario({version: 1}) is the default scenario, every field filled in', () => {
    const r = parseScenario({ version: 1 });
    expect(r.ok && r.scenario).toEqual(defaultScenario());
    expect(defaultScenario().queryService.instances).toBe(2);
    expect(defaultScenario().cache.enabled).toBe(false);
  });

  it('parseScenario names the field path and the problem for each bad value', () => {
    const problems = problemsOf({
      version: 1,
      colour: 'blue',
      workload: { writeRatio: 2, keys: { distribution: 'pareto' } },
      queryService: { instances: -1, vcpus: 1.5 },
      readStore: { queryLatencyMs: { type: 'uniform', minMs: 5, maxMs: 1 } },
      cache: { hitLatencyMs: 'fast' },
    });
    const paths = problems.map((p) => p.path).sort();
    expect(paths).toEqual(
      [
        'colour',
        'workload.writeRatio',
        'workload.keys.distribution',
        'queryService.instances',
        'queryService.vcpus',
        'readStore.queryLatencyMs.maxMs',
        'cache.hitLatencyMs',
      ].sort(),
    );
    expect(problems.find((p) => p.path === 'colour')?.message).toBe('unknown field');
    expect(problems.find((p) => p.path === 'workload.writeRatio')?.message).toBe('must be at most 1');
  });

  it('parseScenario refuses a missing or wrong version and non-objects', () => {
    expect(problemsOf({})[0].path).toBe('version');
    expect(problemsOf({ version: 2 })[0].path).toBe('version');
    expect(problemsOf([])[0].path).toBe('(scenario)');
    expect(problemsOf(null)[0].path).toBe('(scenario)');
  });

  it('parseScenario checks warm-up, profile order and interventions against the run', () => {
    const p = problemsOf({
      version: 1,
      durationS: 10,
      warmupS: 20,
      workload: { profile: [{ atS: 5, rps: 10 }, { atS: 2, rps: 20 }] },
      interventions: [{ atS: 50, set: 'queryService.instances', value: 3 }],
    });
    expect(p.map((x) => x.path).sort()).toEqual(['interventions[0].atS', 'warmupS', 'workload.profile[1].atS'].sort());
  });

  it('parseScenario checks what each intervention sets, with the same rules as the file', () => {
    const p = problemsOf({
      version: 1,
      interventions: [
        { atS: 1, set: 'queryService.instances', value: -2 },
        { atS: 2, set: 'queryService.colour', value: 1 },
        { atS: 3, set: 'seed', value: 9 },
      ],
    });
    expect(p.map((x) => x.path)).toEqual(['interventions[0].value', 'interventions[1].set', 'interventions[2].set']);
    expect(p[2].message).toMatch(/cannot change during a run/);
  });

  it('parseScenarioText reports bad JSON as one problem instead of throwing', () => {
    const r = parseScenarioText('{ "version": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].path).toBe('(file)');
  });

  it('parseScenario never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseScenario(v);
        if (!r.ok) for (const p of r.problems) expect(p.path.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('a parsed scenario parses again to itself (round trip)', () => {
    const s = defaultScenario();
    const again = parseScenario(JSON.parse(JSON.stringify(s)));
    expect(again.ok && again.scenario).toEqual(s);
  });
});

describe('problem messages', () => {
  it('say what a value must be in plain words, with the field', () => {
    const r = parseScenario({
      version: 1,
      workload: { rps: 'abc', writeRatio: 2 },
      queryService: { instances: 2.5, vcpus: 0 },
      writeStore: { partitioning: 'zigzag' },
      readStore: { indexed: 'yes' },
      interventions: 'x',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { path: 'workload.rps', message: 'must be a number' },
      { path: 'workload.writeRatio', message: 'must be at most 1' },
      { path: 'queryService.instances', message: 'must be a whole number' },
      { path: 'queryService.vcpus', message: 'must be at least 1' },
      { path: 'writeStore.partitioning', message: 'must be one of "hash", "range"' },
      { path: 'readStore.indexed', message: 'must be true or false' },
      { path: 'interventions', message: 'must be a list' },
    ]);
  });
});
