/**
 * The registry of derived figures: numbers a report holds only in pieces (a share of two counts,
 * the greatest of a list, a count over the measured span), each worked out from a finished run's
 * report and its settings. A lab's check names one by its id as it names a report figure
 * (`queries.lostShare` beside `queries.latencyMs.p99`). Each part declares its own (a built-in
 * part beside its declaration, `BuiltinDerived` in `parts/decl/`; a part on the contract in
 * `Part.derived`); this module joins them and names no part.
 *
 * Kept out of `figures.ts` on purpose: the engine and its workers import that one, and none of
 * them needs these functions, so their bundles stay as they were. Zod-free, for the page.
 */
import { FIGURES } from './figures';
import { PARTS } from './parts';
import { BUILTIN_DERIVED, type DerivedFigure } from './parts/decl';

export type { DerivedFigure } from './parts/decl';

/** A derived figure, with the name of the part that declares it. */
export interface DerivedEntry extends DerivedFigure {
  readonly part: string;
}

/** A part as the registry reads it: its name and its derived figures. */
export interface DerivedSource {
  readonly name: string;
  readonly derived?: readonly DerivedFigure[];
}

/**
 * The derived figures of `parts`, by id, in the parts' order. Throws, naming the id and the parts,
 * when two parts (or one part twice) declare the same id, or when an id is one of `reportIds`:
 * a lab's check could then not tell which of the two it names.
 */
export function derivedRegistry(parts: readonly DerivedSource[], reportIds: Iterable<string>): ReadonlyMap<string, DerivedEntry> {
  const report = new Set(reportIds);
  const byId = new Map<string, DerivedEntry>();
  for (const p of parts) {
    for (const f of p.derived ?? []) {
      const first = byId.get(f.id);
      if (first) throw new Error(`derived figure ${f.id} is declared twice: by ${first.part} and by ${p.name}`);
      if (report.has(f.id)) throw new Error(`derived figure ${f.id} (${p.name}) has the id of a report figure`);
      byId.set(f.id, { ...f, part: p.name });
    }
  }
  return byId;
}

/** Every derived figure: the built-in parts' (`BUILTIN_DERIVED`), then those of the parts on the contract (`PARTS`). */
export const DERIVED_FIGURES: ReadonlyMap<string, DerivedEntry> = derivedRegistry(
  [...BUILTIN_DERIVED.map((d) => ({ name: d.name, derived: d.figures })), ...PARTS],
  FIGURES.map((f) => f.id),
);

/** The derived figure with this id, or undefined (a Map: no inherited name such as `toString` is one). */
export function derivedAt(id: unknown): DerivedEntry | undefined {
  return typeof id === 'string' ? DERIVED_FIGURES.get(id) : undefined;
}
