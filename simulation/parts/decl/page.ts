/**
 * How the page shows a part: its settings (labels, steps, editors) and its live charts, as plain
 * data. The built-in parts (`BuiltinView`, beside each one's declaration) and the parts on the
 * contract (`Part.serviceGroup.page`, `Part.section.page`, `Part.charts`, in `part.ts`) use these
 * shapes; the settings panel (`src/components/settings/fieldDefs.ts`) and the chart registry
 * (`src/components/charts/chartDefs.ts`) read them and name no part. A leaf: it imports nothing,
 * so the built-in declarations may use it without an import circle.
 */

/** A field of a part's settings group as the settings panel shows it: its name in the group, its label, its editor's step. */
export type PageField = readonly [name: string, label: string, step: number];

/**
 * How a built-in field is shown where its kind in the field registry does not say it all. The
 * editor follows the registry's kind (a number, a whole number, a yes/no, a choice, a text, a
 * latency); these add to it or replace it.
 */
export interface FieldLook {
  /** The number editor's step (the browser's 1 when absent). */
  readonly step?: number;
  /** The number has − and + buttons beside it (a count one changes a step at a time). */
  readonly stepper?: true;
  /** The unit shown, where it is not the registry's: `''` for none (a count whose label says what it counts). A `ratio` and `x` show none and `×` without it. */
  readonly unit?: string;
  /**
   * An editor the registry's kind does not name: a heading over the fields after it (its path is
   * the group's, or the section's with the name `''`), the rate profile, an auto-scaling policy,
   * the fault timeline.
   */
  readonly editor?: 'heading' | 'profile' | 'autoscaling' | 'faults';
  /** The metrics an auto-scaling policy offers here. */
  readonly metrics?: readonly string[];
}

/** A built-in field on the page: its name in the section (dotted inside a group: `keys.zipfS`), its label and how it looks. */
export type BuiltinField = readonly [name: string, label: string, look?: FieldLook];

/**
 * A built-in part's block of the settings panel: the fields of one scenario section (`section`;
 * `''` or absent, the scenario's top-level fields and timelines), in one of the page's settings
 * sections (`in`). The first block of a settings section opens it with its title and about; a
 * later one (the pricing in the run's) adds its fields at the end, usually after a heading.
 */
export interface BuiltinPage {
  /** The page's settings section, a part of the topology (`run`, `workload`, `commandService`...). */
  readonly in: string;
  /** The scenario section whose fields these are (their paths start with it). */
  readonly section?: string;
  readonly title?: string;
  readonly about?: string;
  readonly fields: readonly BuiltinField[];
  /**
   * A service's page: the groups the parts on the contract put on every service (the health
   * checks) follow the field of this name; their optional groups (a circuit breaker) end it.
   */
  readonly partGroupsAfter?: string;
}

/**
 * A line of a chart: the window figure it draws (its id in `SERIES_FIGURES`; a list is their sum,
 * such as the instances booting on both services), its label and colour.
 */
export type ChartLine = readonly [figure: string | readonly string[], label: string, color: string, dashed?: 'dashed'];

/** A live chart drawing figures of each one-second window. */
export interface PartChart {
  /** Its title, unique among the charts; the chart's id (`labs/chartId.ts`) is made from it. */
  readonly title: string;
  /** The y axis title, with its unit ("events / s"). */
  readonly unit: string;
  /** What the chart shows and how to read it (a sentence or more). */
  readonly help: string;
  readonly lines: readonly ChartLine[];
  /** The figures are shares in [0, 1], shown as percentages on an axis from 0 to 100%. */
  readonly percent?: boolean;
  /** How its values read: milliseconds, dollars, or (absent) a count to one decimal or a percentage. */
  readonly format?: 'ms' | 'usd';
  /** The least top of its y axis, so a flat line near zero does not fill it (1 when absent; a percentage's axis ends at 100%). */
  readonly minTop?: number;
  /** A latency chart's class: a point of it follows the slowest request of its second. */
  readonly follow?: 'command' | 'query';
  /** The failure causes of the parts on the contract add a line each, and a clause to its help (which then ends with a full stop). */
  readonly causes?: true;
}

/** A built-in part's chart, at its place among the page's charts (ascending; the parts on the contract's come after them all). */
export interface BuiltinChart extends PartChart {
  readonly at: number;
}

/**
 * How the page shows a built-in part, exported beside its declaration (`BuiltinDecl`) and kept
 * apart from it: the engine and its workers read the declaration only, so their bundles leave
 * this out; the page gets it as plain data made at build time (`virtual:part-declarations`,
 * `virtual:engine-facts`).
 */
export interface BuiltinView {
  /** The part's name, as in its declaration. */
  readonly name: string;
  /** Its blocks of the settings panel, in order. */
  readonly pages?: readonly BuiltinPage[];
  /** Its live charts, each at its place among the page's. */
  readonly charts?: readonly BuiltinChart[];
}
