/** The published JSON Schema of scenario files, and the `$schema` key that names it. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseScenario, runScenario } from '../simulation/index';
import { SCENARIO_SCHEMA_FILE, scenarioJsonSchema } from '../simulation/input/jsonSchema';
import { scenarioSchema } from '../simulation/input/scenarioSchema';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('scenario JSON Schema', () => {
  it('scenario.schema.json is the schema generated from the zod schema (npm run schema rewrites it)', () => {
    const file = JSON.parse(readFileSync(`${root}/${SCENARIO_SCHEMA_FILE}`, 'utf8')) as unknown;
    expect(file).toEqual(scenarioJsonSchema());
  });

  it('scenarioJsonSchema() names every top-level field of the zod schema, and $schema, and no others', () => {
    const s = scenarioJsonSchema() as { properties: Record<string, unknown>; additionalProperties: unknown; required: string[] };
    expect(Object.keys(s.properties).sort()).toEqual(['$schema', ...Object.keys(scenarioSchema.shape)].sort());
    expect(s.additionalProperties).toBe(false);
    expect(s.required).toEqual(['version']);
  });

  it('parseScenario() accepts a $schema key and runs as without it', () => {
    const base = { version: 1, durationS: 3, warmupS: 1 };
    const a = parseScenario(base);
    const b = parseScenario({ $schema: './scenario.schema.json', ...base });
    if (!a.ok || !b.ok) throw new Error('both load');
    expect(b.scenario).toEqual(a.scenario);
    expect(runScenario(b.scenario)).toEqual({ ...runScenario(a.scenario), wallMs: expect.any(Number) as number });
  });

  it('parseScenario() refuses a $schema that is not a short string, naming it', () => {
    for (const ref of [1, null, { a: 1 }, 'x'.repeat(3000)]) {
      const r = parseScenario({ version: 1, $schema: ref });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0].path).toBe('$schema');
    }
  });

  it('the published schema, read back (zod fromJSONSchema), accepts every example file and refuses unknown fields and bad values', () => {
    const back = z.fromJSONSchema(scenarioJsonSchema() as Parameters<typeof z.fromJSONSchema>[0]);
    for (const f of readdirSync(`${root}/scenarios`).filter((x) => x.endsWith('.json'))) {
      const json = JSON.parse(readFileSync(`${root}/scenarios/${f}`, 'utf8')) as Record<string, unknown>;
      expect(back.safeParse({ $schema: `../${SCENARIO_SCHEMA_FILE}`, ...json }).success, f).toBe(true);
    }
    expect(back.safeParse({ version: 1, nope: 1 }).success).toBe(false);
    expect(back.safeParse({ version: 1, queryService: { instances: -1 } }).success).toBe(false);
  });

  it('every example scenario loads with a $schema key added', () => {
    for (const f of readdirSync(`${root}/scenarios`).filter((x) => x.endsWith('.json'))) {
      const json = JSON.parse(readFileSync(`${root}/scenarios/${f}`, 'utf8')) as Record<string, unknown>;
      expect(parseScenario({ $schema: `../${SCENARIO_SCHEMA_FILE}`, ...json }).ok, f).toBe(true);
    }
  });
});
