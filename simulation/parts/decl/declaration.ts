/**
 * What a built-in part of the model declares, as plain data: its sections of the scenario (field
 * lines, defaults, help), the groups of settings it lends to other sections, and its figures in the
 * report and in each window. Each built-in part has one such module in this folder; `index.ts`
 * joins them into the one list the schema (`scenario.ts`, `scenarioSchema.ts`), the field registry
 * (`fields.ts`) and the figure registry (`figures.ts`) loop over. Beside it, each exports how the
 * page shows the part (`BuiltinView`, `page.ts`), and its derived figures, if it has any
 * (`BuiltinDerived`). These modules are leaves: they import the field format and the bounds, and
 * the report's shape as a type only, never the engine, so the scenario's schema may read them.
 */
import type { FieldSpec, Latency } from '../../input/fieldSpec';
import type { Report } from '../../types';

/** A figure: its id (dotted path in the report or the window), unit and one sentence of help. */
export type FigureRow = readonly [id: string, unit: string, help: string];

/**
 * A run of figures that sit together. The registry orders the blocks of every part by `at`
 * (ascending; equal places keep the list's order), so a part can put a figure where the report
 * holds it, beside another part's (the cache's hit ratio among the queries' figures).
 */
export interface FigureBlock {
  readonly at: number;
  readonly rows: readonly FigureRow[];
  /**
   * What the parts on the contract (`parts/index.ts`) add right after the block: their figures on
   * this service (`Part.serviceFigures`, under the service's id), or their failure causes.
   */
  readonly then?: { readonly serviceFiguresOf: string } | 'causes';
}

/** A top-level section of the scenario: what it is, its field lines and their defaults (dotted inside a group: `keys.count`). */
export interface BuiltinSection {
  readonly help: string;
  readonly lines: readonly FieldSpec[];
  readonly defaults: Readonly<Record<string, unknown>>;
  /** A service: the parts on the contract add their groups to it (`Part.serviceGroup`), and its schema is `serviceSchema`'s. */
  readonly service?: true;
}

/** A built-in part's declaration. */
export interface BuiltinDecl {
  /** A stable name, camelCase, for the docs and messages. */
  readonly name: string;
  /** The scenario's sections it owns, in the file's order (`''`: the scenario's own top-level fields). */
  readonly sections?: Readonly<Record<string, BuiltinSection>>;
  /** Groups of settings it lends to other sections (the auto-scaler's `autoscaling`), by name. */
  readonly groups?: Readonly<Record<string, readonly FieldSpec[]>>;
  /** Timelines it owns, by name, with their help: lists set as a whole and only before a run (the faults). */
  readonly timelines?: Readonly<Record<string, string>>;
  /** Fields whose setting removes another, by path (a constant request rate replaces a rate profile). */
  readonly replaces?: Readonly<Record<string, string>>;
  /** Its figures in the report. */
  readonly figures?: readonly FigureBlock[];
  /** Its figures in each one-second window (the CSV's columns). */
  readonly windowFigures?: readonly FigureBlock[];
  /**
   * Words for the label rule of `output/figureLabels.ts`: `subjects` for the first key of its
   * figures' ids (`commandService` -> "Command service:"), `measures` for a distribution summarised
   * by count, mean and percentiles, `words` for the other keys (`cacheHitRatio` -> "cache hit ratio").
   */
  readonly labels?: { readonly subjects?: Words; readonly measures?: Words; readonly words?: Words };
}

type Words = Readonly<Record<string, string>>;

/**
 * A derived figure: a number a report holds only in pieces (a share of two counts, the greatest
 * of a list, a count over the measured span), worked out from a finished run's report and the
 * settings in force at its end. A lab's check names it by its id as it names a report figure
 * (`queries.lostShare`), so the id must be no report figure's. The registry of them is
 * `simulation/derived.ts`.
 */
export interface DerivedFigure {
  readonly id: string;
  /** One sentence: what the number is. */
  readonly help: string;
  /**
   * The number, from the report and `measuredS`, the run's seconds after its warm-up (a setting the
   * report lacks; the caller reads it from the settings in force at the run's end).
   */
  readonly of: (r: Report, measuredS: number) => number;
}

/**
 * A built-in part's derived figures, exported beside its declaration and kept apart from it, as
 * its view is: the engine and its workers read the declaration only, so their bundles leave these
 * functions out; only the labs' checks (through `simulation/derived.ts`) read them.
 */
export interface BuiltinDerived {
  /** The part's name, as in its declaration. */
  readonly name: string;
  readonly figures: readonly DerivedFigure[];
}

/** `a` over `b`, or 0 when `b` is not above 0 (a share of nothing). */
export const shareOf = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** An exponential latency default of this mean. */
export const exp = (meanMs: number): Latency => ({ type: 'exponential', meanMs });
/** A constant latency default. */
export const constant = (ms: number): Latency => ({ type: 'constant', ms });

/** The count, mean, percentiles and greatest of a distribution the report summarises. */
export const summary = (id: string, unit: string, what: string): FigureRow[] => [
  [`${id}.count`, 'samples', `How many ${what} were measured (the sample the percentiles come from).`],
  [`${id}.mean`, unit, `Mean ${what}: the average, which hides the slow tail.`],
  [`${id}.p50`, unit, `Median (p50) ${what}: half were faster, half slower.`],
  [`${id}.p95`, unit, `95th percentile (p95) of ${what}: 1 in 20 was slower than this.`],
  [`${id}.p99`, unit, `99th percentile (p99) of ${what}: 1 in 100 was slower; the tail most users meet now and then.`],
  [`${id}.max`, unit, `Greatest ${what} seen (one sample, so it jumps around from run to run).`],
];

/** A group of instances (a service, the projectors, the replicas): how many served, its scaling and its cost. */
export const group = (g: string, what: string): FigureRow[] => [
  [`${g}.instances.min`, what, `Fewest ${what} serving at one time: the low point of horizontal scaling in this run.`],
  [`${g}.instances.max`, what, `Most ${what} serving at one time: the high point of horizontal scaling in this run.`],
  [`${g}.instances.final`, what, `How many ${what} were serving when the run ended.`],
  [`${g}.scalingActions[].atS`, 's', 'When the auto-scaler decided to scale (the new capacity serves only after its boot time).'],
  [`${g}.scalingActions[].from`, what, 'How many there were before that scaling decision.'],
  [`${g}.scalingActions[].to`, what, 'How many that scaling decision asked for.'],
  [`${g}.scalingActionCount`, 'actions', 'How many times the auto-scaler scaled out or in.'],
  [`${g}.cost.vcpuHours`, 'vCPU-hours', 'Cost: vCPU time paid for, booting instances included (counted from time 0, warm-up included, unlike the other summary figures: see the after-warm-up cost).'],
  [`${g}.cost.instanceHours`, 'instance-hours', 'Cost: instance time paid for, booting instances included (counted from time 0).'],
  [`${g}.cost.usd`, 'USD', 'What that capacity cost from time 0: each vCPU-hour at the base price, more on bigger instances (pricing.sizePremium).'],
  [`${g}.cost.afterWarmup.vcpuHours`, 'vCPU-hours', 'vCPU time paid for after warm-up: the span every other summary figure covers.'],
  [`${g}.cost.afterWarmup.instanceHours`, 'instance-hours', 'Instance time paid for after warm-up.'],
  [`${g}.cost.afterWarmup.usd`, 'USD', 'What the capacity cost after warm-up, priced by instance size.'],
];
