import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_SCENARIO_CHARS } from '../../simulation/index';
import { checkStudy, parseStudyText, type StudyDef } from './studyDef';
import { MAX_RUNS, MAX_STUDY_CHARS, studyHash, studyTextFromHash } from './studyLink';

const scenario = { version: 1, durationS: 5 };
const compare: StudyDef = { study: 1, kind: 'compare', replications: 3, scenario, variant: [{ path: 'queryService.instances', value: 4 }] };

describe('checkStudy', () => {
  it('checkStudy() accepts replications, a comparison and a sweep', () => {
    expect(checkStudy({ study: 1, kind: 'replications', replications: 5, scenario }).ok).toBe(true);
    expect(checkStudy(compare)).toEqual({ ok: true, def: compare });
    expect(checkStudy({ study: 1, kind: 'sweep', replications: 2, scenario, sweep: 'cache.ttlS=1..60:5' }).ok).toBe(true);
  });

  it('checkStudy() refuses unknown keys, paths outside the registry and prototype paths, naming each', () => {
    const r = checkStudy({ ...compare, extra: 1, variant: [{ path: '__proto__.polluted', value: 1 }, { path: 'constructor', value: 1 }, { value: 2 }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContain('extra: unknown key');
    expect(r.problems.some((p) => p.startsWith('variant[0].path: unknown field'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('variant[1].path: unknown field'))).toBe(true);
    expect(r.problems).toContain('variant[2]: { "path", "value" }');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checkStudy() caps replications, sweep points and the runs of a study', () => {
    expect(checkStudy({ ...compare, replications: 0 }).ok).toBe(false);
    expect(checkStudy({ ...compare, replications: 101 }).ok).toBe(false);
    expect(checkStudy({ ...compare, replications: 2.5 }).ok).toBe(false);
    const big = checkStudy({ study: 1, kind: 'sweep', replications: 100, scenario, sweep: 'queryService.instances=1..50' });
    expect(big).toEqual({ ok: false, problems: [`(study): 5000 runs, over the limit of ${MAX_RUNS}`] });
    expect(checkStudy({ study: 1, kind: 'sweep', replications: 1, scenario, sweep: 'nope=1..3' }).ok).toBe(false);
  });

  it('checkStudy() refuses what is not a study, never throwing', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = checkStudy(x);
        return typeof r.ok === 'boolean';
      }),
    );
    expect(checkStudy(null).ok).toBe(false);
    expect(checkStudy([compare]).ok).toBe(false);
  });
});

describe('parseStudyText', () => {
  it('parseStudyText() refuses text over the size cap before parsing it', () => {
    const r = parseStudyText(' '.repeat(MAX_STUDY_CHARS + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatch(/too large/);
  });

  it('parseStudyText() refuses deep nesting before parsing it (brackets in strings do not count)', () => {
    expect(parseStudyText('['.repeat(100_000) + ']'.repeat(100_000))).toEqual({ ok: false, problems: ['(study): nested more than 64 levels deep'] });
    const r = parseStudyText(JSON.stringify({ ...compare, scenario: { ...scenario, name: '['.repeat(500) } }));
    expect(r.ok).toBe(true);
  });

  it('parseStudyText() refuses text that is not JSON', () => {
    expect(parseStudyText('{').ok).toBe(false);
  });
});

describe('study links', () => {
  it('MAX_STUDY_CHARS leaves room for the largest scenario the engine accepts', () => {
    expect(MAX_STUDY_CHARS).toBe(MAX_SCENARIO_CHARS + 64 * 1024);
  });

  it('studyTextFromHash(studyHash(def)) gives the study back, UTF-8 included', () => {
    const def: StudyDef = { ...compare, scenario: { ...scenario, name: 'flash sale — ünïcödé ✓' } };
    const text = studyTextFromHash(studyHash(def));
    expect(parseStudyText(text!)).toEqual({ ok: true, def });
  });

  it('studyTextFromHash() is null for other hashes and says so for a garbled one', () => {
    expect(studyTextFromHash('#scenario=abc')).toBeNull();
    expect(studyTextFromHash('')).toBeNull();
    expect(parseStudyText(studyTextFromHash('#study=%%%')!).ok).toBe(false);
    expect(parseStudyText(studyTextFromHash('#study=' + 'A'.repeat(7_000_000))!).ok).toBe(false);
  });
});
