/**
 * Every scenario field the settings panel shows, grouped by the part of the system it belongs to:
 * derived from the parts' declarations (the built-in parts' views, the contract parts' `page`),
 * so no part is laid out here.
 */
import { FIXED_DURING_RUN as ENGINE_FIXED } from 'virtual:engine-facts';
import { fieldAt } from '../../../simulation/fields';
import { BUILTIN_PAGES, PART_DECLARATIONS as PARTS } from 'virtual:part-declarations';
import type { BuiltinPage, FieldLook, PageField, PartDeclaration as Part } from '../../../simulation/index';
import type { PartId } from '../../state/uiStore';

export type FieldDef =
  | { kind: 'number'; path: string; label: string; unit?: string; step?: number; stepper?: boolean; integer?: boolean }
  | { kind: 'select'; path: string; label: string; options: readonly string[] }
  | { kind: 'bool'; path: string; label: string }
  | { kind: 'latency'; path: string; label: string }
  | { kind: 'text'; path: string; label: string }
  | { kind: 'profile'; path: string; label: string }
  | { kind: 'autoscaling'; path: string; label: string; metrics: readonly string[] }
  | { kind: 'faults'; path: string; label: string }
  | { kind: 'heading'; path: string; label: string }
  | { kind: 'group'; path: string; label: string; hint?: string; defaults: object; fields: FieldDef[] };

export interface Section {
  title: string;
  about: string;
  fields: FieldDef[];
}

/** Fields that cannot change during a run (the engine's list, and the fault timeline): editing one starts a new run. */
export const FIXED_DURING_RUN = new Set<string>([...ENGINE_FIXED, 'faults']);

type GroupPage = NonNullable<NonNullable<Part['serviceGroup']>['page']>;

/** The page's settings sections in the topology's order (the settings panel's tabs). */
export const PART_ORDER: PartId[] = ['run', 'workload', 'commandService', 'writeStore', 'eventStream', 'readStore', 'cache', 'queryService', 'faults'];

/** A number's unit as the page shows it: the one declared, else the registry's (none for a ratio, × for a factor). */
function unitOf(path: string, declared?: string): string | undefined {
  const unit = declared ?? fieldAt(path)?.unit;
  return unit === 'ratio' || !unit ? undefined : unit === 'x' ? '×' : unit;
}

/** The registry's entry of a field the settings panel shows; an unknown one is refused, naming it. */
function registered(path: string) {
  const f = fieldAt(path);
  if (!f) throw new Error(`${path}: the settings panel shows a field the engine's field registry lacks`);
  return f;
}

/**
 * A field's editor: the one its look names (a heading, the rate profile, an auto-scaling policy,
 * the fault timeline), else the one its kind in the field registry calls for, a number with its
 * unit, step and stepper (and whole where the registry says so).
 */
function editorOf(path: string, label: string, look: FieldLook = {}): FieldDef {
  if (look.editor === 'heading') return { kind: 'heading', path, label };
  const f = registered(path);
  if (look.editor === 'autoscaling') return { kind: 'autoscaling', path, label, metrics: look.metrics ?? [] };
  if (look.editor) return { kind: look.editor, path, label };
  if (f.kind === 'boolean') return { kind: 'bool', path, label };
  if (f.kind === 'choice') return { kind: 'select', path, label, options: f.choices ?? [] };
  if (f.kind === 'text' || f.kind === 'latency') return { kind: f.kind, path, label };
  if (f.kind !== 'number' && f.kind !== 'integer') throw new Error(`${path}: the settings panel has no editor of a ${f.kind} field (declare one: heading, profile, autoscaling or faults)`);
  const unit = unitOf(path, look.unit);
  return {
    kind: 'number',
    path,
    label,
    ...(unit === undefined ? {} : { unit }),
    ...(look.step === undefined ? {} : { step: look.step }),
    ...(look.stepper ? { stepper: true } : {}),
    ...(f.kind === 'integer' ? { integer: true } : {}),
  };
}

/** A contract part's field (`PageField`): its editor by the registry, with the step it declares. */
const pageField = (path: string, [, label, step]: PageField): FieldDef => editorOf(path, label, { step });

/**
 * The groups the parts put on every service that is always there (`Part.serviceGroup.page`, not
 * optional: the health checks): a heading and the group's fields.
 */
function partSettings(parts: readonly Part[], p: string): FieldDef[] {
  return parts.flatMap((part) => {
    const g = part.serviceGroup;
    if (!g?.page || g.optional) return [];
    const path = `${p}.${g.name}`;
    return [{ kind: 'heading' as const, path, label: g.page.label }, ...g.page.fields.map((f) => pageField(`${path}.${f[0]}`, f))];
  });
}

/** The optional groups the parts put on each service (`Part.serviceGroup.page`), in the parts' order. */
function partGroups(parts: readonly Part[], p: string): FieldDef[] {
  return parts.flatMap((part) => {
    const g = part.serviceGroup;
    return g?.optional && g.page ? [optionalGroup(`${p}.${g.name}`, g.page)] : [];
  });
}

/** An optional group: a checkbox that adds it with `whenOn`, its help from the field registry, then its fields. */
function optionalGroup(path: string, page: GroupPage): FieldDef {
  return { kind: 'group', path, label: page.label, hint: fieldAt(path)?.help, defaults: page.whenOn, fields: page.fields.map((f) => pageField(`${path}.${f[0]}`, f)) };
}

/** A built-in part's block of fields (`BuiltinPage`), with the contract parts' groups where it is a service's. */
function blockFields(block: BuiltinPage, parts: readonly Part[]): FieldDef[] {
  const at = (name: string) => [block.section, name].filter(Boolean).join('.');
  const fields = block.fields.map(([name, label, look]) => editorOf(at(name), label, look));
  const after = block.partGroupsAfter;
  if (after === undefined) return fields;
  const k = fields.findIndex((d) => d.path === at(after));
  if (k < 0) throw new Error(`${block.in}: the parts' groups follow "${after}", which the block does not show`);
  return [...fields.slice(0, k + 1), ...partSettings(parts, block.section ?? ''), ...fields.slice(k + 1), ...partGroups(parts, block.section ?? '')];
}

/**
 * The page's settings sections, from the declarations: each built-in part's blocks
 * (`BuiltinView.pages`, in the list's order: the first block of a section gives its title and
 * about, later ones add their fields at its end), the contract parts' groups on the services, and
 * their own sections (`Part.section.page`): each an optional group at the end of the settings
 * section it names (`in`), in the parts' order. Every editor is checked against the field registry.
 */
export function sectionsOf(parts: readonly Part[], pages: readonly BuiltinPage[] = BUILTIN_PAGES): Record<PartId, Section> {
  const out: Partial<Record<PartId, Section>> = {};
  for (const block of pages) {
    if (!PART_ORDER.includes(block.in as PartId)) throw new Error(`${block.in}: a block of settings in a settings section the page lacks (${PART_ORDER.join(', ')})`);
    const id = block.in as PartId;
    const fields = blockFields(block, parts);
    const open = out[id];
    if (open && block.title !== undefined) throw new Error(`${id}: a second block gives the settings section a title ("${block.title}")`);
    if (open) open.fields.push(...fields);
    else if (block.title === undefined || block.about === undefined) throw new Error(`${id}: the settings section's first block gives no title or about`);
    else out[id] = { title: block.title, about: block.about, fields };
  }
  for (const id of PART_ORDER) if (!out[id]) throw new Error(`${id}: no part declares this settings section`);
  const sections = out as Record<PartId, Section>;
  for (const part of parts) {
    const spec = part.section;
    if (!spec?.page) continue;
    if (!Object.hasOwn(sections, spec.page.in)) throw new Error(`part ${part.name}: its section's page is in "${spec.page.in}", which is not a settings section (${Object.keys(sections).join(', ')})`);
    sections[spec.page.in as PartId].fields.push(optionalGroup(spec.name, spec.page));
  }
  return sections;
}

export const SECTIONS: Record<PartId, Section> = sectionsOf(PARTS);

/**
 * The settings section that shows a field: the one with an editor of it, or of the group, the
 * latency or the policy it is inside (`deadLetter.failureRate` is in the event stream's, where the
 * part's group sits; `pricing.sizePremium` in the run's). A field no editor shows goes by its
 * path's head when that names a section, else to the run's.
 */
export function sectionOfField(path: string, sections: Record<PartId, Section> = SECTIONS): PartId {
  const shows = (defs: FieldDef[]): boolean =>
    defs.some((d) => d.kind !== 'heading' && (d.path === path || path.startsWith(`${d.path}.`) || (d.kind === 'group' && shows(d.fields))));
  for (const [id, s] of Object.entries(sections) as [PartId, Section][]) if (shows(s.fields)) return id;
  const head = path.split('.')[0];
  return Object.hasOwn(sections, head) ? (head as PartId) : 'run';
}

export const PART_NAMES: Record<PartId, string> = {
  run: 'Run',
  workload: 'Clients',
  commandService: 'Commands',
  writeStore: 'Write store',
  eventStream: 'Stream',
  readStore: 'Read store',
  cache: 'Cache',
  queryService: 'Queries',
  faults: 'Faults',
};

/**
 * Every editor of the settings panel (the groups' fields included, headings left out), each
 * labelled with its part ("Query service: Instances"), for places where the editors of several
 * parts stand side by side or a field is named on its own.
 */
export function labelledEditors(): FieldDef[] {
  const out: FieldDef[] = [];
  const walk = (defs: FieldDef[], part: string) => {
    for (const d of defs) {
      if (d.kind !== 'heading') out.push({ ...d, label: `${part}: ${d.label}` });
      if (d.kind === 'group') walk(d.fields, part);
    }
  };
  for (const s of Object.values(SECTIONS)) walk(s.fields, s.title);
  return out;
}

/** A field's name as the page shows it, with its part; the path when no editor shows it. */
export function fieldLabel(path: string): string {
  return labelledEditors().find((d) => d.path === path)?.label ?? path;
}
