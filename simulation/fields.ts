/**
 * The registry of addressable fields of a scenario: every path that an intervention, a live
 * change, a locked field, the settings panel or a host page may name, with its kind, bounds, unit,
 * help text and whether it may change during a run (figures are in `figures.ts`). Paths are resolved only against this list, never by
 * walking whatever object a name leads to, so a path such as `__proto__.toString` or
 * `constructor.prototype.x` is refused before anything is read or written.
 *
 * It imports no zod (the declarations in `fieldSpec.ts` and the parts list only), so the page's
 * main thread can use it at little cost. The parts' settings come from the parts list
 * (`parts/index.ts`): each part declares its own once. A test checks that the list matches the scenario schema: every field of a scenario with every
 * optional part filled in is here, and every path here is accepted by the schema.
 */

import { GROUP_PARAMS, LATENCY_PARAMS, PART_SECTIONS, SECTION_HELP, SECTIONS } from './input/fieldSections';
import { LATENCY_TYPES, LOAD_BALANCER_ALGORITHMS, SCALING_METRICS, type FieldKind, type FieldSpec } from './input/fieldSpec';
import { BUILTIN_REPLACES, BUILTIN_TIMELINES } from './parts/decl';

export { LATENCY_TYPES, LOAD_BALANCER_ALGORITHMS, SCALING_METRICS, type FieldKind };

/**
 * One addressable field: a stable id (its dotted path, PhET-iO style), what it holds, its bounds
 * and unit, a sentence of help, and whether it may change during a run.
 */
export interface FieldEntry {
  /** Dotted path from the scenario's root, such as `queryService.instances`: the field's stable id. */
  readonly path: string;
  readonly kind: FieldKind;
  /** Fixed for the length of a run: changing it means a new run (a new scenario). */
  readonly fixedDuringRun: boolean;
  /** May be absent from a scenario (auto-scaling, a rate profile, a retry budget). */
  readonly optional: boolean;
  /** Least and greatest values of a number (`minExclusive`: the least is not allowed itself). */
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  /** The unit of a number: ms, s, rps, MB, ratio (0..1), x (a factor), or what it counts. */
  readonly unit?: string;
  /** The values a choice may take. */
  readonly choices?: readonly string[];
  /** One sentence: what it is and what changing it does. */
  readonly help: string;
}

type Spec = FieldSpec;

function build(): FieldEntry[] {
  const out: FieldEntry[] = [];
  const add = (path: string, [, kind, , range, help, choices]: Spec, fixedDuringRun: boolean, optional: boolean) => {
    const e: { -readonly [K in keyof FieldEntry]: FieldEntry[K] } = { path, kind, fixedDuringRun, optional, help };
    if (range) {
      const [unit, min, max] = range;
      if (unit) e.unit = unit;
      if (min === '>0') {
        e.min = 0;
        e.minExclusive = true;
      } else if (min !== undefined) e.min = min;
      if (max !== undefined) e.max = max;
    }
    if (choices) e.choices = choices;
    out.push(e);
  };
  for (const [section, specs] of Object.entries(SECTIONS)) {
    if (section !== '') add(section, ['', 'group', '', null, SECTION_HELP[section] ?? `The ${section} settings.`], false, false);
    for (const spec of specs) {
      const [name, kind, flag] = spec;
      const path = section === '' ? name : `${section}.${name}`;
      const optional = flag === 'optional';
      add(path, spec, flag === 'fixed', optional);
      // The parts of a distribution or of an optional group are fields of their own.
      if (kind === 'latency') for (const p of LATENCY_PARAMS) add(`${path}.${p[0]}`, p, false, true);
      const params = GROUP_PARAMS[name];
      if (params) for (const p of params) add(`${path}.${p[0]}`, p, false, optional);
    }
  }
  // The parts' own sections: optional (absent, the part is off), so every field in them may be absent too.
  for (const { name, help, fields } of PART_SECTIONS) {
    add(name, ['', 'group', 'optional', null, help], false, true);
    for (const spec of fields) add(`${name}.${spec[0]}`, spec, spec[2] === 'fixed', true);
  }
  // The timelines (the faults) are set as a whole, and only before a run (each is the run's script).
  for (const [name, help] of Object.entries(BUILTIN_TIMELINES)) add(name, ['', 'list', 'fixed', null, help], true, false);
  return out;
}

/** Every addressable field, in the order of the scenario file. */
export const FIELDS: readonly FieldEntry[] = build();

const BY_PATH: ReadonlyMap<string, FieldEntry> = new Map(FIELDS.map((f) => [f.path, f]));

/** The field at `path`, or undefined when no such field exists (a Map: nothing inherited is found). */
export function fieldAt(path: unknown): FieldEntry | undefined {
  return typeof path === 'string' ? BY_PATH.get(path) : undefined;
}

/**
 * Fields fixed for the length of a run, the timelines aside (the faults are not a setting: they
 * are kept apart from live changes altogether).
 */
export const FIXED_DURING_RUN: readonly string[] = FIELDS.filter((f) => f.fixedDuringRun && !Object.hasOwn(BUILTIN_TIMELINES, f.path)).map(
  (f) => f.path,
);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The value of field `path` in `obj` (own properties only), or undefined. Unknown paths read nothing. */
export function getField(obj: unknown, path: string): unknown {
  if (!BY_PATH.has(path)) return undefined;
  let o: unknown = obj;
  for (const p of path.split('.')) o = isObj(o) && Object.hasOwn(o, p) ? o[p] : undefined;
  return o;
}

export type SetFieldResult = { ok: true; value: Obj } | { ok: false; path: string; message: string };

/**
 * A deep copy of `obj` (plain JSON data) with field `path` set to `value` (and any field it
 * replaces removed: see REPLACES); `undefined` removes it (an optional field goes away; others
 * take their default when validated). `null` is put in place like any value, so validating the
 * copy refuses it as the file would (`changes.ts` decides where a change's null removes). A group on
 * the way that is missing is created only where `createGroups` says so (the page's editors);
 * otherwise it is an error, as a live change of `autoscaling.target` with no policy is.
 */
export function withField(obj: unknown, path: string, value: unknown, createGroups = false): SetFieldResult {
  if (!BY_PATH.has(path)) return { ok: false, path, message: 'unknown field' };
  const copy: Obj = isObj(obj) ? (JSON.parse(JSON.stringify(obj)) as Obj) : {};
  const parts = path.split('.');
  let o = copy;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i];
    const child = Object.hasOwn(o, p) ? o[p] : undefined;
    if (!isObj(child)) {
      if (!createGroups) return { ok: false, path: parts.slice(0, i + 1).join('.'), message: 'unknown field (not a group of settings)' };
      o[p] = {};
    }
    o = o[p] as Obj;
  }
  const last = parts[parts.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
  const replaced = REPLACES.get(path);
  if (replaced !== undefined) {
    const at = replaced.lastIndexOf('.');
    const parent = getField(copy, replaced.slice(0, at));
    if (isObj(parent)) delete parent[replaced.slice(at + 1)];
  }
  return { ok: true, value: copy };
}

/** Setting one field removes another, as the parts declare it (a constant request rate replaces a rate profile). */
const REPLACES: ReadonlyMap<string, string> = new Map(Object.entries(BUILTIN_REPLACES));

/** The field that setting `path` removes (see `withField`), or undefined: a lock on that field must refuse `path` too. */
export const fieldReplacedBy = (path: string): string | undefined => REPLACES.get(path);
