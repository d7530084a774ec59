/** The field registry and the schema made from the same lines: bounds refused by name, defaults filled, live changes, and paths that must never reach an object's prototype. */
import { describe, expect, it } from 'vitest';
import { FIELDS, fieldAt, getField, withField } from '../fields';
import { changedScenario, parseScenarioText } from '../index';
import { PARTS } from '../parts';
import { scenario } from './helpers';

const policy = { metric: 'cpu', target: 0.6, schedule: [{ atS: 1, instances: 2 }] };
/** A scenario with every optional part present, so every field has a value. */
const full = scenario({
  workload: { profile: [{ atS: 0, rps: 100 }], retries: { budget: 0.1 } },
  commandService: { autoscaling: policy, circuitBreaker: {}, admission: { rps: 1000 } },
  queryService: { autoscaling: policy, circuitBreaker: {}, admission: { rps: 1000 } },
  eventStream: { autoscaling: { ...policy, metric: 'lag', target: 100 } },
  readStore: { autoscaling: policy },
  // Every part's own section, on with its defaults.
  ...Object.fromEntries(PARTS.flatMap((p) => (p.section ? [[p.section.name, p.section.defaults]] : []))),
});

describe('fields', () => {
  it('a value out of a field\'s declared bounds is refused, the message naming the field and the bound', () => {
    const problems = (over: Record<string, unknown>) => {
      const r = parseScenarioText(JSON.stringify({ version: 1, ...over }));
      return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
    };
    // Built-in sections, a group inside one, a part's group on a service and a part's own section.
    expect(problems({ queryService: { instances: -1 } })).toEqual(['queryService.instances: must be at least 0']);
    expect(problems({ workload: { keys: { count: 0 } } })).toEqual(['workload.keys.count: must be at least 1']);
    expect(problems({ durationS: 0 })).toContain('durationS: must be more than 0');
    expect(problems({ cache: { invalidation: 'never' } })).toEqual(['cache.invalidation: must be one of "ttl", "event", "ttl+event"']);
    expect(problems({ eventStream: { projectors: 2.5 } })).toEqual(['eventStream.projectors: must be a whole number']);
    expect(problems({ commandService: { healthCheck: { intervalMs: 5 } } })).toEqual(['commandService.healthCheck.intervalMs: must be at least 10']);
    expect(problems({ queryService: { circuitBreaker: { window: 10_001 } } })).toEqual(['queryService.circuitBreaker.window: must be at most 10,000']);
    expect(problems({ commandService: { admission: {} } })).toEqual(['commandService.admission.rps: is missing']);
    expect(problems({ deadLetter: { maxAttempts: 0 } })).toEqual(['deadLetter.maxAttempts: must be at least 1']);
    expect(problems({ name: 'x'.repeat(201) })).toEqual(['name: must have at most 200 characters']);
  });

  it('a scenario that leaves a field out gets the default its line declares, in each kind of section', () => {
    const s = scenario({ commandService: { circuitBreaker: {} }, deadLetter: {} });
    expect([s.workload.keys.zipfS, s.eventStream.applyLatencyMs, s.commandService.healthCheck.unhealthyAfter]).toEqual([1.1, { type: 'exponential', meanMs: 1 }, 3]);
    expect(s.commandService.circuitBreaker).toEqual({ failureRatio: 0.5, window: 20, openS: 5, trials: 3 });
    expect(s.deadLetter).toEqual({ failureRate: 0.01, maxAttempts: 3, retryDelayMs: 100 });
    expect(s.queryService.circuitBreaker).toBeUndefined();
  });

  it('every field in FIELDS can be set to its own value during a run, except the fault timeline', () => {
    for (const f of FIELDS) {
      const value = getField(full, f.path);
      if (value === undefined) {
        // Only the parameters of other kinds of distribution are absent from a full scenario.
        expect(f.path).toMatch(/Ms\.(ms|meanMs|minMs|maxMs|medianMs|p99Ms)$/);
        continue;
      }
      const r = changedScenario(full, { set: f.path, value });
      if (f.path === 'faults') expect(r.ok).toBe(false);
      else expect(r, f.path).toMatchObject({ ok: true });
    }
  });

  it('fieldAt() finds nothing inherited: prototype names are unknown fields, never walked', () => {
    for (const p of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '__proto__.polluted', 'constructor.prototype.x']) {
      expect(fieldAt(p)).toBeUndefined();
    }
    expect(fieldAt('queryService.__proto__.toString')).toBeUndefined();
    expect(getField({}, 'toString')).toBeUndefined();
    expect(withField({}, '__proto__.polluted', 'yes')).toMatchObject({ ok: false, message: 'unknown field' });
  });

  it('withField() creates missing groups only when asked to, and copies', () => {
    const base = { queryService: { instances: 2 } };
    expect(withField(base, 'queryService.autoscaling.target', 0.5)).toMatchObject({ ok: false });
    const r = withField(base, 'queryService.autoscaling.target', 0.5, true);
    expect(r).toEqual({ ok: true, value: { queryService: { instances: 2, autoscaling: { target: 0.5 } } } });
    expect(base).toEqual({ queryService: { instances: 2 } });
  });
});

describe('prototype pollution (hardening issue, class 1)', () => {
  const hostile = [
    '__proto__.polluted',
    '__proto__.toString',
    '__proto__.hasOwnProperty',
    'constructor.prototype.polluted',
    'queryService.__proto__.polluted',
    'workload.constructor.prototype.polluted',
  ];

  it('an intervention on a prototype path is refused by name, and Object.prototype is unchanged', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const set of hostile) {
      for (const value of ['yes', 5, { x: 1 }, null]) {
        const text = JSON.stringify({ version: 1, durationS: 2, warmupS: 0, interventions: [{ atS: 1, set, value }] });
        const r = parseScenarioText(text);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.problems).toEqual([{ path: 'interventions[0].set', message: `${set}: unknown field` }]);
        expect(changedScenario(full, { set, value })).toMatchObject({ ok: false });
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof Object.prototype.toString).toBe('function');
    expect(Object.prototype.hasOwnProperty.call({ a: 1 }, 'a')).toBe(true);
  });

  it('a "__proto__" key in a scenario file is an unknown field, not a prototype', () => {
    const r = parseScenarioText('{"version":1,"__proto__":{"polluted":"yes"},"queryService":{"__proto__":{"instances":9}}}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path).sort()).toEqual(['__proto__', 'queryService.__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
