/**
 * Command line: `npm run sim -- <scenario.json | -> [options]` (or `cqrs-lab`, the bundle).
 * The one Node entry point of the simulation (with the benchmark and the fuzzer): it reads files
 * and the clock; its options are in args.ts, its studies in study.ts. Exit status: 0 done,
 * 1 a study's worker failed, 2 bad input (one line per problem, nothing run), 3 stopped early by
 * a run limit, --max-wall or a drain past its hour (a single run's report is still printed, saying
 * why; checks are not evaluated), 4 a --check failed.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import {
  figuresOf,
  MAX_DEPTH,
  MAX_SCENARIO_CHARS,
  parseScenarioText,
  runScenario,
  textDepth,
  toOtlp,
  type Report,
  type Simulation,
  type Tracer,
  type Scenario,
  type ScenarioProblem,
  type WindowStats,
} from '../simulation/index';
import { seriesColumns, seriesRowIn } from '../simulation/series';
import { exampleById } from '../simulation/examples';
import { helpText, parseCommandLine, type Args } from './args';
import { formatExampleList } from './exampleList';
import { checksPass, fail, parseChecks, programName, safeJson, safeText, shown } from './output';
import { runStudy } from './study';
import { formatSummary } from './summary';
import { runLimitCommand } from './limit';
import { runPlanCommand } from './plan';
import { runMerge, runShard } from './shard';

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

/** The arguments of a run; help, the version and the list of examples are printed here and exit 0. */
function parse(argv: string[]): Args {
  const parsed = parseCommandLine(argv);
  if (parsed.kind === 'bad') fail(parsed.problems);
  if (parsed.kind === 'run') return parsed.args;
  const text = parsed.kind === 'help' ? helpText(programName()) + '\n' : parsed.kind === 'version' ? version() + '\n' : formatExampleList();
  process.stdout.write(text);
  process.exit(0);
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

/** A writer on the file an option names (- for standard output), opened now (a path that cannot be written fails at once), or null. */
function openOut(option: string, file: string | undefined): ReturnType<typeof seriesWriter> | null {
  if (file === undefined) return null;
  try {
    return seriesWriter(file === '-' ? 1 : openSync(file, 'w'));
  } catch (e) {
    return fail([{ path: option, message: `cannot write ${file} (${errorCode(e)})` }]);
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

/** Sets the exit status a study, plan or limit returns; a failure that is not bad input prints its message and exits 1. */
function settle(done: Promise<number>, what = 'plan'): void {
  done.then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(safeText(`${what} failed: ${e instanceof Error ? e.message : String(e)}\n`));
      process.exit(1);
    },
  );
}

function main(): void {
  // A reader that stops early (`| head`) ends the output, not with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const args = parse(process.argv.slice(2));
  if (args.plan?.kind === 'merge') return settle(runMerge(args, args.plan.files));
  const scenario = loadScenario(args.file, args);
  if (args.plan?.kind === 'limit') return settle(runLimitCommand(scenario, args, args.plan.targets), 'find-limit');
  if (args.plan?.kind === 'plan') return settle(args.plan.shard ? runShard(scenario, args, args.plan) : runPlanCommand(scenario, args, args.plan));
  if (args.replications !== undefined || args.compare !== undefined || args.sweep !== undefined) {
    const other = args.compare !== undefined ? loadScenario(args.compare, args) : undefined;
    const { replications, sweep, checks, workers, json, drain, maxWallS } = args;
    void runStudy(scenario, other, { replications, sweep, checks, workers, json, drain, maxWallS }).then(
      (code) => (process.exitCode = code),
      // Not bad input (the options and files were checked): the message alone, exit status 1, no usage.
      (e: unknown) => {
        process.stderr.write(safeText(`study failed: ${e instanceof Error ? e.message : String(e)}\n`));
        process.exit(1);
      },
    );
    return;
  }
  const checks = parseChecks(args.checks, [{ label: '', scenario }]);

  // Open the series file before the run, so a path that cannot be written costs nothing.
  let series: ReturnType<typeof seriesWriter> | null = null;
  if (args.series !== undefined) {
    try {
      series = seriesWriter(args.series === '-' ? 1 : openSync(args.series, 'w'));
    } catch (e) {
      fail([{ path: '--series', message: `cannot write ${args.series} (${errorCode(e)})` }]);
    }
  }
  // The trace file too; its tracer starts with the run (Simulation.trace), its file is written at the end.
  const traceOut = openOut('--trace', args.trace);
  let tracer: Tracer | null = null;
  const onSim = args.trace === undefined ? undefined : (sim: Simulation) => void (tracer = sim.trace({ every: args.traceEvery, ids: args.traceIds }));
  // The engine's columns, then those of the parts in this run (a part's section, or a change of it).
  const columns = seriesColumns(scenario);
  series?.row(columns.join(','));
  const onWindow = series ? (w: WindowStats) => series.row(seriesRowIn(columns, w)) : undefined;
  const started = process.hrtime.bigint();
  const wallS = () => Number(process.hrtime.bigint() - started) / 1e9;
  const maxWallS = args.maxWallS;
  const interrupt = maxWallS === undefined ? undefined : () => (wallS() > maxWallS ? `wall-clock limit of ${maxWallS} s reached (--max-wall)` : null);
  let report: Report;
  try {
    report = runScenario(scenario, onWindow, args.drain, interrupt, onSim);
    series?.close();
    if (traceOut !== null && tracer !== null) {
      traceOut.row(JSON.stringify(toOtlp((tracer as Tracer).done, scenario.name, scenario.seed, version())));
      traceOut.close();
    }
  } catch (e) {
    if (series !== null && errorCode(e) !== 'error') fail([{ path: '--series', message: `cannot write ${args.series} (${errorCode(e)})` }]);
    throw e;
  }
  report.wallMs = Math.round(wallS() * 1e4) / 10;
  // With the series on standard output, the summary goes to standard error (--json with --series - is refused).
  const out = args.series === '-' || args.trace === '-' ? process.stderr : process.stdout;
  out.write(args.json ? safeJson(JSON.stringify(report, null, 2)) + '\n' : safeText(formatSummary({ ...report, scenario: shown(report.scenario) })));
  if (report.stopped) {
    // A cut run's figures are not the scenario's: its checks are not evaluated, as a stopped study's are not.
    process.stderr.write(safeText(`run stopped at ${report.stopped.atS.toFixed(1)} s: ${report.stopped.reason}\n`));
    if (checks.length > 0) process.stderr.write(`checks not evaluated: the run stopped early\n`);
    process.exitCode = 3;
    return;
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

/** The options that override the file, by the field each sets. */
const OVERRIDES = [
  ['seed', 'seed'],
  ['durationS', 'durationS'],
  ['warmupS', 'warmupS'],
] as const;

/**
 * The scenario text with --seed, --duration and --warmup put in. Text over the size or depth
 * limits is left as it is, for the validation to refuse by those limits: re-serialising 5,000
 * levels of nesting would overflow the stack before the depth check saw them.
 */
function withOverrides(text: string, args: Args): string {
  if (OVERRIDES.every(([option]) => args[option] === undefined)) return text;
  if (text.length > MAX_SCENARIO_CHARS || textDepth(text, MAX_DEPTH) > MAX_DEPTH) return text;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return text; // bad JSON: the validation says where
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return text;
  const o = raw as Record<string, unknown>;
  for (const [option, field] of OVERRIDES) if (args[option] !== undefined) o[field] = args[option];
  return JSON.stringify(o);
}

/** A warm-up at or past the duration is the file's or the default 5 s one as often as not: say how to change it. */
function withWarmupHint(p: ScenarioProblem): ScenarioProblem {
  if (p.path !== 'warmupS' || !p.message.startsWith('must be less than durationS')) return p;
  return { ...p, message: `${p.message}: a shorter warm-up with --warmup S (such as --warmup 1), or a longer --duration` };
}

/** Reads and validates a scenario file or example, with --seed, --duration and --warmup applied; exits 2 on any problem. */
function loadScenario(file: string, args: Args): Scenario {
  const parsed = parseScenarioText(withOverrides(readScenarioText(file), args));
  if (!parsed.ok) {
    const problems = parsed.problems.map(withWarmupHint);
    // The side B file names itself, so a problem says which file it is in.
    fail(problems, args.compare === file ? file : undefined);
  }
  return parsed.scenario;
}

main();
