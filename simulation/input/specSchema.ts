/**
 * The zod schema of a section of settings, made from its field lines (`fieldSpec.ts`) and its
 * defaults: the one place where a field's kind, bounds, choices and default become validation.
 * The built-in sections (`scenario.ts`), each part's settings on a service and each part's own
 * section (`scenarioSchema.ts`) are all made here, so no schema is written beside the lines.
 * `settingsType.ts` reads the same lines for the TypeScript types.
 */
import { z } from 'zod';
import type { FieldSpec } from './fieldSpec';
import type { SettingsIn, SettingsOut, ShapeOf } from './settingsType';

/** Longest single delay (a latency, a timeout, a backoff, a lag): one hour, in ms. */
export const MAX_DELAY_MS = 3_600_000;
const delayMs = () => z.number().min(0).max(MAX_DELAY_MS);

/** Latency distributions, in milliseconds of simulated time. A bare number is a constant. */
const constantDist = z.strictObject({ type: z.literal('constant'), ms: delayMs() });
const exponentialDist = z.strictObject({ type: z.literal('exponential'), meanMs: delayMs() });
const uniformDist = z
  .strictObject({ type: z.literal('uniform'), minMs: delayMs(), maxMs: delayMs() })
  .refine((d) => d.maxMs >= d.minMs, { message: 'maxMs must be at least minMs', path: ['maxMs'] });
const lognormalDist = z
  .strictObject({ type: z.literal('lognormal'), medianMs: z.number().min(0.001).max(MAX_DELAY_MS), p99Ms: z.number().gt(0).max(MAX_DELAY_MS) })
  .refine((d) => d.p99Ms > d.medianMs, { message: 'p99Ms must be greater than medianMs', path: ['p99Ms'] });

export const latencySchema = z.union([
  delayMs().transform((ms) => ({ type: 'constant' as const, ms })),
  z.discriminatedUnion('type', [constantDist, exponentialDist, uniformDist, lognormalDist]),
]);

/** The schema of one field from its line: a number within its bounds, a yes/no, a choice, text, a latency. */
function leafSchema(where: string, [, kind, , range, , choices]: FieldSpec): z.ZodType {
  const [, min, max] = range ?? [''];
  if (kind === 'number' || kind === 'integer') {
    let n = kind === 'integer' ? z.number().int() : z.number();
    if (min === '>0') n = n.gt(0);
    else if (min !== undefined) n = n.min(min);
    if (max !== undefined) n = n.max(max);
    return n;
  }
  if (kind === 'text') {
    let t = z.string();
    if (typeof min === 'number') t = t.min(min);
    return max === undefined ? t : t.max(max);
  }
  if (kind === 'boolean') return z.boolean();
  if (kind === 'latency') return latencySchema;
  if (kind === 'choice' && choices && choices.length > 0) return z.enum(choices as [string, ...string[]]);
  throw new Error(`${where}: a field of kind ${kind} needs its schema given (a list's items, a field of several shapes)`);
}

/**
 * A strict object of the fields `lines` declare, each with its default (from `defaults`, by its
 * name, dotted inside a group: `keys.count`), absent when flagged optional, required otherwise. A
 * line `a.b` is a field of the group `a` (a line of kind `group`); a group not flagged optional
 * takes its fields' defaults when left out. `custom` gives the schema of a field the lines cannot say (a list's
 * items, a field of several shapes); its default and flag still come from the line.
 */
export function objectOf(where: string, lines: readonly FieldSpec[], defaults: Readonly<Record<string, unknown>>, custom: Readonly<Record<string, z.ZodType>> = {}) {
  const shape: Record<string, z.ZodType> = {};
  for (const line of lines) {
    const [name, kind, flags] = line;
    if (name.includes('.')) continue;
    const at = `${where}.${name}`;
    let t: z.ZodType;
    if (Object.hasOwn(custom, name)) t = custom[name];
    else if (kind === 'group') {
      const inside = (key: string) => key.startsWith(`${name}.`);
      const sub = lines.filter((l) => inside(l[0])).map((l) => [l[0].slice(name.length + 1), ...l.slice(1)] as unknown as FieldSpec);
      const subDefaults = Object.fromEntries(Object.entries(defaults).flatMap(([k, v]) => (inside(k) ? [[k.slice(name.length + 1), v]] : [])));
      if (sub.length === 0) throw new Error(`${at}: a group needs its fields' lines (${name}.<field>) or its schema given`);
      t = objectOf(at, sub, subDefaults);
    } else t = leafSchema(at, line);
    if (flags === 'optional') t = t.optional();
    else if (Object.hasOwn(defaults, name)) t = t.default(defaults[name] as never);
    else if (kind === 'group') t = t.prefault({} as never);
    shape[name] = t;
  }
  return z.strictObject(shape);
}

/** `objectOf`, typed from the lines: the lines `as const`, their defaults and custom schemas. */
export function typedObjectOf<const L extends readonly FieldSpec[], const D extends Readonly<Record<string, unknown>>, const C extends Readonly<Record<string, z.ZodType>> = {}>(
  where: string,
  lines: L,
  defaults: D,
  custom?: C,
) {
  return objectOf(where, lines, defaults, custom) as unknown as z.ZodObject<ShapeOf<SettingsOut<L[number], C>, SettingsIn<L[number], D, C>>, z.core.$strict>;
}
