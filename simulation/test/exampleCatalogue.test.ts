/** The examples catalogue: every id loads, variants change only what they say, every quiz question has an example. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../index';
import { EXAMPLES, QUIZ_QUESTIONS, exampleById, exampleIds, unknownExampleMessage } from '../examples/index';
import { FIELDS, getField } from '../fields';

describe('examples catalogue', () => {
  it('exampleIds() are unique, and short words an address can carry as they are', () => {
    const ids = exampleIds();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]{1,39}$/);
  });

  it('every scenario file in scenarios/ is an example (the files are the catalogue)', () => {
    const files = readdirSync(join(process.cwd(), 'scenarios')).filter((f) => f.endsWith('.json'));
    const named = EXAMPLES.map((e) => `${e.id}.json`);
    expect([...named].sort()).toEqual([...files].sort());
  });

  it('every quiz question, q1 to q10, has at least one example, and every example names one of them', () => {
    for (const q of QUIZ_QUESTIONS) expect(EXAMPLES.some((e) => e.question === q), q).toBe(true);
    for (const e of EXAMPLES) expect(QUIZ_QUESTIONS).toContain(e.question);
  });

  it('every example has a title, a concept and a "what to look at" in sentences', () => {
    for (const e of EXAMPLES) {
      expect(e.title.length, e.id).toBeGreaterThan(5);
      expect(e.concept, e.id).toMatch(/\.$/);
      expect(e.lookAt, e.id).toMatch(/\.$/);
      // A comparison labels both of its sides; "what to look at" says what to switch to.
      if (e.variants) {
        expect(e.label, e.id).toBeTruthy();
        for (const v of e.variants) expect(e.lookAt, `${e.id} names ${v.label}`).toContain(`"${v.label}"`);
      }
    }
  });

  it('exampleById() gives a valid scenario named after the example for every id', () => {
    for (const id of exampleIds()) {
      const r = exampleById(id)!;
      expect(r.id).toBe(id);
      const parsed = parseScenario(r.scenario);
      expect(parsed.ok, `${id}: ${JSON.stringify(!parsed.ok && parsed.problems)}`).toBe(true);
      if (parsed.ok) expect(parsed.scenario.name).toBe(r.title);
    }
  });

  it('a variant differs from its example in the fields it sets and in nothing else', () => {
    for (const e of EXAMPLES) {
      for (const v of e.variants ?? []) {
        const a = parseScenario(exampleById(e.id)!.scenario);
        const b = parseScenario(exampleById(v.id)!.scenario);
        if (!a.ok || !b.ok) throw new Error(`${v.id} does not parse`);
        const differing = FIELDS.filter((f) => f.kind !== 'group' && f.path !== 'name')
          .map((f) => f.path)
          .filter((p) => JSON.stringify(getField(a.scenario, p)) !== JSON.stringify(getField(b.scenario, p)));
        expect(differing, v.id).toEqual(Object.keys(v.set).filter((p) => !Object.keys(v.set).some((q) => q !== p && p.startsWith(`${q}.`))));
      }
    }
  });

  it('exampleById() knows no id it was not given: other cases, spaces and prototype names are unknown', () => {
    for (const id of ['Flash-Sale', ' flash-sale', 'flash-sale ', '__proto__', 'constructor', 'toString', '', 'q1']) expect(exampleById(id), id).toBeUndefined();
  });

  it('unknownExampleMessage() names the id (shortened) and lists the known examples', () => {
    expect(unknownExampleMessage('nope')).toBe(`There is no example called "nope". Known examples: ${EXAMPLES.map((e) => e.id).join(', ')}.`);
    expect(unknownExampleMessage('x'.repeat(500)).length).toBeLessThan(600);
  });
});
