/**
 * The command line's options: parsed, checked against each other and bounded before anything is
 * read or run, each problem one sentence naming the option. Node only.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { ScenarioProblem } from '../simulation/index';
import { shown, usage } from './output';
import { PLAN_HELP, PLAN_OPTIONS, planArgs, type PlanArgs } from './planArgs';

/** The options of one invocation (numbers already checked against their bounds). */
export interface Args {
  file: string;
  replications?: number;
  compare?: string;
  sweep?: string;
  checks: string[];
  workers?: number;
  seed?: number;
  durationS?: number;
  warmupS?: number;
  json: boolean;
  drain: boolean;
  series?: string;
  maxWallS?: number;
  /** A plan (--plan, --space, --exhaustive, --shard), a limit (--find-limit) or a merge of shards (--merge): planArgs.ts. */
  plan?: PlanArgs;
  /** Where the traces go (OTLP/JSON; - for standard output), which requests and how many. */
  trace?: string;
  traceEvery: number;
  traceIds: number[];
}

/** What the command line was asked to do: run (with its arguments), or print help, the version, the examples. */
export type Parsed = { kind: 'run'; args: Args } | { kind: 'help' | 'version' | 'list-examples' } | { kind: 'bad'; problems: ScenarioProblem[] };

const OPTIONS = {
  seed: { type: 'string' },
  duration: { type: 'string' },
  warmup: { type: 'string' },
  json: { type: 'boolean' },
  series: { type: 'string' },
  trace: { type: 'string' },
  'trace-every': { type: 'string' },
  'trace-ids': { type: 'string' },
  drain: { type: 'boolean' },
  'max-wall': { type: 'string' },
  replications: { type: 'string' },
  compare: { type: 'string' },
  sweep: { type: 'string' },
  check: { type: 'string', multiple: true },
  workers: { type: 'string' },
  ...PLAN_OPTIONS,
  'list-examples': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The options whose value is a number: only these take a value that starts with a dash. */
const NUMERIC: ReadonlySet<string> = new Set(['seed', 'duration', 'warmup', 'max-wall', 'replications', 'workers']);

/**
 * `--seed -1` as `--seed=-1`: Node's parser takes a value that starts with a dash for an option and
 * calls it "ambiguous"; a negative number after a numeric option is that value (and then refused
 * by its bounds, by name). After any other option (`--series -1`, `--compare -3`) it stays an
 * error: a file name that looks like a negative number is more likely a mistake than a file.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = /^--([a-z-]+)$/.exec(argv[i])?.[1];
    if (name !== undefined && NUMERIC.has(name) && /^-\.?\d/.test(argv[i + 1] ?? '')) out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

/** The help text, with the examples under the name the command was started by. */
export function helpText(name: string): string {
  const cores = availableParallelism();
  return `${usage(name)}

Runs a scenario headless and prints a summary (or, with --json, one JSON report).

  <scenario.json>   the scenario file; - reads it from standard input
  <example id>      an example by its id (flash-sale, hot-shard, ...), when no file has that name
  --list-examples   list the examples: id, quiz question, title
  --seed N          the random seed, an integer from 0 to 4294967295 (overrides the file)
  --duration S      simulated seconds (overrides the file's durationS); must be longer than the warm-up
  --warmup S        simulated seconds left out of the figures at the start (overrides the file's warmupS;
                    default 5), shorter than the duration
  --json            print the report as JSON instead of a summary
  --series FILE     write the time series as CSV, one row per simulated second; - for standard output
                    (the summary then goes to standard error; not with --json, which uses standard output)
  --trace FILE      write traces of a sample of requests as OpenTelemetry OTLP/JSON (open them in Jaeger,
                    Grafana Tempo, ...): every span of each sampled request, its stages and, for a command,
                    its write's way to each replica; times in ns from the run's start; - for standard output
  --trace-every N   trace every Nth client request (default 100; which ones follows from the seed); 0: only
                    the --trace-ids (a trace file holds at most 10,000 traces)
  --trace-ids L     also trace these client requests, by number in arrival order from 1 (1,17,40)
  --drain           after the run, stop arrivals and run on until nothing is in flight, for at most an hour
                    of simulated time (if that is not enough, the run counts as stopped: exit status 3)
  --max-wall S      stop after S seconds of wall-clock time (exit status 3; a single run's report says so)
  -h, --help        this text
  -v, --version     the lab's version

What-if studies (runs go to worker threads, one per core less one):
  --replications N  run N seeds (the seed, seed + 1, ...) and give each figure's mean and 95% interval
  --compare B.json  run B on the same seeds as the scenario (common random numbers) and give A, B and
                    the paired difference B - A, marked * where its 95% interval leaves out 0 (not with --sweep)
  --sweep F=V       one field over values: F=1..10, F=1..60:5 (a step) or F=hash,range; CSV on stdout,
                    one row per point and figure (with --replications at each point; seed=1,2,3 runs those seeds)
  --check "X op N"  a threshold on a figure (op: < <= > >= == !=), on the mean in a study, on each side of a
                    --compare and at each point of a --sweep; may repeat; exit status 4 if any fails
${PLAN_HELP}
  --workers N       worker threads for a study: 1 to ${cores}, this machine's cores (default: cores - 1, at least 1)
  A study runs at most 10,000 runs (points or sides times replications); --drain drains every run; --max-wall
  bounds the whole study. A run that stops early (a run limit, --max-wall, a drain past its hour) stops the
  study: it says why, prints no figures and exits with status 3.

Examples:
  ${name} flash-sale
  ${name} hot-shard --compare hot-shard-hash --replications 5
  ${name} scenarios/default.json --json | jq .queries.latencyMs
  ${name} scenarios/default.json --duration 5 --warmup 1
  ${name} scenarios/default.json --replications 20 --max-wall 600
  ${name} scenarios/default.json --compare scenarios/flash-sale.json --replications 10
  ${name} scenarios/default.json --sweep queryService.instances=1..6 --replications 5 > sweep.csv
  ${name} scenarios/default.json --check "queries.latencyMs.p99 < 200"

Exit status: 0 done; 1 a study's worker failed (the message says which run); 2 bad input or options
(nothing run); 3 stopped early by a run limit, --max-wall or a drain that did not finish (checks are then
not evaluated); 4 a --check failed, no design of a --plan's space met its targets, or --find-limit found no limit.`;
}

/** Parses and checks the options; every problem is collected, so one run lists them all. */
export function parseCommandLine(argv: readonly string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv), allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    // Node's message names the option: "Unknown option '--bogus'", "Option '--seed <value>' argument missing".
    // For a value that starts with a dash, its last line says how to give one on purpose (`--series=-XYZ`).
    const lines = (e as Error).message.split('\n');
    const message = /is ambiguous/.test(lines[0]) && lines.length > 2 ? `${lines[0].replace(/\.$/, '')}: ${lines.at(-1)}` : lines[0];
    return { kind: 'bad', problems: [{ path: '(options)', message }] };
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (v['list-examples']) return { kind: 'list-examples' };
  if (v.version) return { kind: 'version' };
  const problems: ScenarioProblem[] = [];
  const args: Args = { file: '', json: v.json === true, drain: v.drain === true, series: v.series, compare: v.compare, sweep: v.sweep, checks: v.check ?? [], traceEvery: 100, traceIds: [] };
  const count = (name: string, text: string | undefined, max: number, why = ''): number | undefined => {
    if (text === undefined) return undefined;
    const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
    if (!(n >= 1 && n <= max)) problems.push({ path: name, message: `must be a whole number from 1 to ${max}${why}, got "${shown(text)}"` });
    return n;
  };
  args.replications = count('--replications', v.replications, 10_000);
  // A worker per core is the most that runs at once; each holds a run (tens of MB at the run limits' edge).
  const cores = availableParallelism();
  args.workers = count('--workers', v.workers, cores, ` (this machine's cores: os.availableParallelism() is ${cores})`);
  const study = args.replications !== undefined || args.compare !== undefined || args.sweep !== undefined;
  if (v.compare !== undefined && v.sweep !== undefined) {
    problems.push({ path: '--compare', message: 'cannot go with --sweep (a sweep varies one scenario): sweep each scenario on its own' });
  }
  if (study && v.series !== undefined) problems.push({ path: '--series', message: 'is for a single run, not a study' });
  if (v.series === '-' && args.json) {
    problems.push({ path: '--series', message: '- (standard output) cannot go with --json, which prints the report there: write the series to a file (--series out.csv)' });
  }
  traceOptions(v, args, study, problems);
  if (v.seed !== undefined) {
    // Digits only: "" is not 0 and "0x10" is not 16.
    const n = /^\d{1,10}$/.test(v.seed) ? Number(v.seed) : NaN;
    if (!(n <= 2 ** 32 - 1)) problems.push({ path: '--seed', message: `must be an integer from 0 to 4294967295, got "${shown(v.seed)}"` });
    else args.seed = n;
  }
  const seconds = (name: string, text: string | undefined, max: number, zero = false): number | undefined => {
    if (text === undefined) return undefined;
    const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
    if (!((zero ? n >= 0 : n > 0) && n <= max)) {
      problems.push({ path: name, message: `must be a number of seconds ${zero ? 'from 0' : 'above 0'} and at most ${max}, got "${shown(text)}"` });
    }
    return n;
  };
  args.durationS = seconds('--duration', v.duration, 1_000_000);
  args.warmupS = seconds('--warmup', v.warmup, 1_000_000, true);
  args.maxWallS = seconds('--max-wall', v['max-wall'], 1e7);
  if (args.series === '') problems.push({ path: '--series', message: 'needs a file name, or - for standard output' });
  args.plan = planArgs(v, args.replications, parsed.positionals, problems);
  if (args.plan?.kind === 'merge') return problems.length > 0 ? { kind: 'bad', problems } : { kind: 'run', args };
  if (parsed.positionals.length === 0) problems.push({ path: '(arguments)', message: 'no scenario file or example id given (--list-examples lists the examples)' });
  else if (parsed.positionals.length > 1) problems.push({ path: parsed.positionals[1], message: 'only one scenario file may be given' });
  else args.file = parsed.positionals[0];
  return problems.length > 0 ? { kind: 'bad', problems } : { kind: 'run', args };
}

/** `--trace FILE`, `--trace-every N` (default 100; 0 with --trace-ids: only those) and `--trace-ids 3,17,...`. */
function traceOptions(v: Record<string, unknown>, args: Args, study: boolean, problems: ScenarioProblem[]): void {
  const trace = v.trace as string | undefined;
  const every = v['trace-every'] as string | undefined;
  const ids = v['trace-ids'] as string | undefined;
  if (trace === undefined) {
    if (every !== undefined || ids !== undefined) problems.push({ path: every !== undefined ? '--trace-every' : '--trace-ids', message: 'needs --trace FILE (where the traces go)' });
    return;
  }
  args.trace = trace;
  if (trace === '') problems.push({ path: '--trace', message: 'needs a file name, or - for standard output' });
  if (study) problems.push({ path: '--trace', message: 'is for a single run, not a study' });
  if (trace === '-' && (args.json || args.series === '-')) {
    problems.push({ path: '--trace', message: `- (standard output) cannot go with ${args.json ? '--json' : '--series -'}, which prints there: write the traces to a file (--trace out.json)` });
  }
  if (every !== undefined) {
    const n = /^\d{1,7}$/.test(every) ? Number(every) : NaN;
    if (!(n <= 1_000_000)) problems.push({ path: '--trace-every', message: `must be a whole number from 0 to 1000000 (0: only --trace-ids), got "${shown(every)}"` });
    else args.traceEvery = n;
  }
  if (ids !== undefined) {
    const list = ids.split(',');
    if (list.length > 1000 || list.some((x) => !/^[1-9]\d{0,9}$/.test(x))) {
      problems.push({ path: '--trace-ids', message: `must be at most 1000 request numbers from 1, separated by commas, got "${shown(ids)}"` });
    } else args.traceIds = list.map(Number);
  }
}
