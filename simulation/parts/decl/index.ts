/**
 * The built-in parts' declarations (`declaration.ts`), in the order of the scenario's sections: a
 * built-in part's settings and figures are its module in this folder and one line here. The
 * scenario's schema (`scenario.ts`, `scenarioSchema.ts`), the field registry (`fieldSections.ts`,
 * `fields.ts`) and the figure registry (`figures.ts`) loop over this list and name no part. The
 * parts on the contract (`parts/index.ts`) declare theirs in their own modules, after these. Each
 * module also exports how the page shows its part (`BuiltinView`, joined in `BUILTIN_VIEWS`) and,
 * if it has any, its derived figures (`BuiltinDerived`, joined in `BUILTIN_DERIVED`).
 */
import { cacheDecl, cacheView } from './cache';
import { clientsDecl, clientsDerived, clientsView } from './clients';
import type { BuiltinDecl, BuiltinDerived, BuiltinSection, FigureBlock } from './declaration';
import type { BuiltinChart, BuiltinPage, BuiltinView } from './page';
import { elasticityDecl } from './elasticity';
import { faultsDecl, faultsView } from './faults';
import { pricingDecl, pricingView } from './pricing';
import { projectionDecl, projectionView } from './projection';
import { readStoreDecl, readStoreDerived, readStoreView } from './readStore';
import { runDecl, runView } from './run';
import { serviceDecl, serviceDerived, serviceView } from './service';
import { writeStoreDecl, writeStoreDerived, writeStoreView } from './writeStore';

export type { BuiltinDecl, BuiltinDerived, BuiltinSection, DerivedFigure, FigureBlock, FigureRow } from './declaration';
export type { BuiltinChart, BuiltinField, BuiltinPage, BuiltinView, ChartLine, FieldLook, PageField, PartChart } from './page';
export { serviceLines } from './service';

/** Every built-in part. The order is the order of the scenario's sections (a part with none may sit anywhere). */
export const BUILTIN_DECLS = [runDecl, clientsDecl, serviceDecl, writeStoreDecl, projectionDecl, readStoreDecl, cacheDecl, elasticityDecl, faultsDecl, pricingDecl] as const;

type Decl = (typeof BUILTIN_DECLS)[number];
type Merged<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Of<D, K extends string> = D extends { readonly [P in K]: infer S } ? S : never;

/**
 * Every built-in section, by name, in the file's order (`''`: the scenario's own top-level
 * fields): its help, lines and defaults, typed as its part declares them, so that the schema's
 * types are read off the lines.
 */
export const BUILTIN: Merged<Of<Decl, 'sections'>> = Object.assign({}, ...BUILTIN_DECLS.map((d: BuiltinDecl) => d.sections ?? {}));

/** The groups of settings the built-in parts lend to sections (`autoscaling`), by name. */
export const BUILTIN_GROUPS: Merged<Of<Decl, 'groups'>> = Object.assign({}, ...BUILTIN_DECLS.map((d: BuiltinDecl) => d.groups ?? {}));

/** Every built-in section as plain data, for the loops that need no types. */
export const BUILTIN_SECTIONS: Readonly<Record<string, BuiltinSection>> = BUILTIN;

/** The timelines the built-in parts own (`faults`), by name, with their help. */
export const BUILTIN_TIMELINES: Readonly<Record<string, string>> = Object.assign({}, ...BUILTIN_DECLS.map((d: BuiltinDecl) => d.timelines ?? {}));

/** Fields whose setting removes another, by path, from every built-in part. */
export const BUILTIN_REPLACES: Readonly<Record<string, string>> = Object.assign({}, ...BUILTIN_DECLS.map((d: BuiltinDecl) => d.replaces ?? {}));

/** The words every built-in part gives the label rule (`output/figureLabels.ts`), joined. */
export const BUILTIN_LABELS = {
  subjects: Object.assign({}, ...BUILTIN_DECLS.map((d: BuiltinDecl) => d.labels?.subjects ?? {})) as Readonly<Record<string, string>>,
  measures: Object.assign({}, ...BUILTIN_DECLS.map((d: BuiltinDecl) => d.labels?.measures ?? {})) as Readonly<Record<string, string>>,
  words: Object.assign({}, ...BUILTIN_DECLS.map((d: BuiltinDecl) => d.labels?.words ?? {})) as Readonly<Record<string, string>>,
};

/** The blocks of report figures (or, with `window`, of window figures) of every built-in part, in their places. */
export function builtinFigureBlocks(window: boolean): FigureBlock[] {
  const blocks = BUILTIN_DECLS.flatMap((d: BuiltinDecl) => (window ? d.windowFigures : d.figures) ?? []);
  // A stable sort: blocks at the same place keep the list's order.
  return blocks.slice().sort((a, b) => a.at - b.at);
}

/**
 * How the page shows each built-in part (`BuiltinView`), in the list's order. Only the page's
 * build reads these (`src/partDeclarations.ts`, `src/engineFacts.ts`); marked pure, so the
 * engine's bundles, which import this module for the declarations, drop them.
 */
export const BUILTIN_VIEWS: readonly BuiltinView[] = [runView, clientsView, serviceView, writeStoreView, projectionView, readStoreView, cacheView, faultsView, pricingView];

/** The settings panel's blocks of every built-in part, in the list's order (`page.ts`: a block's `in` names its settings section). */
export const BUILTIN_PAGES: readonly BuiltinPage[] = /* @__PURE__ */ BUILTIN_VIEWS.flatMap((v) => v.pages ?? []);

/** The live charts of every built-in part, in their places (a stable sort: equal places keep the list's order). */
export const BUILTIN_CHARTS: readonly BuiltinChart[] = /* @__PURE__ */ BUILTIN_VIEWS.flatMap((v) => v.charts ?? []).sort((a, b) => a.at - b.at);

/**
 * The derived figures of every built-in part that has any (`BuiltinDerived`), in the list's order.
 * Only the derived figures' registry (`simulation/derived.ts`) reads them, and the engine's
 * bundles, which do not import it, drop them with the functions they hold.
 */
export const BUILTIN_DERIVED: readonly BuiltinDerived[] = [clientsDerived, serviceDerived, writeStoreDerived, readStoreDerived];
