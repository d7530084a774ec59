/**
 * The contract every part of the model keeps, in the manner of tldraw's `ShapeUtil`: one module
 * declares everything about a part (its settings, its figures, its failure cause, how it is made
 * from the world, how a live change reconfigures it and what it adds to the report) and exports
 * one `Part`; `parts/index.ts` lists them; the engine (`simulation.ts`), the report, the windows
 * and the registries (`fields.ts`, `figures.ts`) loop over that list and name no part.
 *
 * Two halves, on purpose:
 * - the declaration (`name`, `serviceGroup`, `figures`, `serviceFigures`, `cause`, `labels`) is
 *   plain data, read when the registries are built (once, at module load), never during a run;
 * - `create` builds the part's runtime for one Simulation. The runtime wires itself into the
 *   request path through the ports it is handed (a guard in the clients, a gate at a balancer):
 *   the hot path calls those objects directly, never through this list, so the list costs
 *   nothing per request or per event.
 *
 * Rules a part keeps (see docs/adding-a-part.md): it imports only `ports.ts`, this file, the
 * engine and model modules, never another part's module; off, it schedules nothing, draws no
 * random number and adds no key to the report, so existing reports stay byte-identical.
 */
import type { FailureCause } from '../metrics/classTally';
import type { FieldDefault, FieldSpec, SectionSpec } from '../input/fieldSpec';
import type { Scenario } from '../scenario';
import type { DerivedFigure } from './decl/declaration';
import type { PageField, PartChart } from './decl/page';
import type { Guarded, Projected, ServicePort } from './ports';
import type { World } from './world';

/** A figure a part declares: its id (relative to where the part reports), unit and one sentence of help. */
export type FigureRow = readonly [id: string, unit: string, help: string];

/**
 * A group of settings the part reads on each service (`commandService.<name>`,
 * `queryService.<name>`): the group's help, its fields and their defaults, from which the services'
 * schema (`scenarioSchema.ts`) and the field registry (`fields.ts`) are made, under both services,
 * after the field `after` names (or at the end of the service's own), in the order of the parts
 * list. Its type is declared in the part's module by augmenting `ServiceGroups` (and
 * `ServiceGroupsInput`) of `input/scenarioBlocks.ts`.
 */
export interface ServiceGroup {
  readonly name: string;
  readonly help: string;
  readonly fields: readonly FieldSpec[];
  /** May be absent from a service (the part is then off for it). */
  readonly optional: boolean;
  /**
   * On for a service, the part may turn its calls away before they reach it (a fast-fail, a rate
   * limit), so a closed-form estimate (a plan's screen, `plan/estimate.ts`) takes no lower bound on
   * that service's load.
   */
  readonly holdsLoadBack?: boolean;
  /** The service field it follows in the registry; at the end of the service's fields when absent. */
  readonly after?: string;
  /** A default for each field that has one (a field without one must be given when the group is). */
  readonly defaults?: Readonly<Record<string, FieldDefault>>;
  /** May also be written inside the load balancer's object form, `{ algorithm, <name> }` (the health checks: the older way to write them). */
  readonly inBalancer?: boolean;
}

/**
 * A failure cause of the part's own (a fast-fail, a 429): counted by the services' tallies, it
 * appears in the report's `errors` and in each window's `errors` only once the part was used in
 * the run, after the engine's own causes, in the order of the parts list.
 */
export interface PartCause {
  readonly id: FailureCause;
  /** Help of `errors.<id>` in the report (a count over the run). */
  readonly reportHelp: string;
  /** Help of `errors.<id>` in a window (a count per second). */
  readonly windowHelp: string;
}

/** What a part is handed when it is made: the world every part shares and the ports it may call. */
export interface PartPorts {
  /** The clients, in which a part may put a guard in front of each service. */
  readonly clients: Guarded;
  /** The services, command then query. */
  readonly services: readonly ServicePort[];
  /** The event stream's projectors, at whose apply a part may put a hook. */
  readonly projection: Projected;
}

/** A part's runtime in one Simulation, as `Part.create` made it. */
export interface PartRuntime {
  /** Whether the part was on at any time of the run (then its cause, if any, is reported). */
  readonly used: boolean;
  /**
   * Brings the part in line with the scenario after a live change (`Simulation.applyChange`),
   * called in the order of the parts list, after the built-in parts are reconfigured and before
   * waiting work is started on the new capacity.
   */
  configure(scenario: Scenario): void;
  /**
   * Puts the part's first events on the calendar: called once, in the order of the parts list,
   * after the interventions are scheduled and before the built-in parts start.
   */
  start?(): void;
  /**
   * What the part adds to a service's report, after the service's own figures (its keys in the
   * order they should appear; `{}` when the part is off for that service).
   */
  serviceReport?(svc: ServicePort): object;
  /**
   * What the part adds to the report. Each top-level key must be a figure it declares (`figures`):
   * the report puts keys in the figure registry's order, and a key with no figure is an error.
   */
  report?(): object;
  // ---- A part with a section of its own (see `Part.section`) --------------------------------
  /**
   * What the part adds to the window that closes now (`{}` while it has never been on). Each
   * top-level key must be a window figure it declares (`windowFigures`): the window puts keys in
   * the registry's order, and a key with no figure, or one another part already set, is an error
   * (an object key such as `stages` is merged, one inner key per part). Called once a window,
   * never per event: a part counts in its own fields and hands the counts over here.
   */
  window?(): object;
  /** What the part adds to the live snapshot (keys at its end, in the list's order; `{}` when off). */
  snapshot?(): object;
  /** How much it holds now of what `Part.limit` bounds (the engine checks it with its own limits). */
  held?(): number;
}

/**
 * The most a part may hold at once of something that could pile up (events it keeps for a retry,
 * entries of a queue): the run stops with a sentence, as for the engine's own limits
 * (`limits.ts`), once `PartRuntime.held()` goes over `max`.
 */
export interface PartLimit {
  /** What it holds, plural, for the sentence: "1,025 events held for a retry, over the limit of 1,024". */
  readonly what: string;
  readonly max: number;
}

/** The report's latency summaries that are split into stages (`simulation/stages.ts`). */
export type StagedSummary = 'commands.latencyMs' | 'commands.clientLatencyMs' | 'queries.latencyMs' | 'queries.clientLatencyMs' | 'consistencyLagMs' | 'replicaLagMs';

/**
 * A stage of a request's time, or of a written change's way to visibility, that a part owns: its
 * id (a key of each summary's `stages`), a short label, one sentence of help, its slot in the
 * vector an attempt or an event keeps in flight (`model/stageSlots.ts`) and the summaries it is
 * part of. The part (or the built-in part that serves it) enters the stage at its slot.
 */
export interface StageDecl {
  readonly id: string;
  readonly label: string;
  readonly help: string;
  readonly vector: 'request' | 'event';
  readonly slot: number;
  readonly in: readonly StagedSummary[];
}

/** One part of the model: its declaration and how to build it. */
export interface Part {
  /** A stable name, camelCase, for messages and the docs. */
  readonly name: string;
  /** Its settings on each service, if it has any. */
  readonly serviceGroup?: ServiceGroup;
  /** Figures it adds to the report's end (`report()`), by their ids in the report. */
  readonly figures?: readonly FigureRow[];
  /** Figures it adds to each service's report, relative to the service (`myPart.count`). */
  readonly serviceFigures?: readonly FigureRow[];
  /** Its own failure cause, if it fails attempts for a reason of its own. */
  readonly cause?: PartCause;
  /**
   * A top-level section of the scenario it owns (`mySection: { ... }`), optional: absent, the part
   * is off and every report is what it was without the part. Its fields are registered from these
   * lines in the schema (`scenarioSchema.ts`), the field registry (`fields.ts`), the JSON Schema,
   * the host API's paths and the fuzzer's draws. The section's type is declared in the part's
   * module by augmenting `PartSettings` and `PartSettingsInput` of `scenario.ts`.
   */
  readonly section?: SectionSpec;
  /** Figures it adds to each window (ids relative to the window, `mySection.count`): the series' columns while it is in the run. */
  readonly windowFigures?: readonly FigureRow[];
  /** The most it may hold at once (see `PartLimit`), if it holds anything that could pile up. */
  readonly limit?: PartLimit;
  /** The stages of a request's or an event's time it owns (see `StageDecl` and docs/stages.md). */
  readonly stages?: readonly StageDecl[];
  /**
   * Words for the label rule of `figureLabels.ts`, where the rule's own would not do: `words` for
   * the keys of its figures and its cause (`{ 'myPart.count': 'my part count' }`), `measures`
   * for a distribution its figures summarise by count, mean and percentiles (`{ waitMs: 'wait' }`).
   */
  readonly labels?: { readonly words?: Readonly<Record<string, string>>; readonly measures?: Readonly<Record<string, string>> };
  /**
   * Figures worked out from a finished run's report (`DerivedFigure`: a share, a greatest), which a
   * lab's check names as it names the report's; the registry `simulation/derived.ts` joins them.
   */
  readonly derived?: readonly DerivedFigure[];
  /**
   * Builds the part for one run, from the world and the ports it calls, configured for
   * `world.scenario`. Called once, in the order of the parts list, after the built-in parts are
   * wired and before the first event is scheduled. It must not schedule events nor draw random
   * numbers when the scenario leaves it off.
   */
  create(world: World, ports: PartPorts): PartRuntime;
}

// ---------------------------------------------------------------------------------------------
// The page's view of a part: plain data that the settings panel (`fieldDefs.ts`), the chart
// registry (`chartDefs.ts`), the figures panel and the engine's messages read, so that none of
// them names a part. The interfaces below merge into `ServiceGroup`, `SectionSpec` and `Part`
// (declaration merging, module augmentation for `SectionSpec` of `fieldSpec.ts`), which keeps
// this block apart from the engine's half of the contract.
// ---------------------------------------------------------------------------------------------

export type { ChartLine, PageField, PartChart } from './decl/page';

/** How the settings panel shows an optional service group: a checkbox that adds or removes it, then its fields. */
export interface GroupPage {
  /** The checkbox's label, on each service's settings. */
  readonly label: string;
  /** What ticking the checkbox sets the group to (the schema's defaults fill in the rest). */
  readonly whenOn: Readonly<Record<string, number>>;
  /** Its fields, in order; units and help come from the field registry (a `ratio` shows no unit). */
  readonly fields: readonly PageField[];
}

/** How the page shows a part's failure cause: a line of the "Failures by cause" chart and words of the figures panel. */
export interface CausePage {
  /** The chart line's label ("bulkhead full"). */
  readonly legend: string;
  /** The line's colour, a CSS colour or variable. */
  readonly color: string;
  /** Follows the count in the figures panel's failures row ("12 bulkhead full"). */
  readonly count: string;
  /** The cause in the chart's help, in a list of causes ("a full bulkhead"). */
  readonly chartHelp: string;
  /** The cause in the failures row's help, in a list of the optional causes ("a bulkhead full"). */
  readonly rowHelp: string;
}

export interface ServiceGroup {
  /** How the settings panel shows the group: optional, a checkbox that adds it; always there (the health checks), a heading and its fields. */
  readonly page?: GroupPage;
}

/**
 * How the settings panel shows a part's own section (`Part.section`): an optional group, as for a
 * service group (a checkbox that adds the section or removes it, then its fields), at the end of
 * one of the page's settings sections. A field's editor follows its kind in the field registry
 * (a number, an integer, a yes/no, a choice); a `PageField`'s step counts for numbers only.
 */
export interface SectionPage extends GroupPage {
  /** The page's settings section (a part of the topology: `eventStream`, `readStore`) whose settings end with the group. */
  readonly in: string;
}

declare module '../input/fieldSpec' {
  interface SectionSpec {
    /** How the settings panel shows the section; absent, the page shows no editor of it (links and the host API still set it). */
    readonly page?: SectionPage;
  }
}

export interface Part {
  /** The part in a sentence, with its article ("a bulkhead"), for messages about a part that may be off. */
  readonly noun?: string;
  /** How the page shows its failure cause (with `cause`). */
  readonly causePage?: CausePage;
  /** Live charts of its own, after the page's. */
  readonly charts?: readonly PartChart[];
  /** Report figures (ids as in `FIGURES`) the figures panel shows, one row each, after the failures row. */
  readonly panelRows?: readonly string[];
}

/**
 * A part as the page sees it: everything it declares, without its runtime (`create`) and its
 * derived figures' functions (`derived`, which the labs read from `simulation/derived.ts`). The
 * page gets the list as plain data made at build time (`src/engineFacts.ts`), so no engine code ships to it.
 */
export type PartDeclaration = Omit<Part, 'create' | 'derived'>;

/** The declaration of a part: a copy of its own fields without `create` and `derived`, plain data (JSON survives it). */
export function declarationOf(part: Part): PartDeclaration {
  return Object.fromEntries(Object.entries(part).filter(([key]) => key !== 'create' && key !== 'derived')) as PartDeclaration;
}
