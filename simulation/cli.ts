/**
 * Command line: `npm run sim -- <scenario.json | -> [options]`.
 * The one Node entry point of the simulation (with the benchmark and the fuzzer): it reads files
 * and the clock. Exit status: 0 done, 2 bad input (one line per problem, nothing run), 3 the run
 * was stopped by a run limit or --max-wall (the report is still printed, saying why).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MAX_SCENARIO_CHARS, parseScenarioText, runScenario, type Report, type ScenarioProblem, type WindowStats } from './index';
import { formatSummary } from './format';
import { checksPass, fail, parseChecks, USAGE } from './cliOutput';
import { runStudy } from './cliStudy';
import { figuresOf } from './study/study';
import type { Scenario } from './scenario';
import { seriesHeader, seriesRow } from './series';
import { exampleById } from './examples/index';
import { formatExampleList } from './examples/list';

const HELP = `${USAGE}

Runs a scenario headless and prints a summary (or, with --json, one JSON report).

  <scenario.json>   the scenario file; - reads it from standard input
  <example id>      an example by its id (flash-sale, hot-shard, ...), when no file has that name
  --list-examples   list the examples: id, quiz question, title
  --seed N          the random seed, an integer from 0 to 4294967295 (overrides the file)
  --duration S      simulated seconds (overrides the file's durationS)
  --json            print the report as JSON instead of a summary
  --series FILE     write the time series as CSV, one row per simulated second; - for standard output
  --drain           after the run, stop arrivals and run on until nothing is in flight
  --max-wall S      stop the run after S seconds of wall-clock time (exit status 3, report says so)
  -h, --help        this text
  -v, --version     the lab's version

What-if studies (runs go to worker threads, one per core less one):
  --replications N  run N seeds (the seed, seed + 1, ...) and give each figure's mean and 95% interval
  --compare B.json  run B on the same seeds as the scenario (common random numbers) and give A, B and
                    the paired difference B - A, marked * where its 95% interval leaves out 0
  --sweep F=V       one field over values: F=1..10, F=1..60:5 (a step) or F=hash,range; CSV on stdout,
                    one row per point and figure (with --replications at each point)
  --check "X op N"  a threshold on a figure (op: < <= > >= == !=), on the mean in a study; may repeat;
                    exit status 4 if any fails
  --workers N       worker threads for a study (default: cores - 1, at least 1)

Examples:
  npm run -s sim -- flash-sale
  npm run -s sim -- hot-shard --compare hot-shard-hash --replications 5
  npm run -s sim -- scenarios/default.json --json | jq .queries.latencyMs
  npm run -s sim -- scenarios/default.json --replications 20
  npm run -s sim -- scenarios/default.json --compare scenarios/flash-sale.json --replications 10
  npm run -s sim -- scenarios/default.json --sweep queryService.instances=1..6 --replications 5 > sweep.csv
  npm run -s sim -- scenarios/default.json --check "queries.latencyMs.p99 < 200"

Exit status: 0 done; 2 bad input or options (nothing run); 3 stopped early by a run limit or --max-wall;
4 a --check failed.`;

export interface Args {
  file: string;
  replications?: number;
  compare?: string;
  sweep?: string;
  checks: string[];
  workers?: number;
  seed?: number;
  durationS?: number;
  json: boolean;
  drain: boolean;
  series?: string;
  maxWallS?: number;
}

/** Set by the bundler (scripts/buildCli.mjs); absent when run from source. */
declare const __LAB_VERSION__: string | undefined;

/** The package's version: written into the bundle, or read from package.json (one level up) from source. */
function version(): string {
  if (typeof __LAB_VERSION__ === 'string') return __LAB_VERSION__;
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
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
        replications: { type: 'string' },
        compare: { type: 'string' },
        sweep: { type: 'string' },
        check: { type: 'string', multiple: true },
        workers: { type: 'string' },
        'list-examples': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
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
  if (v['list-examples']) {
    process.stdout.write(formatExampleList());
    process.exit(0);
  }
  if (v.version) {
    process.stdout.write(version() + '\n');
    process.exit(0);
  }
  const problems: ScenarioProblem[] = [];
  const args: Args = {
    file: '',
    json: v.json === true,
    drain: v.drain === true,
    series: v.series,
    compare: v.compare,
    sweep: v.sweep,
    checks: v.check ?? [],
  };
  const count = (name: string, text: string | undefined, max: number): number | undefined => {
    if (text === undefined) return undefined;
    const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
    if (!(n >= 1 && n <= max)) problems.push({ path: name, message: `must be a whole number from 1 to ${max}, got "${text}"` });
    return n;
  };
  args.replications = count('--replications', v.replications, 10_000);
  args.workers = count('--workers', v.workers, 256);
  if ((args.replications !== undefined || args.compare !== undefined || args.sweep !== undefined) && v.series !== undefined) {
    problems.push({ path: '--series', message: 'is for a single run, not a study' });
  }
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
  if (parsed.positionals.length === 0) problems.push({ path: '(arguments)', message: 'no scenario file or example id given (--list-examples lists the examples)' });
  else if (parsed.positionals.length > 1) {
    problems.push({ path: parsed.positionals[1], message: 'only one scenario file may be given' });
  } else args.file = parsed.positionals[0];
  return { args, problems };
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
  // A reader that stops early (`| head`) ends the output, not with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const { args, problems } = parse(process.argv.slice(2));
  if (problems.length > 0 || !args) fail(problems);
  const scenario = loadScenario(args.file, args);
  if (args.replications !== undefined || args.compare !== undefined || args.sweep !== undefined) {
    const other = args.compare !== undefined ? loadScenario(args.compare, args) : undefined;
    void runStudy(scenario, other, { replications: args.replications, sweep: args.sweep, checks: args.checks, workers: args.workers, json: args.json }).then(
      (code) => (process.exitCode = code),
      (e: unknown) => fail([{ path: '(study)', message: e instanceof Error ? e.message : String(e) }]),
    );
    return;
  }
  const checks = parseChecks(args.checks);

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
    report = runScenario(scenario, onWindow, args.drain, interrupt);
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
  if (!checksPass(checks, figuresOf(report))) process.exitCode = 4;
}

/**
 * The scenario text of a file or, when no file has that name, of the example with that id.
 * A file wins over an example of the same name (`./flash-sale` is always the file).
 */
function readScenarioText(file: string): string {
  const example = file !== '-' && !existsSync(file) ? exampleById(file) : undefined;
  if (example) return JSON.stringify(example.scenario);
  try {
    return readBounded(file);
  } catch (e) {
    const code = errorCode(e);
    const hint = code === 'ENOENT' && !/[/\\.]/.test(file) ? '; no example has this id either (--list-examples lists them)' : '';
    fail([{ path: file, message: `cannot read the file (${code})${hint}` }]);
  }
}

/** Reads and validates a scenario file or example, with --seed and --duration applied; exits 2 on any problem. */
function loadScenario(file: string, args: Args): Scenario {
  let text = readScenarioText(file);
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
  if (!parsed.ok) fail(args.compare === file ? parsed.problems.map((p) => ({ ...p, path: `${file}: ${p.path}` })) : parsed.problems);
  return parsed.scenario;
}

main();
