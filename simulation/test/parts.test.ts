/** The Part contract, measured: the engine's shared files name no part on the list, and the registries carry what each part declares. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../fields';
import { FIGURES, SERIES_FIGURES } from '../figures';
import type { SectionSpec } from '../input/fieldSpec';
import { PARTS } from '../parts';
import { sectionSchema } from '../input/scenarioSchema';

const SIM = join(__dirname, '..');
/** The files that tie the parts together: they loop over PARTS and must not name one. */
const SHARED = [
  'simulation.ts',
  'report.ts',
  'figures.ts',
  'output/figureLabels.ts',
  'fields.ts',
  'input/fieldSections.ts',
  'types.ts',
  'parts/windows.ts',
  'parts/clients.ts',
  'parts/projection.ts',
  'metrics/classTally.ts',
  'scenario.ts',
  'input/scenarioSchema.ts',
  'output/snapshot.ts',
  'series.ts',
  'limits.ts',
];

describe('parts', () => {
  it('no shared file of the engine names a part on the list, its settings group or its failure cause', () => {
    const named: string[] = [];
    for (const file of SHARED) {
      const text = readFileSync(join(SIM, file), 'utf8');
      for (const p of PARTS) {
        for (const name of [p.name, p.serviceGroup?.name, p.cause?.id, p.section?.name]) {
          if (name && new RegExp(`\\b${name}\\b`).test(text)) named.push(`${file}: ${name}`);
        }
      }
    }
    expect(named).toEqual([]);
  });

  it('the registries hold every setting, figure and cause a part declares, under both services', () => {
    const fields = new Set(FIELDS.map((f) => f.path));
    const figures = new Set(FIGURES.map((f) => f.id));
    const series = new Set(SERIES_FIGURES.map((f) => f.id));
    const missing: string[] = [];
    for (const p of PARTS) {
      for (const svc of ['commandService', 'queryService']) {
        const g = p.serviceGroup;
        if (g) for (const path of [`${svc}.${g.name}`, ...g.fields.map(([name]) => `${svc}.${g.name}.${name}`)]) if (!fields.has(path)) missing.push(path);
        for (const [id] of p.serviceFigures ?? []) if (!figures.has(`${svc}.${id}`)) missing.push(`${svc}.${id}`);
      }
      for (const [id] of p.figures ?? []) if (!figures.has(id)) missing.push(id);
      if (p.section) for (const path of [p.section.name, ...p.section.fields.map(([name]) => `${p.section!.name}.${name}`)]) if (!fields.has(path)) missing.push(path);
      for (const [id] of p.windowFigures ?? []) if (!series.has(id)) missing.push(id);
      if (p.cause && !(figures.has(`errors.${p.cause.id}`) && series.has(`errors.${p.cause.id}`))) missing.push(`errors.${p.cause.id}`);
    }
    expect(missing).toEqual([]);
  });
});

describe("a part's section", () => {
  const spec: SectionSpec = {
    name: 'probe',
    help: 'A section for this test.',
    fields: [
      ['rate', 'number', '', ['ratio', 0, 1], 'A share.'],
      ['count', 'integer', '', ['things', 1, 20], 'A count.'],
      ['gap', 'number', '', ['ms', '>0', 1000], 'A gap.'],
      ['on', 'boolean', '', null, 'A switch.'],
      ['mode', 'choice', '', null, 'A choice.', ['a', 'b']],
    ],
    defaults: { rate: 0.5, count: 3, gap: 10, on: false, mode: 'a' },
  };
  const schema = sectionSchema(spec);

  it('is optional, fills every default, and keeps every bound of its field lines', () => {
    expect(schema.parse(undefined)).toBeUndefined();
    expect(schema.parse({})).toEqual({ rate: 0.5, count: 3, gap: 10, on: false, mode: 'a' });
    for (const bad of [{ rate: -0.1 }, { rate: 1.1 }, { count: 0 }, { count: 2.5 }, { count: 21 }, { gap: 0 }, { gap: 1001 }, { on: 1 }, { mode: 'c' }, { other: 1 }]) {
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(schema.safeParse({ rate: 0, count: 20, gap: 1000, mode: 'b' }).success).toBe(true);
  });

  it('refuses a field without a default, or of a kind a section cannot hold, naming it', () => {
    expect(() => sectionSchema({ ...spec, defaults: { rate: 0.5 } })).toThrow('probe.count: a field of a part\'s section needs a default');
    expect(() => sectionSchema({ ...spec, fields: [['d', 'latency', '', ['ms'], 'A delay.']], defaults: { d: 1 } })).toThrow('probe.d');
  });
});
