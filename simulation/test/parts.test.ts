/** The Part contract, measured: the engine's shared files name no part on the list, and the registries carry what each part declares. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../fields';
import { FIGURES, SERIES_FIGURES } from '../figures';
import type { SectionSpec } from '../input/fieldSpec';
import { PARTS } from '../parts';
import { sectionSchema } from '../input/scenarioSchema';

const SIM = join(__dirname, '..');
/** Folders where naming a part is content, not wiring: tests, the examples, the fuzzer, the benchmarks. */
const CONTENT = new Set(['test', 'examples', 'fuzz', 'bench']);
/**
 * Files not yet on the contract that still name a part, each with why. Every other engine file
 * is checked, so a new shared file cannot escape; an entry that names no part any more fails.
 * Empty since the health checks' settings moved into their part (schema, balancer form, probes).
 */
const NOT_YET: Record<string, string> = {};

/** Every .ts file of the engine, relative to simulation/, outside the content folders. */
function engineFiles(dir = SIM): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return CONTENT.has(f) && dir === SIM ? [] : engineFiles(path);
    return f.endsWith('.ts') && !f.endsWith('.test.ts') ? [relative(SIM, path)] : [];
  });
}

/** The modules the parts list imports that export a part on it: a part's own module may name it. */
async function partModules(): Promise<Set<string>> {
  const own = new Set<string>();
  for (const [, name] of readFileSync(join(SIM, 'parts/index.ts'), 'utf8').matchAll(/from '\.\/(\w+)'/g)) {
    const mod = (await import(join(SIM, 'parts', `${name}.ts`))) as Record<string, unknown>;
    if (Object.values(mod).some((v) => (PARTS as readonly unknown[]).includes(v))) own.add(`parts/${name}.ts`);
  }
  return own;
}

const NAMES = [...new Set(PARTS.flatMap((p) => [p.name, p.serviceGroup?.name, p.cause?.id, p.section?.name]))];
const namesIn = (text: string) => NAMES.filter((n): n is string => !!n && new RegExp(`\\b${n}\\b`).test(text));

describe('parts', () => {
  it('no shared file of the engine names a part on the list, its settings group, its failure cause or its section', async () => {
    const own = await partModules();
    expect(own.size).toBe(PARTS.length);
    const files = engineFiles();
    expect(files).toContain('simulation.ts');
    expect(files).toContain('parts/windows.ts');
    const named: string[] = [];
    for (const file of files) {
      if (own.has(file) || file === 'parts/index.ts' || file in NOT_YET) continue;
      for (const name of namesIn(readFileSync(join(SIM, file), 'utf8'))) named.push(`${file}: ${name}`);
    }
    expect(named).toEqual([]);
    const stale = Object.keys(NOT_YET).filter((file) => namesIn(readFileSync(join(SIM, file), 'utf8')).length === 0);
    expect(stale).toEqual([]);
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
