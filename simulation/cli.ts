/**
 * Command line: `npm run sim -- <scenario.json | -> [options]`.
 * The one Node entry point of the simulation (with the benchmark and the fuzzer): it reads files
 * and the clock. Exit status: 0 done, 2 bad input (one line per problem, nothing run), 3 the run
 * was stopped by a run limit or --max-wall (the report is still printed, saying why).
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MAX_SCENARIO_CHARS, parseScenarioText, runScenario, type Report, type ScenarioProblem, type WindowStats } from './index';
import { formatSummary } from './format';
import { seriesHeader, seriesRow } from './series';

const USAGE =
  'usage: npm run sim -- <scenario.json | -> [--seed N] [--duration S] [--json] [--series out.csv | -] [--drain] [--max-wall S]';

const HELP = `${USAGE}

Runs a scenario headless and prints a summary (or, with --json, one JSON report).

  <scenario.json>   the scenario file; - reads it from standard input
  --seed N          the random seed, an integer from 0 to 4294967295 (overrides the file)
  --duration S      simulated seconds (overrides the file's durationS)
  --json            print the report as JSON instead of a summary
  --series FILE     write the time series as CSV, one row per simulated second; - for standard output
  --drain           after the run, stop arrivals and run on until nothing is in flight
  --max-wall S      stop the run after S seconds of wall-clock time (exit status 3, report says so)
  -h, --help        this text

Exit status: 0 done; 2 bad input or options (nothing run); 3 stopped early by a run limit or --max-wall.`;

interface Args {
  file: string;
  seed?: number;
  durationS?: number;
  json: boolean;
  drain: boolean;
  series?: string;
  maxWallS?: number;
}

function parse(argv: string[]): { args?: Args; problems: ScenarioProblem[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        seed: { type: 'string' },
        duration: { type: 'string' },
        json: { type: 'boolean' },
        series: { type: 'string' },
        drain: { type: 'boolean' },
        'max-wall': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    // Node's message names the option: "Unknown option '--bogus'", "Option '--seed <value>' argument missing".
    return { problems: [{ path: '(options)', message: (e as Error).message.split('\n')[0] }] };
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(HELP + '\n');
    process.exit(0);
  }
  const problems: ScenarioProblem[] = [];
  const args: Args = { file: '', json: v.json === true, drain: v.drain === true, series: v.series };
  if (v.seed !== undefined) {
    // Digits only: "" is not 0 and "0x10" is not 16.
    const n = /^\d{1,10}$/.test(v.seed) ? Number(v.seed) : NaN;
    if (!(n <= 2 ** 32 - 1)) problems.push({ path: '--seed', message: `must be an integer from 0 to 4294967295, got "${v.seed}"` });
    else args.seed = n;
  }
  const positive = (name: string, text: string | undefined, max: number): number | undefined => {
    if (text === undefined) return undefined;
    const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
    if (!(n > 0 && n <= max)) problems.push({ path: name, message: `must be a number of seconds above 0 and at most ${max}, got "${text}"` });
    return n;
  };
  args.durationS = positive('--duration', v.duration, 1_000_000);
  args.maxWallS = positive('--max-wall', v['max-wall'], 1e7);
  if (args.series === '') problems.push({ path: '--series', message: 'needs a file name, or - for standard output' });
  if (parsed.positionals.length === 0) problems.push({ path: '(arguments)', message: 'no scenario file given' });
  else if (parsed.positionals.length > 1) {
    problems.push({ path: parsed.positionals[1], message: 'only one scenario file may be given' });
  } else args.file = parsed.positionals[0];
  return { args, problems };
}

function fail(problems: ScenarioProblem[]): never {
  for (const p of problems) process.stderr.write(`${p.path}: ${p.message}\n`);
  process.stderr.write(USAGE + '\n');
  process.exit(2);
}

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'error';

/** Reads at most `MAX_SCENARIO_CHARS` bytes and one more, so /dev/zero or a huge file is refused, not read whole. */
function readBounded(file: string): string {
  const fd = file === '-' ? 0 : openSync(file, 'r');
  try {
    const buf = Buffer.alloc(MAX_SCENARIO_CHARS + 1);
    let n = 0;
    for (;;) {
      let got: number;
      try {
        got = readSync(fd, buf, n, buf.length - n, null);
      } catch (e) {
        if (errorCode(e) === 'EAGAIN') continue; // a non-blocking standard input: wait for more
        if (errorCode(e) === 'EOF') break;
        throw e;
      }
      if (got === 0) break;
      n += got;
      if (n === buf.length) break;
    }
    return buf.toString('utf8', 0, n);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/** CSV rows go out in blocks of about 64 KB (synchronous writes: a failure is an error here, not an event later). */
function seriesWriter(fd: number) {
  let pending = '';
  const flush = () => {
    if (pending === '') return;
    if (fd === 1) process.stdout.write(pending);
    else writeSync(fd, pending);
    pending = '';
  };
  return {
    row(line: string) {
      pending += line + '\n';
      if (pending.length > 65_536) flush();
    },
    close() {
      flush();
      if (fd !== 1) closeSync(fd);
    },
  };
}

function main(): void {
  const { args, problems } = parse(process.argv.slice(2));
  if (problems.length > 0 || !args) fail(problems);
  let text: string;
  try {
    text = readBounded(args.file);
  } catch (e) {
    fail([{ path: args.file, message: `cannot read the file (${errorCode(e)})` }]);
  }
  // Options override the file; the result is validated as a whole, so --duration below the
  // file's warmupS is reported like any other problem.
  if (args.seed !== undefined || args.durationS !== undefined) {
    let raw: unknown;
    try {
      raw = text.length <= MAX_SCENARIO_CHARS ? JSON.parse(text) : undefined;
    } catch {
      raw = undefined;
    }
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      const o = raw as Record<string, unknown>;
      if (args.seed !== undefined) o.seed = args.seed;
      if (args.durationS !== undefined) o.durationS = args.durationS;
      text = JSON.stringify(o);
    }
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) fail(parsed.problems);

  // Open the series file before the run, so a path that cannot be written costs nothing.
  let series: ReturnType<typeof seriesWriter> | null = null;
  if (args.series !== undefined) {
    try {
      series = seriesWriter(args.series === '-' ? 1 : openSync(args.series, 'w'));
    } catch (e) {
      fail([{ path: '--series', message: `cannot write ${args.series} (${errorCode(e)})` }]);
    }
    series.row(seriesHeader());
  }
  const onWindow = series ? (w: WindowStats) => series.row(seriesRow(w)) : undefined;
  const started = process.hrtime.bigint();
  const wallS = () => Number(process.hrtime.bigint() - started) / 1e9;
  const maxWallS = args.maxWallS;
  const interrupt = maxWallS === undefined ? undefined : () => (wallS() > maxWallS ? `wall-clock limit of ${maxWallS} s reached (--max-wall)` : null);
  let report: Report;
  try {
    report = runScenario(parsed.scenario, onWindow, args.drain, interrupt);
    series?.close();
  } catch (e) {
    if (series !== null && errorCode(e) !== 'error') fail([{ path: '--series', message: `cannot write ${args.series} (${errorCode(e)})` }]);
    throw e;
  }
  report.wallMs = Math.round(wallS() * 1e4) / 10;
  // With the series on standard output, the summary or report goes to standard error.
  const out = args.series === '-' ? process.stderr : process.stdout;
  out.write(args.json ? JSON.stringify(report, null, 2) + '\n' : formatSummary(report));
  if (report.stopped) {
    process.stderr.write(`run stopped at ${report.stopped.atS.toFixed(1)} s: ${report.stopped.reason}\n`);
    process.exitCode = 3;
  }
}

main();
