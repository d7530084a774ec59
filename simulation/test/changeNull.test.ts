/**
 * A change (a live change, an intervention in a file or a link, a host's `set`) gets exactly the
 * validation of the file: `null` never silently puts a field's default back (issue 22: an
 * intervention `{ set: "queryService.instances", value: null }` turned 5 instances into 2).
 */
import { describe, expect, it } from 'vitest';
import { FIELDS, getField } from '../fields';
import { changedScenario, parseScenario, parseScenarioText, type ScenarioProblem } from '../index';
import { PARTS } from '../parts';
import { scenario } from './helpers';

type Json = Record<string, unknown>;

const policy = { metric: 'cpu', target: 0.6, schedule: [{ atS: 1, instances: 2 }] };
/** Every optional part present, and values away from the defaults (5 instances, 50 rps). */
const full = scenario({
  workload: { rps: 50, profile: [{ atS: 0, rps: 100 }], retries: { budget: 0.1 } },
  commandService: { autoscaling: policy, circuitBreaker: {}, admission: { rps: 1000 } },
  queryService: { instances: 5, autoscaling: policy, circuitBreaker: {}, admission: { rps: 1000 } },
  eventStream: { autoscaling: { ...policy, metric: 'lag', target: 100 } },
  readStore: { autoscaling: policy },
  // Every part's own section, on with its defaults.
  ...Object.fromEntries(PARTS.flatMap((p) => (p.section ? [[p.section.name, p.section.defaults]] : []))),
});

/** The scenario as a file would hold it, with the field at `path` set to null (`'null'`) or left out (`'absent'`). */
function fileWith(path: string, how: 'null' | 'absent'): Json {
  const { interventions: _i, ...copy } = JSON.parse(JSON.stringify(full)) as Json;
  const parts = path.split('.');
  let o = copy;
  for (const p of parts.slice(0, -1)) o = o[p] as Json;
  if (how === 'null') o[parts[parts.length - 1]] = null;
  else delete o[parts[parts.length - 1]];
  return copy;
}

const problemsOf = (r: { ok: boolean; problems?: ScenarioProblem[] }) => (r.ok ? [] : r.problems);

describe('changes with value null', () => {
  it('changedScenario(s, { set, value: null }) for every field: refused with the file\'s own problems, or the field removed where a file may leave it out', () => {
    let removable = 0;
    for (const f of FIELDS) {
      if (f.path === 'faults') continue;
      const live = changedScenario(full, { set: f.path, value: null });
      const without = parseScenario(fileWith(f.path, 'absent'));
      if (without.ok && getField(without.scenario, f.path) === undefined) {
        // The file may leave it out and then has none (an optional group, a profile, a budget): null removes it.
        removable++;
        expect(live.ok, f.path).toBe(true);
        if (live.ok) expect(getField(live.scenario, f.path), f.path).toBeUndefined();
      } else {
        const file = parseScenario(fileWith(f.path, 'null'));
        expect(file.ok, f.path).toBe(false);
        expect(problemsOf(live), f.path).toEqual(problemsOf(file));
      }
    }
    // The seven optional settings: three groups on each service... and the profile, the retry budget, two stores' policies.
    expect(removable).toBeGreaterThanOrEqual(7);
  });

  it('an intervention with value null on a field with a default is refused in a file, naming the field and the problem', () => {
    for (const [set, message] of [
      ['queryService.instances', 'must be a number'],
      ['workload.rps', 'must be a number'],
      ['cache.enabled', 'must be true or false'],
    ]) {
      const r = parseScenarioText(JSON.stringify({ version: 1, durationS: 10, interventions: [{ atS: 1, set, value: null }] }));
      expect(r.ok, set).toBe(false);
      // The file's own message for the same null: `queryService.instances: must be a number`.
      expect(problemsOf(r), set).toEqual([{ path: 'interventions[0].value', message: `${set}: ${message}` }]);
      expect(problemsOf(parseScenarioText(JSON.stringify(fileWith(set, 'null'))))).toEqual([{ path: set, message }]);
    }
  });

  it('an intervention with value null still turns an optional group off (a saved file replays it)', () => {
    const r = changedScenario(full, { set: 'queryService.autoscaling', value: null });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.queryService.autoscaling).toBeUndefined();
    expect(changedScenario(full, { set: 'queryService.instances', value: null })).toEqual({
      ok: false,
      problems: [{ path: 'queryService.instances', message: 'must be a number' }],
    });
  });
});
