/** The list of addressable fields against the schema, and paths that must never reach an object's prototype. */
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

/** Every path of objects (not into arrays) in a value: groups and leaves. */
function pathsOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const p = prefix ? `${prefix}.${k}` : k;
    out.push(p, ...pathsOf(v, p));
  }
  return out;
}

describe('fields', () => {
  it('FIELDS lists every field of a scenario with every optional part filled in (the timelines aside)', () => {
    const missing = pathsOf(full).filter((p) => p !== 'interventions' && fieldAt(p) === undefined);
    expect(missing).toEqual([]);
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

  it('every field has help text, and every number its unit-bearing bounds, which the schema enforces', () => {
    const refused = (path: string, value: unknown) => !changedScenario(full, { set: path, value }).ok;
    for (const f of FIELDS) {
      expect(f.help.length, f.path).toBeGreaterThan(10);
      if (f.kind !== 'number' && f.kind !== 'integer') continue;
      expect(f.min, f.path).toBeTypeOf('number');
      expect(f.max, f.path).toBeTypeOf('number');
      if (f.fixedDuringRun) continue;
      // Just outside the bounds is refused; the bounds themselves are accepted (unless another field forbids it).
      expect(refused(f.path, f.minExclusive ? f.min : f.min! - 1), `${f.path} below min`).toBe(true);
      expect(refused(f.path, f.max! + Math.max(1, f.max! * 1e-6)), `${f.path} above max`).toBe(true);
      if (getField(full, f.path) === undefined) continue;
      const inside = f.minExclusive ? Math.min(f.max!, 0.5) : f.min!;
      const crossChecked = /memoryLimitMb|baseMemoryMb|memoryPerRequestMb|autoscaling\.(min|max|target)|^version$/;
      if (!crossChecked.test(f.path)) expect(refused(f.path, inside), `${f.path} = ${inside}`).toBe(false);
    }
  });

  it('every choice field lists values the schema accepts, and the schema refuses others', () => {
    for (const f of FIELDS.filter((x) => x.kind === 'choice')) {
      expect(f.choices, f.path).toBeDefined();
      if (f.fixedDuringRun || getField(full, f.path) === undefined || /\.type$/.test(f.path)) continue;
      expect(changedScenario(full, { set: f.path, value: 'no-such-choice' }).ok, f.path).toBe(false);
      const ok = f.choices!.filter((c) => changedScenario(full, { set: f.path, value: c }).ok);
      // A policy's metric is a choice of the common list; each group allows some of it.
      if (/autoscaling\.metric$/.test(f.path)) expect(ok.length, f.path).toBeGreaterThan(0);
      else expect(ok, f.path).toEqual(f.choices);
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
