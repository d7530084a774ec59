/**
 * Command line: `npm run sim -- <scenario.json> [--seed N] [--duration S] [--json] [--series out.csv] [--drain]`.
 * The one Node entry point of the simulation (with the benchmark): it reads files and the clock.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { parseScenarioText, runScenario, type Report, type ScenarioProblem, type WindowStats } from './index';
import { formatSummary } from './format';
import { seriesHeader, seriesRow } from './series';

const USAGE = 'usage: npm run sim -- <scenario.json> [--seed N] [--duration S] [--json] [--series out.csv] [--drain]';

interface Args {
  file?: string;
  seed?: number;
  durationS?: number;
  json: boolean;
  drain: boolean;
  series?: string;
}

function parseArgs(argv: string[]): { args: Args; problems: ScenarioProblem[] } {
  const args: Args = { json: false, drain: false };
  const problems: ScenarioProblem[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) problems.push({ path: a, message: 'needs a value' });
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--drain') args.drain = true;
    else if (a === '--seed') {
      const v = value();
      if (v !== undefined) {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1) problems.push({ path: '--seed', message: `must be an integer from 0 to 4294967295, got "${v}"` });
        else args.seed = n;
      }
    } else if (a === '--duration') {
      const v = value();
      if (v !== undefined) {
        const n = Number(v);
        if (!(n > 0) || !Number.isFinite(n)) problems.push({ path: '--duration', message: `must be a positive number of seconds, got "${v}"` });
        else args.durationS = n;
      }
    } else if (a === '--series') {
      const v = value();
      if (v !== undefined) args.series = v;
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('-')) problems.push({ path: a, message: 'unknown option' });
    else if (args.file === undefined) args.file = a;
    else problems.push({ path: a, message: 'only one scenario file may be given' });
  }
  if (args.file === undefined && problems.length === 0) problems.push({ path: '(arguments)', message: 'no scenario file given' });
  return { args, problems };
}

function fail(problems: ScenarioProblem[]): never {
  for (const p of problems) console.error(`${p.path}: ${p.message}`);
  console.error(USAGE);
  process.exit(2);
}

function main(): void {
  const { args, problems } = parseArgs(process.argv.slice(2));
  if (problems.length > 0) fail(problems);
  let text: string;
  try {
    text = readFileSync(args.file!, 'utf8');
  } catch (e) {
    fail([{ path: args.file!, message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  // Options override the file; the result is validated as a whole, so --duration below the
  // file's warmupS is reported like any other problem.
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    if (args.seed !== undefined) o.seed = args.seed;
    if (args.durationS !== undefined) o.durationS = args.durationS;
    text = JSON.stringify(o);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) fail(parsed.problems);

  const series = args.series ? createWriteStream(args.series) : null;
  series?.write(seriesHeader() + '\n');
  const onWindow = series ? (w: WindowStats) => void series.write(seriesRow(w) + '\n') : undefined;
  const started = process.hrtime.bigint();
  const report: Report = runScenario(parsed.scenario, onWindow, args.drain);
  report.wallMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
  series?.end();
  if (args.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else process.stdout.write(formatSummary(report));
}

main();
