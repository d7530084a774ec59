/**
 * What-if studies on the engine's public surface: replications of one scenario over seeds, an
 * A/B comparison of two variants on the same seeds (common random numbers: the same arrivals,
 * keys and service times wherever the variants agree), and sweeps of one field. Plain data in
 * and out, so the CLI's worker threads and the page's Web Workers compute the same figures.
 */
import { fieldAt, withField } from '../fields';
import { figureAt } from '../figures';
import { parseScenario } from '../input/load';
import type { Scenario } from '../scenario';
import type { Report } from '../types';
import { estimate, pairedDifference, type Difference, type Estimate } from './stats';

/** The seeds of `n` replications from `base`: base, base + 1, ... (wrapping at 2^32). */
export function seedsFor(base: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (base + i) % 4294967296);
}

/** Report fields that describe the run rather than measure it. */
const NOT_FIGURES = new Set(['version', 'seed', 'wallMs', 'events', 'simulatedS']);

/** Every number of a report by its dotted name, the CLI's way (`queries.latencyMs.p99`). */
export function figuresOf(report: Report): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (v: unknown, name: string) => {
    if (typeof v === 'number') out.set(name, v);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${name}[${i}]`));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (!(name === '' && NOT_FIGURES.has(k))) walk(x, name ? `${name}.${k}` : k);
    }
  };
  walk(report, '');
  // Scaling actions differ in number from run to run: they are not figures to average.
  for (const k of [...out.keys()]) if (k.includes('scalingActions[')) out.delete(k);
  return out;
}

/** Figures that matter most, shown first (and alone in the CLI's text table). */
export const KEY_FIGURES = [
  'commands.throughputRps',
  'commands.latencyMs.p50',
  'commands.latencyMs.p99',
  'queries.throughputRps',
  'queries.latencyMs.p50',
  'queries.latencyMs.p95',
  'queries.latencyMs.p99',
  'queries.cacheHitRatio',
  'queries.staleReadRatio',
  'consistencyLagMs.p99',
  'replicaLagMs.p99',
  'errors.rejected',
  'errors.timedOut',
  'commandService.cost.vcpuHours',
  'queryService.cost.vcpuHours',
] as const;

export interface FigureRow {
  figure: string;
  a: Estimate;
  /** In an A/B comparison: variant B and the paired difference B − A. */
  b?: Estimate;
  diff?: Difference;
}

/** Names present in every report, key figures first, then the rest in report order. */
function commonFigures(maps: Map<string, number>[]): string[] {
  const names = [...maps[0].keys()].filter((k) => maps.every((m) => m.has(k)));
  const key = new Set<string>(KEY_FIGURES);
  return [...KEY_FIGURES.filter((k) => names.includes(k)), ...names.filter((k) => !key.has(k))];
}

/** Mean and 95% interval of every figure over replications. */
export function replicationRows(reports: readonly Report[]): FigureRow[] {
  if (reports.length === 0) return [];
  const maps = reports.map(figuresOf);
  return commonFigures(maps).map((figure) => ({ figure, a: estimate(maps.map((m) => m.get(figure)!)) }));
}

/** A and B over the same seeds, seed by seed: each figure's means and the paired difference B − A. */
export function compareRows(a: readonly Report[], b: readonly Report[]): FigureRow[] {
  if (a.length === 0 || a.length !== b.length) return [];
  const ma = a.map(figuresOf);
  const mb = b.map(figuresOf);
  return commonFigures([...ma, ...mb]).map((figure) => {
    const xa = ma.map((m) => m.get(figure)!);
    const xb = mb.map((m) => m.get(figure)!);
    return { figure, a: estimate(xa), b: estimate(xb), diff: pairedDifference(xa, xb) };
  });
}

/** The scenario with another seed (everything else as it is). */
export function withSeed(s: Scenario, seed: number): Scenario {
  return { ...s, seed };
}

export type Variant = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** The scenario with one field set, validated as a whole (fields fixed during a run included: a sweep is many runs). */
export function withValue(s: Scenario, path: string, value: unknown): Variant {
  const set = withField(s, path, value);
  if (!set.ok) return { ok: false, message: `${path}: ${set.message}` };
  const r = parseScenario(set.value);
  if (!r.ok) return { ok: false, message: r.problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
  return { ok: true, scenario: r.scenario };
}

export type SweepSpec = { ok: true; path: string; values: (number | string | boolean)[] } | { ok: false; message: string };

/** Most points in one sweep. */
export const MAX_SWEEP_POINTS = 200;

/**
 * A sweep as written on a command line or in a link: `field=1..10` (whole steps),
 * `field=1..60:5` (a step), or `field=1,2,5` / `field=hash,range` (a list).
 */
export function parseSweep(spec: string): SweepSpec {
  const eq = spec.indexOf('=');
  if (eq <= 0) return { ok: false, message: `"${spec}" is not field=values (such as queryService.instances=1..10)` };
  const path = spec.slice(0, eq).trim();
  const rest = spec.slice(eq + 1).trim();
  if (fieldAt(path) === undefined) return { ok: false, message: `${path}: unknown field` };
  const range = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?$/.exec(rest);
  let values: (number | string | boolean)[];
  if (range) {
    const [from, to, step] = [Number(range[1]), Number(range[2]), Number(range[3] ?? 1)];
    if (!(step > 0) || to < from) return { ok: false, message: `${rest}: a range goes up from its first value in steps above 0` };
    if ((to - from) / step + 1 > MAX_SWEEP_POINTS) return { ok: false, message: `${rest}: more than ${MAX_SWEEP_POINTS} points` };
    values = [];
    // Each point from its index (not by adding steps), so 0.1 steps do not drift.
    for (let i = 0; from + i * step <= to + 1e-9 * step; i++) values.push(Math.round((from + i * step) * 1e9) / 1e9);
  } else {
    const parts = rest.split(',').map((x) => x.trim());
    if (parts.some((x) => x === '')) return { ok: false, message: `${rest}: a list is values separated by commas` };
    if (parts.length > MAX_SWEEP_POINTS) return { ok: false, message: `${rest}: more than ${MAX_SWEEP_POINTS} points` };
    values = parts.map((x) => (x === 'true' ? true : x === 'false' ? false : /^-?\d+(\.\d+)?(e-?\d+)?$/.test(x) ? Number(x) : x));
  }
  return { ok: true, path, values };
}

/** One line of CSV, quoting what needs it. */
export function csvLine(cells: (string | number | boolean)[]): string {
  return cells.map((c) => (typeof c === 'string' && /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : String(c))).join(',');
}

/** A study's rows as CSV (long format: one row per figure, and per sweep point if any). */
export function rowsCsv(rows: readonly FigureRow[], point?: { field: string; value: unknown }, header = true): string {
  const head = [...(point ? [point.field] : []), 'figure', 'n', 'mean', 'sd', 'ci95HalfWidth'];
  const ab = rows.some((r) => r.b);
  if (ab) head.push('bMean', 'bSd', 'bCi95HalfWidth', 'diffMean', 'diffCi95HalfWidth', 'significant');
  const lines = header ? [csvLine(head)] : [];
  for (const r of rows) {
    const cells: (string | number | boolean)[] = [...(point ? [String(point.value)] : []), r.figure, r.a.n, r.a.mean, r.a.sd, r.a.halfWidth];
    if (ab && r.b && r.diff) cells.push(r.b.mean, r.b.sd, r.b.halfWidth, r.diff.mean, r.diff.halfWidth, r.diff.significant);
    lines.push(csvLine(cells));
  }
  return lines.join('\n') + '\n';
}

export type Check = { ok: true; figure: string; op: string; limit: number } | { ok: false; message: string };

const OPS: Record<string, (x: number, y: number) => boolean> = {
  '<': (x, y) => x < y,
  '<=': (x, y) => x <= y,
  '>': (x, y) => x > y,
  '>=': (x, y) => x >= y,
  '==': (x, y) => x === y,
  '!=': (x, y) => x !== y,
};

/** A threshold such as `queries.latencyMs.p99 < 200` (k6 style): a figure, an operator, a number. */
export function parseCheck(text: string): Check {
  const m = /^\s*([A-Za-z][\w.[\]]*)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/.exec(text);
  if (!m) return { ok: false, message: `"${text}" is not a check such as "queries.latencyMs.p99 < 200"` };
  return { ok: true, figure: m[1], op: m[2], limit: Number(m[3]) };
}

/** Evaluates a check on a figure's value; the sentence says what was measured either way. */
export function evaluateCheck(c: Extract<Check, { ok: true }>, value: number | undefined): { passed: boolean; sentence: string } {
  if (value === undefined) return { passed: false, sentence: `${c.figure}: no such figure in the report` };
  const passed = OPS[c.op](value, c.limit);
  return { passed, sentence: `${c.figure} = ${value} ${passed ? '' : 'not '}${c.op} ${c.limit}` };
}

/**
 * Why `figure` cannot be checked, or null when it can: a check names a figure of the report as
 * --json names it (`queries.latencyMs.p99`, `writeStore.shards[2].writes`), known before the run
 * from the registry of figures. `shards` is the scenario's shard count (fixed for a run); read
 * nodes are the primary and at most as many replicas as the field allows.
 */
export function checkFigureProblem(figure: string, shards: number): string | null {
  const top = figure.split(/[.[]/)[0];
  if (NOT_FIGURES.has(top) || figure === 'stopped.atS') return 'describes the run rather than measuring it: not a figure to check';
  if (figure.includes('scalingActions[')) return 'scaling actions differ in number from run to run: check scalingActionCount instead';
  if (figureAt(figure) === undefined) return 'no such figure in the report (figures are named as in --json, such as queries.latencyMs.p99)';
  const m = /^(writeStore\.shards|readStore\.nodes)\[(\d+)\]/.exec(figure);
  const index = m ? Number(m[2]) : 0;
  if (m?.[1] === 'writeStore.shards' && index >= shards) return `the write store has ${shards} shard${shards > 1 ? 's' : ''}, numbered from 0`;
  const nodes = 1 + (fieldAt('readStore.replicas')?.max ?? 0);
  if (m?.[1] === 'readStore.nodes' && index >= nodes) return `the read store has at most ${nodes} nodes (the primary and ${nodes - 1} replicas), numbered from 0`;
  return null;
}
