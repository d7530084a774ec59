/**
 * The scenario's settings, section by section, in the one-line format of `fieldSpec.ts`: the
 * data `fields.ts` builds its registry from: the lines each built-in part declares in its module
 * (`parts/decl/`, the same the schema is made from) joined with the settings each part on the
 * contract declares in its module (`parts/index.ts` lists them).
 */
import { LATENCY_PARAMS } from './bounds';
import type { FieldSpec } from './fieldSpec';
import { PARTS } from '../parts';
import { BUILTIN_GROUPS, BUILTIN_SECTIONS, serviceLines } from '../parts/decl';

type Spec = FieldSpec;

/** The top-level sections the parts own (`Part.section`), in the list's order: after `pricing` in the registry. */
export const PART_SECTIONS = PARTS.flatMap((p) => (p.section ? [p.section] : []));

/** The groups of settings the parts declare on each service (`parts/index.ts`), in the list's order. */
const PART_GROUPS = PARTS.flatMap((p) => (p.serviceGroup ? [p.serviceGroup] : []));

/** The settings inside an optional group, by the group's name. */
export const GROUP_PARAMS: Record<string, readonly Spec[]> = { ...BUILTIN_GROUPS, ...Object.fromEntries(PART_GROUPS.map((g) => [g.name, g.fields])) };

/** A service's fields: its own, and each part's group after the field the part names (or at the end). */
const SERVICE = serviceLines(PART_GROUPS.map((g) => ({ line: [g.name, 'group', g.optional ? 'optional' : '', null, g.help] as Spec, after: g.after })));

/** Every built-in section's fields, in the file's order, the services with the parts' groups. */
export const SECTIONS: Record<string, readonly Spec[]> = Object.fromEntries(Object.entries(BUILTIN_SECTIONS).map(([name, s]) => [name, s.service ? SERVICE : s.lines]));

/** What each built-in section is, for its group entry. */
export const SECTION_HELP: Record<string, string> = Object.fromEntries(Object.entries(BUILTIN_SECTIONS).map(([name, s]) => [name, s.help]));

export { LATENCY_PARAMS };
