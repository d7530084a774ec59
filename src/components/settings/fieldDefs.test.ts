import { describe, expect, it } from 'vitest';
import { fieldAt } from '../../../simulation/fields';
import { BUILTIN_PAGES, PARTS, type BuiltinPage, type Part } from '../../../simulation/index';
import { FIXED_DURING_RUN, SECTIONS, sectionsOf, type FieldDef } from './fieldDefs';

describe('fieldDefs', () => {
  it('the fields the page treats as fixed during a run are the engine\'s', () => {
    for (const path of FIXED_DURING_RUN) expect(fieldAt(path)?.fixedDuringRun, path).toBe(true);
  });

  it("each part's optional settings group is on both services' settings as the part declares it, after the service's own", () => {
    const groups = PARTS.flatMap((p) => (p.serviceGroup?.optional && p.serviceGroup.page ? [p.serviceGroup] : []));
    expect(groups.length).toBeGreaterThan(1);
    for (const svc of ['commandService', 'queryService'] as const) {
      const fields = SECTIONS[svc].fields;
      // In the parts' order, at the end of the service's settings.
      expect(fields.slice(-groups.length).map((d) => d.path)).toEqual(groups.map((g) => `${svc}.${g.name}`));
      for (const g of groups) {
        const path = `${svc}.${g.name}`;
        const def = fields.find((d) => d.path === path) as Extract<FieldDef, { kind: 'group' }>;
        expect(def.kind, path).toBe('group');
        expect([def.label, def.defaults, def.hint]).toEqual([g.page!.label, g.page!.whenOn, fieldAt(path)!.help]);
        // The page's fields are the group's, in its order: a field the part adds without a label is caught here.
        expect(def.fields.map((d) => d.path)).toEqual(g.fields.map(([name]) => `${path}.${name}`));
        for (const d of def.fields) {
          const unit = fieldAt(d.path)!.unit;
          expect(d.kind === 'number' && d.unit, d.path).toBe(unit === 'ratio' ? undefined : unit);
        }
      }
    }
  });
});

describe("fieldDefs: a part's group that every service has", () => {
  it('is a heading and its fields on both services, after the auto-scaling, editors by the registry\'s kinds', () => {
    const always = PARTS.flatMap((p) => (p.serviceGroup && !p.serviceGroup.optional && p.serviceGroup.page ? [p.serviceGroup] : []));
    expect(always.length).toBeGreaterThan(0);
    for (const svc of ['commandService', 'queryService'] as const) {
      const fields = SECTIONS[svc].fields;
      for (const g of always) {
        const at = fields.findIndex((d) => d.path === `${svc}.${g.name}`);
        expect(fields[at - 1]?.path, `${svc}.${g.name}`).toBe(`${svc}.autoscaling`);
        expect([fields[at].kind, fields[at].label]).toEqual(['heading', g.page!.label]);
        const shown = fields.slice(at + 1, at + 1 + g.page!.fields.length);
        expect(shown.map((d) => [d.path, d.label])).toEqual(g.page!.fields.map(([name, label]) => [`${svc}.${g.name}.${name}`, label]));
        for (const d of shown) expect(d.kind === 'number' && (d.integer ?? false), d.path).toBe(fieldAt(d.path)!.kind === 'integer');
      }
    }
  });
});

describe("fieldDefs: a part's own section", () => {
  // A part of the list that owns a section, given a page here (declared only: the registry has its fields).
  const owner = PARTS.find((p) => p.section)!;
  const spec = owner.section!;
  const page = { label: 'The part, on', in: 'eventStream', whenOn: {}, fields: spec.fields.map(([name]) => [name, `Label of ${name}`, 0.5] as const) };
  const declared: Part = { ...owner, section: { ...spec, page } };

  it('is an optional group at the end of the settings section it names, because the part declares it there', () => {
    const plain = sectionsOf([]);
    const sections = sectionsOf([declared]);
    for (const id of Object.keys(plain) as (keyof typeof plain)[]) {
      if (id !== 'eventStream') expect(sections[id], id).toEqual(plain[id]);
    }
    const fields = sections.eventStream.fields;
    expect(fields.slice(0, -1)).toEqual(plain.eventStream.fields);
    const group = fields[fields.length - 1] as Extract<FieldDef, { kind: 'group' }>;
    expect([group.kind, group.path, group.label, group.defaults, group.hint]).toEqual(['group', spec.name, 'The part, on', {}, fieldAt(spec.name)!.help]);
    expect(group.fields.map((d) => [d.path, d.label])).toEqual(spec.fields.map(([name]) => [`${spec.name}.${name}`, `Label of ${name}`]));
    for (const d of group.fields) {
      const f = fieldAt(d.path)!;
      // Its editor follows the registry: a number with the registry's unit (none for a ratio), an integer marked so.
      expect(d.kind, d.path).toBe(f.kind === 'boolean' ? 'bool' : f.kind === 'choice' ? 'select' : 'number');
      if (d.kind === 'number') expect([d.unit, d.integer ?? false, d.step], d.path).toEqual([f.unit === 'ratio' ? undefined : f.unit, f.kind === 'integer', 0.5]);
    }
    // Not declared: no group (the page shows no editor of the section).
    expect(sectionsOf([owner]).eventStream.fields.length).toBe(plain.eventStream.fields.length + (spec.page ? 1 : 0));
  });

  it("an editor of a field the engine's registry lacks is refused, naming the field; a choice's values and a whole number come from the registry", () => {
    const lost: BuiltinPage[] = [...BUILTIN_PAGES, { in: 'run', section: 'pricing', fields: [['discount', 'Discount']] }];
    expect(() => sectionsOf([], lost)).toThrow("pricing.discount: the settings panel shows a field the engine's field registry lacks");
    const editors = Object.values(SECTIONS).flatMap((s) => s.fields);
    expect(editors.find((d) => d.path === 'cache.invalidation')).toMatchObject({ kind: 'select', options: fieldAt('cache.invalidation')!.choices });
    expect(editors.find((d) => d.path === 'writeStore.shards')).toMatchObject({ kind: 'number', integer: true });
    expect(editors.find((d) => d.path === 'durationS')).not.toHaveProperty('integer');
  });

  it('a section declared in a settings section the page lacks is refused, naming the part and the place', () => {
    const lost: Part = { ...owner, section: { ...spec, page: { ...page, in: 'basement' } } };
    expect(() => sectionsOf([lost])).toThrow(`part ${owner.name}: its section's page is in "basement", which is not a settings section`);
  });

  it("the page's settings carry each part's section that declares a page, every field of the section in its order", () => {
    for (const p of PARTS) {
      const s = p.section;
      if (!s?.page) continue;
      const group = SECTIONS[s.page.in as keyof typeof SECTIONS].fields.find((d) => d.path === s.name) as Extract<FieldDef, { kind: 'group' }>;
      expect(group?.kind, p.name).toBe('group');
      expect(group.fields.map((d) => d.path)).toEqual(s.fields.map(([name]) => `${s.name}.${name}`));
    }
  });
});

describe("fieldDefs: the built-in parts' blocks (`BuiltinView.pages`)", () => {
  const [run, ...rest] = BUILTIN_PAGES;

  it("a block's editor follows the registry's kind, and one the registry cannot say (a list) must be declared", () => {
    const editors = Object.values(sectionsOf([])).flatMap((s) => s.fields);
    expect(editors.find((d) => d.path === 'eventStream.synchronousAppend')?.kind).toBe('bool');
    expect(editors.find((d) => d.path === 'writeStore.writeLatencyMs')?.kind).toBe('latency');
    // A factor (`x`) shows as ×, a ratio with no unit, a declared '' with none.
    expect(editors.find((d) => d.path === 'readStore.unindexedFactor')).toMatchObject({ kind: 'number', unit: '×' });
    expect(editors.find((d) => d.path === 'workload.writeRatio')).not.toHaveProperty('unit');
    expect(editors.find((d) => d.path === 'cache.nodes')).not.toHaveProperty('unit');
    const undeclared: BuiltinPage[] = [...BUILTIN_PAGES, { in: 'workload', section: 'workload', fields: [['profile', 'Rate profile']] }];
    expect(() => sectionsOf([], undeclared)).toThrow('workload.profile: the settings panel has no editor of a list field');
  });

  it('the first block of a settings section gives its title; a later one adds fields at its end; a section no block opens is refused', () => {
    const pricing = BUILTIN_PAGES.find((b) => b.section === 'pricing')!;
    expect(SECTIONS.run.fields.slice(-pricing.fields.length).map((d) => d.label)).toEqual(pricing.fields.map(([, label]) => label));
    expect(() => sectionsOf([], [{ ...run, title: 'Run again' }, run, ...rest])).toThrow('run: a second block gives the settings section a title ("Run")');
    expect(() => sectionsOf([], rest.filter((b) => b.in !== 'run'))).toThrow('run: no part declares this settings section');
    expect(() => sectionsOf([], [...BUILTIN_PAGES, { in: 'basement', title: 'B', about: 'B', fields: [] }])).toThrow('basement: a block of settings in a settings section the page lacks');
  });
});
