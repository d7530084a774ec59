/**
 * The command line's what-if studies: replications, an A/B comparison on common random numbers,
 * and sweeps of one field, run on worker threads. Node only. Returns the exit status.
 *
 * A study honours what a single run honours: each run drains with --drain and stops at the
 * engine's run limits; --max-wall bounds the wall time of the whole study, so of every run in it.
 * A run that stops early stops the study (its figures would mix cut runs with whole ones): the
 * study says which run and why, prints no figures and exits 3, as a stopped single run does.
 */
import {
  compareRows,
  fieldAt,
  groupDigits,
  KEY_FIGURES,
  parseSweep,
  replicationRows,
  rowsCsv,
  seedsFor,
  withSeed,
  withValue,
  type FigureRow,
  type Scenario,
} from '../simulation/index';
import { checksPass, fail, parseChecks, safeJson, safeText, shown, type ValidCheck } from './output';
import { runAll, type PoolStop } from './pool';

export interface StudyOptions {
  replications?: number;
  sweep?: string;
  checks: string[];
  workers?: number;
  json: boolean;
  drain: boolean;
  maxWallS?: number;
}

/** Most runs in one study (points or variants times replications): each run's report is held until the end. */
export const MAX_STUDY_RUNS = 10_000;

/** One scenario of a study and the seeds it runs on: the whole scenario, side A or B, or a sweep's point. */
interface Group {
  scenario: Scenario;
  seeds: number[];
  /** How checks and stops name it: '' alone, `A: name`, `queryService.instances=3`. */
  label: string;
}

const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(3) : x.toPrecision(3));

/** The text table: key figures only (--json and sweeps give every figure). */
function table(rows: readonly FigureRow[], n: number): string {
  const key = new Set<string>(KEY_FIGURES);
  const rowsShown = rows.filter((r) => key.has(r.figure));
  const ci = (e: { mean: number; halfWidth: number }) => (n > 1 ? `${num(e.mean)} ± ${num(e.halfWidth)}` : num(e.mean));
  const lines: string[][] = [];
  if (rowsShown.some((r) => r.b)) {
    lines.push(['figure', 'A', 'B', 'B - A', '']);
    for (const r of rowsShown) lines.push([r.figure, ci(r.a), ci(r.b!), ci(r.diff!), r.diff!.significant ? '*' : '']);
  } else {
    lines.push(['figure', n > 1 ? 'mean ± 95% interval' : 'value']);
    for (const r of rowsShown) lines.push([r.figure, ci(r.a)]);
  }
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  return lines.map((l) => l.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n') + '\n';
}

/**
 * The progress line on a terminal (`\r  2 of 4 runs`), rewritten in place; `end` ends a line left
 * open (a study that stopped part way), so what is written next starts on a line of its own.
 */
function progress(total: number): { onDone?: (k: number) => void; end: () => void } {
  if (!process.stderr.isTTY) return { end: () => {} };
  let open = false;
  return {
    onDone: (k) => {
      process.stderr.write(`\r  ${k} of ${total} runs${k === total ? '\n' : ''}`);
      open = k < total;
    },
    end: () => {
      if (open) process.stderr.write('\n');
      open = false;
    },
  };
}

/** The groups of a sweep, every point validated before anything runs; each point runs on seeds from its own seed (a sweep of `seed` runs those seeds). */
function sweepGroups(a: Scenario, sweep: string, n: number): { field: string; values: unknown[]; groups: Group[] } {
  const spec = parseSweep(sweep);
  if (!spec.ok) fail([{ path: '--sweep', message: spec.message }]);
  const field = fieldAt(spec.path);
  // A label (the name) or a field with one allowed value (the version) changes no run: every point would give the same rows.
  if (field?.kind === 'text' || (field?.min !== undefined && field.min === field.max)) {
    fail([{ path: '--sweep', message: `${spec.path}: changes nothing in a run (every point would give the same figures): sweep a setting such as queryService.instances` }]);
  }
  const groups = spec.values.map((value) => {
    const v = withValue(a, spec.path, value);
    if (!v.ok) fail([{ path: '--sweep', message: `${spec.path}=${String(value)}: ${v.message}` }]);
    return { scenario: v.scenario, seeds: seedsFor(v.scenario.seed, n), label: `${spec.path}=${String(value)}` };
  });
  return { field: spec.path, values: spec.values, groups };
}

/** Refuses, before anything runs, a study of more than MAX_STUDY_RUNS runs, naming the options that multiply. */
function boundRuns(groups: number, n: number, kind: 'replications' | 'compare' | 'sweep'): void {
  const total = groups * n;
  if (total <= MAX_STUDY_RUNS) return;
  const what = kind === 'sweep' ? `${groups} points (--sweep) × ${n} replications` : kind === 'compare' ? `2 scenarios (--compare) × ${n} replications` : `${n} replications`;
  fail([
    {
      path: kind === 'sweep' && n === 1 ? '--sweep' : '--replications',
      message: `${what} make ${groupDigits(total)} runs, over a study's limit of ${groupDigits(MAX_STUDY_RUNS)}: use fewer replications${kind === 'sweep' ? ' or points' : ''}`,
    },
  ]);
}

export async function runStudy(a: Scenario, b: Scenario | undefined, opts: StudyOptions): Promise<number> {
  const n = opts.replications ?? 1;
  const kind = opts.sweep !== undefined ? 'sweep' : b ? 'compare' : 'replications';
  const sweep = opts.sweep !== undefined ? sweepGroups(a, opts.sweep, n) : null;
  const seeds = seedsFor(a.seed, n);
  const groups: Group[] =
    sweep?.groups ??
    (b
      ? [
          { scenario: a, seeds, label: `A: ${shown(a.name)}` },
          // B runs on A's seeds: common random numbers.
          { scenario: b, seeds, label: `B: ${shown(b.name)}` },
        ]
      : [{ scenario: a, seeds, label: '' }]);
  boundRuns(groups.length, n, kind);
  // Against every scenario that will run: a figure one point or side lacks is bad input, found before anything runs.
  const checks = parseChecks(opts.checks, groups);

  const jobs = groups.flatMap((g) => g.seeds.map((seed) => withSeed(g.scenario, seed)));
  const started = process.hrtime.bigint();
  const bar = progress(jobs.length);
  const result = await runAll(jobs, {
    workers: opts.workers,
    drain: opts.drain,
    maxWallMs: opts.maxWallS === undefined ? undefined : opts.maxWallS * 1000,
    onDone: bar.onDone,
  }).finally(bar.end);
  if (!result.ok) return stopped(result.stop, kind, groups, n, opts, Number(process.hrtime.bigint() - started) / 1e9);
  const perGroup = groups.map((_, i) => result.reports.slice(i * n, (i + 1) * n));
  const out = (text: string) => process.stdout.write(text);

  if (sweep) {
    const rows = perGroup.map(replicationRows);
    if (opts.json) {
      const seedSweep = sweep.field === 'seed';
      const points = sweep.values.map((value, i) => ({ value, ...(seedSweep ? { seeds: groups[i].seeds } : {}), figures: rowsObject(rows[i]) }));
      out(safeJson(JSON.stringify({ study: 'sweep', field: sweep.field, ...(seedSweep ? {} : { seeds }), points }, null, 2)) + '\n');
    } else {
      rows.forEach((r, i) => out(safeText(rowsCsv(r, { field: sweep.field, value: sweep.values[i] }, i === 0))));
    }
    noteSameFigures(sweep.field, sweep.values, rows);
    return checkAll(checks, groups.map((g, i) => ({ label: g.label, rows: rows[i], side: 'a' })));
  }
  const rows = b ? compareRows(perGroup[0], perGroup[1]) : replicationRows(perGroup[0]);
  if (opts.json) {
    out(safeJson(JSON.stringify({ study: kind, seeds, figures: rowsObject(rows) }, null, 2)) + '\n');
  } else {
    out(`${b ? `A: ${shown(a.name)}, B: ${shown(b.name)}, ` : `${shown(a.name)}, `}${n} replication${n > 1 ? 's' : ''} (seeds ${seeds[0]} to ${seeds[n - 1]})\n`);
    out(table(rows, n));
    if (b && n > 1) out('* the 95% interval of the paired difference leaves out 0: larger than the noise\n');
  }
  // A comparison's checks apply to each side.
  return checkAll(checks, b ? groups.map((g, i) => ({ label: g.label, rows, side: i === 0 ? 'a' : 'b' })) : [{ label: '', rows, side: 'a' }]);
}

/** Says why the study stopped (on standard error; with --json also on standard output) and returns exit status 3. */
function stopped(stop: PoolStop, kind: string, groups: readonly Group[], n: number, opts: StudyOptions, wallS: number): number {
  const total = groups.length * n;
  let why: string;
  if (stop.index < 0) why = `wall-clock limit of ${opts.maxWallS} s reached (--max-wall) after ${wallS.toFixed(1)} s`;
  else {
    const g = groups[Math.floor(stop.index / n)];
    const seed = g.seeds[stop.index % n];
    why = `run ${stop.index + 1} of ${total} (${g.label ? `${g.label}, ` : ''}seed ${seed}) stopped at ${stop.atS.toFixed(1)} s: ${stop.reason}`;
  }
  const sentence = `study stopped: ${why}; ${stop.finished} of ${total} runs had finished, and a study's figures need all of them: none printed`;
  if (opts.json) process.stdout.write(safeJson(JSON.stringify({ study: kind, stopped: { reason: why, runsFinished: stop.finished, runs: total } }, null, 2)) + '\n');
  process.stderr.write(safeText(sentence + '\n'));
  return 3;
}

/**
 * Says (on standard error) which points of a sweep gave the very same figures: a setting that a
 * part which is off ignores (`cache.ttlS` without a cache) cannot be refused before running, but
 * its rows must not pass for a measured effect.
 */
function noteSameFigures(field: string, values: readonly unknown[], rows: readonly (readonly FigureRow[])[]): void {
  const byFigures = new Map<string, unknown[]>();
  rows.forEach((r, i) => {
    const key = JSON.stringify(r);
    byFigures.set(key, [...(byFigures.get(key) ?? []), values[i]]);
  });
  for (const same of byFigures.values()) {
    if (same.length < 2) continue;
    process.stderr.write(safeText(`note: ${shown(field)}=${same.map((v) => shown(String(v))).join(', ')} gave the same figures: in this scenario the field changed nothing in these runs\n`));
  }
}

function rowsObject(rows: readonly FigureRow[]): Record<string, unknown> {
  return Object.fromEntries(rows.map((r) => [r.figure, r.b ? { a: r.a, b: r.b, diff: r.diff } : r.a]));
}

/** A study's checks apply to the mean of each figure over replications, for each side of a comparison and each point of a sweep. */
function checkAll(checks: readonly ValidCheck[], tables: { label: string; rows: readonly FigureRow[]; side: 'a' | 'b' }[]): number {
  let ok = true;
  for (const t of tables) {
    const means = new Map(t.rows.map((r) => [r.figure, (t.side === 'b' ? r.b! : r.a).mean]));
    ok = checksPass(checks, means, t.label) && ok;
  }
  return ok ? 0 : 4;
}
