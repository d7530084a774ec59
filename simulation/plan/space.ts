/**
 * A plan's question, parsed and checked: its targets (a figure, a limit and the side it must stay
 * on) and its design space (fields, each with its values), and the designs the space holds, each
 * a whole scenario validated as a file is. Plain data in and out: the CLI and a page worker read
 * the same messages.
 */
import { fieldAt } from '../fields';
import type { Scenario } from '../scenario';
import { parseCheck, parseSweep, withValue } from '../study/study';
import { costUsdPerHour, stageUtilisation, type Stage } from './estimate';

export type TargetOp = '<' | '<=' | '>' | '>=';

/** A target: `figure op limit`, such as `queries.latencyMs.p99 < 50`, written `text`. */
export interface PlanTarget {
  text: string;
  figure: string;
  op: TargetOp;
  limit: number;
}

/** One field of the space and its values, in the order written. */
export interface SpaceAxis {
  field: string;
  values: (number | string | boolean)[];
  /** A capacity field: more of it never makes a target worse (the plan's assumption; see docs/plan.md). */
  monotone: boolean;
}

/** Most designs in one space (the product of its fields' value counts). */
export const MAX_PLAN_DESIGNS = 10_000;

/**
 * The capacity fields: more instances, vCPUs, replicas, projectors, partitions, shards,
 * connections or cache room never raise a queue's wait or a lag at fixed everything else, and
 * cost the same or more. The plan prunes along these (a design that fails tells that every design
 * with less of them fails too); any other field (a switch, an algorithm, a queue's capacity) is
 * searched value by value.
 */
const MONOTONE = [
  /^(commandService|queryService)\.(instances|vcpus|speed)$/,
  /^readStore\.(replicas|connectionsPerReplica)$/,
  /^eventStream\.(projectors|partitions)$/,
  /^writeStore\.(shards|connectionsPerShard)$/,
  /^cache\.(nodes|capacityPerNode)$/,
];

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A target as written after --plan: a check whose operator says which side of the limit is good. */
export function parseTarget(text: string): Parsed<PlanTarget> {
  const c = parseCheck(text);
  if (!c.ok) return { ok: false, message: `"${text}" is not a target such as "queries.latencyMs.p99 < 50"` };
  if (c.op !== '<' && c.op !== '<=' && c.op !== '>' && c.op !== '>=') {
    return { ok: false, message: `"${text}": a target keeps a figure on one side of a limit (<, <=, > or >=), not ${c.op}` };
  }
  return { ok: true, value: { text: `${c.figure} ${c.op} ${c.limit}`, figure: c.figure, op: c.op, limit: c.limit } };
}

/** A field of the space as written after --space: `field=1,2,4`, `field=1..16` or `field=1..64:4`. */
export function parseAxis(spec: string): Parsed<SpaceAxis> {
  const s = parseSweep(spec);
  if (!s.ok) return { ok: false, message: s.message };
  const field = fieldAt(s.path)!;
  if (s.path === 'seed') return { ok: false, message: 'seed: a plan runs every design on the same seeds (--seed, --replications): not a field of the space' };
  if (field.kind === 'text' || (field.min !== undefined && field.min === field.max)) {
    return { ok: false, message: `${s.path}: changes nothing in a run: a space is made of settings such as queryService.instances` };
  }
  if (new Set(s.values.map(String)).size !== s.values.length) return { ok: false, message: `${s.path}: a value is listed twice` };
  const monotone = MONOTONE.some((re) => re.test(s.path)) && s.values.every((v) => typeof v === 'number');
  return { ok: true, value: { field: s.path, values: s.values, monotone } };
}

/** One design of the space: its settings, its scenario, and what the closed forms say of it. */
export interface Design {
  /** Its place in the space: the last field varies fastest. */
  index: number;
  settings: Record<string, number | string | boolean>;
  scenario: Scenario;
  costUsdPerHour: number;
  utilisation: Record<Stage, number>;
  /** Every stage's utilisation (a lower bound) below 1. */
  keepsUp: boolean;
}

/** How many designs the axes make. */
export function spaceSize(axes: readonly SpaceAxis[]): number {
  return axes.reduce((n, a) => n * a.values.length, 1);
}

/**
 * Every design of the space, each validated as a whole scenario (a value that the scenario's
 * other settings refuse is named with its design); the space must hold at most MAX_PLAN_DESIGNS.
 */
export function designsOf(base: Scenario, axes: readonly SpaceAxis[]): Parsed<Design[]> {
  const fields = new Set<string>();
  for (const a of axes) {
    if (fields.has(a.field)) return { ok: false, message: `${a.field}: given twice (one --space per field)` };
    fields.add(a.field);
  }
  const size = spaceSize(axes);
  if (size > MAX_PLAN_DESIGNS) return { ok: false, message: `the fields' values make ${size} designs, over a plan's limit of ${MAX_PLAN_DESIGNS}` };
  const designs: Design[] = [];
  for (let index = 0; index < size; index++) {
    // The design's value index on each field, the last field varying fastest; its settings in the fields' order.
    const at: number[] = new Array(axes.length);
    let rest = index;
    for (let k = axes.length - 1; k >= 0; k--) {
      at[k] = rest % axes[k].values.length;
      rest = Math.floor(rest / axes[k].values.length);
    }
    const settings: Design['settings'] = {};
    axes.forEach((a, k) => (settings[a.field] = a.values[at[k]]));
    let scenario = base;
    for (const a of axes) {
      const v = withValue(scenario, a.field, settings[a.field]);
      if (!v.ok) return { ok: false, message: `${settingsText(settings)}: ${v.message}` };
      scenario = v.scenario;
    }
    const utilisation = stageUtilisation(scenario);
    const keepsUp = Object.values(utilisation).every((u) => u < 1);
    designs.push({ index, settings: { ...settings }, scenario, costUsdPerHour: costUsdPerHour(scenario), utilisation, keepsUp });
  }
  return { ok: true, value: designs };
}

/** A design's settings as one line: `queryService.instances=3, queryService.vcpus=2`. */
export function settingsText(settings: Design['settings']): string {
  return Object.entries(settings)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

/**
 * Why a scenario cannot be planned on, or null: a plan compares fixed topologies, so its cost per
 * hour and its closed-form screen are a design's settings; auto-scaling and timed changes would
 * make both something else.
 */
export function unplannable(s: Scenario): string | null {
  const scaled = (['commandService', 'queryService', 'eventStream', 'readStore'] as const).filter((k) => s[k].autoscaling !== undefined);
  if (scaled.length > 0) return `${scaled[0]}.autoscaling is set: a plan compares fixed topologies (its cost is what a design provisions); remove the auto-scaling`;
  if (s.interventions.length > 0) return 'the scenario has interventions: a plan compares fixed topologies; remove the timed changes';
  return null;
}
