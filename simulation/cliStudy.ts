/**
 * The command line's what-if studies: replications, an A/B comparison on common random numbers,
 * and sweeps of one field, run on worker threads. Node only. Returns the exit status.
 */
import { checksPass, fail, parseChecks } from './cliOutput';
import type { Report } from './index';
import type { Scenario } from './scenario';
import { runAll } from './study/nodePool';
import { compareRows, parseSweep, replicationRows, rowsCsv, seedsFor, withSeed, withValue, type FigureRow, KEY_FIGURES } from './study/study';

export interface StudyOptions {
  replications?: number;
  sweep?: string;
  checks: string[];
  workers?: number;
  json: boolean;
}

const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(3) : x.toPrecision(3));

/** The text table: key figures only (--json and sweeps give every figure). */
function table(rows: readonly FigureRow[], n: number): string {
  const key = new Set<string>(KEY_FIGURES);
  const shown = rows.filter((r) => key.has(r.figure));
  const ci = (e: { mean: number; halfWidth: number }) => (n > 1 ? `${num(e.mean)} ± ${num(e.halfWidth)}` : num(e.mean));
  const lines: string[][] = [];
  if (shown.some((r) => r.b)) {
    lines.push(['figure', 'A', 'B', 'B - A', '']);
    for (const r of shown) lines.push([r.figure, ci(r.a), ci(r.b!), ci(r.diff!), r.diff!.significant ? '*' : '']);
  } else {
    lines.push(['figure', n > 1 ? 'mean ± 95% interval' : 'value']);
    for (const r of shown) lines.push([r.figure, ci(r.a)]);
  }
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  return lines.map((l) => l.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n') + '\n';
}

function progress(total: number): ((k: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (k) => process.stderr.write(`\r  ${k} of ${total} runs${k === total ? '\n' : ''}`);
}

/** A check in a study applies to the mean of its figure (over replications; of variant A in a comparison). */
function meansOf(rows: readonly FigureRow[]): Map<string, number> {
  return new Map(rows.map((r) => [r.figure, r.a.mean]));
}

export async function runStudy(a: Scenario, b: Scenario | undefined, opts: StudyOptions): Promise<number> {
  const checks = parseChecks(opts.checks);
  const n = opts.replications ?? 1;
  const seeds = seedsFor(a.seed, n);
  if (opts.sweep !== undefined) {
    const spec = parseSweep(opts.sweep);
    if (!spec.ok) fail([{ path: '--sweep', message: spec.message }]);
    // Every point is validated before anything runs.
    const points = spec.values.map((value) => {
      const v = withValue(a, spec.path, value);
      if (!v.ok) fail([{ path: '--sweep', message: `${spec.path}=${String(value)}: ${v.message}` }]);
      return { value, scenario: v.scenario };
    });
    const jobs = points.flatMap((p) => seeds.map((seed) => withSeed(p.scenario, seed)));
    const reports = await runAll(jobs, opts.workers, progress(jobs.length));
    const perPoint = points.map((p, i) => ({ ...p, rows: replicationRows(reports.slice(i * n, (i + 1) * n)) }));
    if (opts.json) {
      process.stdout.write(
        JSON.stringify({ study: 'sweep', field: spec.path, seeds, points: perPoint.map((p) => ({ value: p.value, figures: rowsObject(p.rows) })) }, null, 2) + '\n',
      );
    } else {
      perPoint.forEach((p, i) => process.stdout.write(rowsCsv(p.rows, { field: spec.path, value: p.value }, i === 0)));
    }
    return checkAll(checks, perPoint.map((p) => p.rows));
  }
  const jobs = [...seeds.map((seed) => withSeed(a, seed)), ...(b ? seeds.map((seed) => withSeed(b, seed)) : [])];
  const reports: Report[] = await runAll(jobs, opts.workers, progress(jobs.length));
  const rows = b ? compareRows(reports.slice(0, n), reports.slice(n)) : replicationRows(reports);
  if (opts.json) {
    process.stdout.write(JSON.stringify({ study: b ? 'compare' : 'replications', seeds, figures: rowsObject(rows) }, null, 2) + '\n');
  } else {
    process.stdout.write(`${b ? `A: ${a.name}, B: ${b.name}, ` : `${a.name}, `}${n} replication${n > 1 ? 's' : ''} (seeds ${seeds[0]} to ${seeds[n - 1]})\n`);
    process.stdout.write(table(rows, n));
    if (b && n > 1) process.stdout.write('* the 95% interval of the paired difference leaves out 0: larger than the noise\n');
  }
  return checkAll(checks, [rows]);
}

function rowsObject(rows: readonly FigureRow[]): Record<string, unknown> {
  return Object.fromEntries(rows.map((r) => [r.figure, r.b ? { a: r.a, b: r.b, diff: r.diff } : r.a]));
}

function checkAll(checks: ReturnType<typeof parseChecks>, tables: FigureRow[][]): number {
  let ok = true;
  for (const rows of tables) ok = checksPass(checks, meansOf(rows)) && ok;
  return ok ? 0 : 4;
}
