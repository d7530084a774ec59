/**
 * The scenario's whole schema: the built-in sections of `scenario.ts`, then each part's own
 * section (`Part.section`, in the order of the parts list), then the timelines. A part's section
 * is derived from its field lines and defaults, so a part declares its settings once. This is the
 * one module that ties the schema to the parts list: `scenario.ts` stays free of the parts (they
 * import its types), and validation (`parseShape.ts`) and the JSON Schema use this one.
 */
import { z } from 'zod';
import type { FieldDefault, FieldSpec, SectionSpec } from './fieldSpec';
import { PARTS } from '../parts';
import { builtinShape, refineScenario, timelineShape } from '../scenario';

/** One field of a part's section, with its bounds and its default (or optional, when its flag says so). */
function fieldSchema(section: string, [name, kind, flags, range, , choices]: FieldSpec, dflt: FieldDefault | undefined): z.ZodType {
  const where = `${section}.${name}`;
  let t: z.ZodType;
  if (kind === 'number' || kind === 'integer') {
    let n = kind === 'integer' ? z.number().int() : z.number();
    const [, min, max] = range ?? [''];
    if (min === '>0') n = n.gt(0);
    else if (min !== undefined) n = n.min(min);
    if (max !== undefined) n = n.max(max);
    t = n;
  } else if (kind === 'boolean') t = z.boolean();
  else if (kind === 'choice' && choices && choices.length > 0) t = z.enum(choices as [string, ...string[]]);
  else throw new Error(`${where}: a part's section holds numbers, integers, booleans and choices (with their values), not ${kind}`);
  if (flags === 'optional') return t.optional();
  if (dflt === undefined) throw new Error(`${where}: a field of a part's section needs a default`);
  return t.default(dflt as never);
}

/** A part's section: optional (absent, the part is off), its fields strict, each with its default. */
export function sectionSchema(spec: SectionSpec) {
  const shape = Object.fromEntries(spec.fields.map((f) => [f[0], fieldSchema(spec.name, f, spec.defaults[f[0]])]));
  return z.strictObject(shape).optional();
}

const SECTIONS = PARTS.flatMap((p) => (p.section ? [p.section] : []));
for (const s of SECTIONS) {
  if (Object.hasOwn(builtinShape, s.name) || Object.hasOwn(timelineShape, s.name)) throw new Error(`${s.name}: a part's section may not reuse a built-in section's name`);
}

/** Every part's section, by its name, in the order of the parts list. */
const partShape = Object.fromEntries(SECTIONS.map((s) => [s.name, sectionSchema(s)]));

/** The scenario file format, version 1 (see `scenario.ts`): what every input is validated by. */
export const scenarioSchema = z.strictObject({ ...builtinShape, ...partShape, ...timelineShape }).superRefine(refineScenario);
