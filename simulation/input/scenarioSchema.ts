/**
 * The scenario's whole schema: the built-in sections of `scenario.ts` (each service with the
 * groups the parts put on it, `Part.serviceGroup`), then each part's own section (`Part.section`,
 * in the order of the parts list), then the timelines. A part's settings are made from its field
 * lines and defaults (`specSchema.ts`), so a part declares its settings once. This is the
 * one module that ties the schema to the parts list: `scenario.ts` stays free of the parts (they
 * import its types), and validation (`parseShape.ts`) and the JSON Schema use this one.
 */
import { z } from 'zod';
import type { FieldSpec, SectionSpec } from './fieldSpec';
import { PARTS } from '../parts';
import { BUILTIN_SECTIONS } from '../parts/decl';
import { builtinShape, refineScenario, timelineShape } from '../scenario';
import { serviceSchema, type ServiceGroupSchema } from './scenarioBlocks';
import { objectOf } from './specSchema';

/** A part's section: optional (absent, the part is off), its fields strict, each with its default. */
export function sectionSchema(spec: SectionSpec) {
  for (const [name, kind, flags] of spec.fields) {
    const where = `${spec.name}.${name}`;
    if (!['number', 'integer', 'boolean', 'choice'].includes(kind)) throw new Error(`${where}: a part's section holds numbers, integers, booleans and choices (with their values), not ${kind}`);
    if (flags !== 'optional' && !Object.hasOwn(spec.defaults, name)) throw new Error(`${where}: a field of a part's section needs a default`);
  }
  return objectOf(spec.name, spec.fields, spec.defaults).optional();
}

/** The groups the parts put on each service, in the list's order, as the services' schema takes them. */
export const SERVICE_GROUPS: readonly ServiceGroupSchema[] = PARTS.flatMap((p) => {
  const g = p.serviceGroup;
  if (!g) return [];
  const line: FieldSpec = [g.name, 'group', g.optional ? 'optional' : '', null, g.help];
  return [{ name: g.name, line, after: g.after, schema: objectOf(g.name, g.fields, g.defaults ?? {}), inBalancer: g.inBalancer }];
});

/** How the load balancer may be written as an object, for messages: the algorithm and the groups that may sit inside it. */
export const BALANCER_FORM = `{ ${['algorithm', ...SERVICE_GROUPS.filter((g) => g.inBalancer).map((g) => g.name)].join(', ')} }`;

const SECTIONS = PARTS.flatMap((p) => (p.section ? [p.section] : []));
for (const s of SECTIONS) {
  if (Object.hasOwn(builtinShape, s.name) || Object.hasOwn(timelineShape, s.name)) throw new Error(`${s.name}: a part's section may not reuse a built-in section's name`);
}

/** The built-in services (`BuiltinSection.service`) with the parts' groups on them, by name. */
const serviceShape = Object.fromEntries(
  Object.entries(BUILTIN_SECTIONS)
    .filter(([, s]) => s.service)
    .map(([name, s]) => [name, serviceSchema(name, s.defaults, SERVICE_GROUPS)]),
);

/** Every part's section, by its name, in the order of the parts list. */
const partShape = Object.fromEntries(SECTIONS.map((s) => [s.name, sectionSchema(s)]));

/** The scenario file format, version 1 (see `scenario.ts`): what every input is validated by. */
export const scenarioSchema = z
  .strictObject({
    ...builtinShape,
    // In the same places: the services with the parts' groups on them.
    ...serviceShape,
    ...partShape,
    ...timelineShape,
  })
  .superRefine(refineScenario);
