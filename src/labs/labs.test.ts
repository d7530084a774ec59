/**
 * The labs' data and checks. Each lab is run headless (the engine the page's worker runs, so the
 * same reports byte for byte): its starting scenario must fail its check, the scenario after its
 * steps must pass it, and the wrong turns a student is likely to take must fail it too.
 */
import { describe, expect, it } from 'vitest';
import { derivedAt } from '../../simulation/derived';
import { fieldAt, figureAt, parseScenario, runScenario, withField, type Report } from '../../simulation/index';
import { CHARTS } from '../components/charts/chartDefs';
import { chartId } from './chartId';
import { evaluateCheck, formatTermValue, termLimitText, type CheckResult } from './checks';
import { loadAllLabs } from './labIndex';
import { LAB_IDS, type LabDef } from './labTypes';

type Change = { field: string; value: unknown };
const labs = await loadAllLabs();

function run(lab: LabDef, changes: Change[]): CheckResult {
  let s: unknown = lab.scenario;
  for (const c of changes) {
    const r = withField(s, c.field, c.value, true);
    if (!r.ok) throw new Error(`${c.field}: ${r.message}`);
    s = r.value;
  }
  const p = parseScenario(s);
  if (!p.ok) throw new Error(p.problems.map((x) => `${x.path}: ${x.message}`).join('; '));
  return evaluateCheck(lab, runScenario(p.scenario), p.scenario);
}
const shown = (r: CheckResult) => r.terms.map((t) => `${t.term.label} ${formatTermValue(t.value, t.term.unit)}${t.met ? '' : ' (not met)'}`).join('; ');
const stepsOf = (lab: LabDef): Change[] => lab.steps.filter((s) => s.field !== undefined).map((s) => ({ field: s.field!, value: s.value }));

/** What a student might do instead of the steps; each must leave the check failed. */
const WRONG_TURNS: Record<string, [why: string, changes: Change[]][]> = {
  q1: [
    ['scaling both sides', [{ field: 'queryService.instances', value: 4 }, { field: 'commandService.instances', value: 4 }]],
    ['lowering the load', [{ field: 'workload.rps', value: 600 }]],
  ],
  q2: [
    ['scaling up instead of out', [{ field: 'queryService.vcpus', value: 6 }]],
    ['faster vCPUs instead of more instances', [{ field: 'queryService.speed', value: 2 }]],
  ],
  q3: [
    ['a fixed 4 instances', [{ field: 'queryService.instances', value: 4 }]],
    ['auto-scaling with its defaults only', [{ field: 'queryService.autoscaling', value: { metric: 'cpu', target: 0.6 } }]],
    ['a lower peak', [{ field: 'workload.profile', value: [{ atS: 0, rps: 400 }, { atS: 15, rps: 1000, rampS: 5 }] }]],
  ],
  q4: [
    ['more range shards', [{ field: 'writeStore.shards', value: 8 }]],
    ['fewer writes', [{ field: 'workload.writeRatio', value: 0.3 }]],
  ],
  q5: [
    ['replicas instead of the cache', [{ field: 'readStore.replicas', value: 3 }]],
    ['a faster read store', [{ field: 'readStore.queryLatencyMs', value: 1 }]],
  ],
  q6: [
    ['more partitions, one projector', [{ field: 'eventStream.partitions', value: 16 }]],
    ['a faster projector instead of more', [{ field: 'eventStream.applyLatencyMs', value: 0.2 }]],
  ],
  q7: [
    ['removing the fault', [{ field: 'faults', value: [] }]],
    ['twice the instances', [{ field: 'queryService.instances', value: 8 }]],
  ],
  q8: [
    ['replicas instead of an index', [{ field: 'readStore.replicas', value: 6 }]],
    ['a cheaper full scan', [{ field: 'readStore.unindexedFactor', value: 1 }]],
  ],
  q9: [
    ['turning the cache off', [{ field: 'cache.enabled', value: false }]],
    ['event invalidation that deletes', [{ field: 'cache.invalidation', value: 'ttl+event' }]],
    ['a short TTL', [{ field: 'cache.ttlS', value: 1 }]],
    ['no more writes', [{ field: 'workload.writeRatio', value: 0 }]],
  ],
  q10: [
    ['adding instances instead', [{ field: 'queryService.instances', value: 4 }]],
    ['lowering the load', [{ field: 'workload.rps', value: 500 }]],
    ['too few vCPUs: 4', [{ field: 'queryService.vcpus', value: 4 }]],
    ['the largest machine', [{ field: 'queryService.vcpus', value: 64 }]],
  ],
};

describe('the labs', () => {
  it('one lab per quiz question, q1..q10 in order, each with its data complete', () => {
    expect(labs.map((l) => l.id)).toEqual([...LAB_IDS]);
    const charts = new Set(CHARTS.map((c) => chartId(c.title)));
    for (const [i, lab] of labs.entries()) {
      expect(lab.n).toBe(i + 1);
      expect(lab.goal.split(/\.\s/).length, `${lab.id}: one sentence`).toBe(1);
      expect(lab.steps.length).toBeGreaterThanOrEqual(2);
      expect(lab.steps.length).toBeLessThanOrEqual(4);
      expect(lab.prediction.options.map((o) => o.id)).toContain(lab.prediction.answer);
      expect(lab.scenario.name).toMatch(new RegExp(`^Lab ${lab.n}: `));
      for (const s of lab.steps) expect(s.field !== undefined || s.part !== undefined, `${lab.id}: "${s.text}" names a control`).toBe(true);
      for (const s of lab.steps) if (s.field) expect(fieldAt(s.field)?.path, `${lab.id}: field ${s.field}`).toBe(s.field);
      for (const c of lab.notice.charts) expect(charts.has(c), `${lab.id}: chart ${c}`).toBe(true);
      for (const t of lab.check.terms) {
        const known = t.figure.startsWith('setting:') ? fieldAt(t.figure.slice(8)) : derivedAt(t.figure) ?? figureAt(t.figure);
        expect(known, `${lab.id}: figure ${t.figure}`).toBeTruthy();
      }
    }
  });

  for (const id of LAB_IDS) {
    it(`lab ${id}: its check fails on the starting scenario and on wrong turns, and passes after its steps`, () => {
      const lab = labs.find((l) => l.id === id)!;
      const before = run(lab, []);
      const after = run(lab, stepsOf(lab));
      const wrong = (WRONG_TURNS[id] ?? []).map(([why, ch]) => [why, run(lab, ch)] as const);
      console.log(`${id} start: ${shown(before)}\n${id} steps: ${shown(after)}${wrong.map(([w, r]) => `\n${id} ${w}: ${shown(r)}`).join('')}`);
      expect(before.passed, shown(before)).toBe(false);
      expect(after.passed, shown(after)).toBe(true);
      expect(after.score).toBe(after.max);
      for (const [why, r] of wrong) expect(r.passed, `${why}: ${shown(r)}`).toBe(false);
    });
  }
});

describe('evaluateCheck', () => {
  const report = { queries: { latencyMs: { p99: 20 }, rejected: 1, timedOut: 1, failed: 0, offered: 100 } } as unknown as Report;
  it('evaluateCheck() scores each term met, with the maximum and the scaled score', () => {
    const lab = {
      check: {
        text: '',
        terms: [
          { figure: 'queries.latencyMs.p99', op: '<' as const, limit: 30, label: '', unit: 'ms' as const },
          { figure: 'queries.lostShare', op: '<' as const, limit: 0.01, label: '', unit: '%' as const },
          { figure: 'setting:cache.enabled', op: '>=' as const, limit: 1, label: '', unit: '' as const },
          { figure: 'setting:faults', op: '>=' as const, limit: 1, label: '', unit: '' as const },
        ],
      },
    };
    const r = evaluateCheck(lab, report, { cache: { enabled: true }, faults: [] });
    expect(r.terms.map((t) => [t.value, t.met])).toEqual([[20, true], [0.02, false], [1, true], [0, false]]);
    expect(r).toMatchObject({ passed: false, score: 2, max: 4, scaled: 0.5 });
  });

  it('evaluateCheck() counts a figure the run does not have as not met, and reads no inherited property', () => {
    const lab = { check: { text: '', terms: [{ figure: 'queries.constructor', op: '>' as const, limit: -1, label: '', unit: '' as const }] } };
    expect(evaluateCheck(lab, report, {}).terms[0]).toMatchObject({ value: undefined, met: false });
    const proto = { check: { text: '', terms: [{ figure: 'setting:__proto__', op: '>' as const, limit: -1, label: '', unit: '' as const }] } };
    expect(evaluateCheck(proto, report, {}).passed).toBe(false);
    // A name of Object.prototype is neither a derived figure nor a registry figure.
    const inherited = { check: { text: '', terms: [{ figure: 'toString', op: '>' as const, limit: -1, label: '', unit: '' as const }] } };
    expect(evaluateCheck(inherited, report, {}).terms[0]).toMatchObject({ value: undefined, met: false });
  });

  it('evaluateCheck() reads only figures of the registry: a path the report has but the registry does not name is not read', () => {
    const odd = { queries: { latencyMs: { p99: 20 }, extra: 5 } } as unknown as Report;
    const lab = { check: { text: '', terms: [{ figure: 'queries.extra', op: '>' as const, limit: 0, label: '', unit: '' as const }] } };
    expect(evaluateCheck(lab, odd, {}).terms[0]).toMatchObject({ value: undefined, met: false });
  });
});

describe('termLimitText', () => {
  it('termLimitText() gives the limit as the lab writes it', () => {
    const t = (op: '<' | '<=' | '>' | '>=', limit: number, unit: '' | 'ms' | '%' | 'req/s' | 'yes/no') => termLimitText({ figure: '', label: '', op, limit, unit });
    expect(t('>=', 1, 'yes/no')).toBe('yes');
    expect(termLimitText({ figure: '', label: '', op: '<=', limit: 0.003, unit: 'USD' })).toBe('at most $0.003');
    expect([t('<', 30, 'ms'), t('<', 0.05, '%'), t('<=', 0.01, '%'), t('>=', 1600, 'req/s'), t('<=', 4, ''), t('>', 0.5, '%')]).toEqual([
      'under 30 ms',
      'under 5%',
      'at most 1%',
      'at least 1,600 req/s',
      'at most 4',
      'over 50%',
    ]);
  });
});
