/**
 * What the command line says back: its name and usage, problems (exit 2), checks, and the one
 * rule for text from a file or an argument: it reaches the terminal escaped and shortened. Node only.
 */
import { basename, relative } from 'node:path';
import {
  checkFigureProblem,
  evaluateCheck,
  groupDigits,
  missingFigure,
  parseCheck,
  reportShape,
  type Check,
  type ReportShape,
  type Scenario,
  type ScenarioProblem,
} from '../simulation/index';

/**
 * How the person started the command, for the usage and the examples: `npm run -s sim --` through
 * npm, `cqrs-lab` through the package's bin link, else `node dist-cli/cli.js` or `npx tsx cli/cli.ts`.
 */
export function programName(): string {
  if (process.env.npm_lifecycle_event === 'sim') return 'npm run -s sim --';
  const script = process.argv[1] ?? '';
  const base = basename(script).replace(/\.[cm]?[jt]s$/, '');
  if (base !== '' && base !== 'cli') return base;
  const path = relative(process.cwd(), script) || script;
  return script.endsWith('.ts') ? `npx tsx ${path}` : `node ${path}`;
}

/** The usage lines, under the name the command was started by. */
export function usage(name = programName()): string {
  const pad = ' '.repeat(`usage: ${name} `.length);
  return (
    `usage: ${name} <scenario.json | example id | -> [--seed N] [--duration S] [--warmup S] [--json] [--series out.csv | -]\n` +
    `${pad}[--trace out.json | -] [--trace-every N] [--trace-ids 1,2,...]\n` +
    `${pad}[--drain] [--max-wall S] [--replications N] [--compare other.json] [--sweep field=values]\n` +
    `${pad}[--check "figure < limit"]... [--workers N]\n` +
    `${pad}[--plan "figure < limit"... --space field=values... [--exhaustive] [--shard I/N]] [--find-limit "figure < limit"]...\n` +
    `       ${name} --merge shard-results.json...\n` +
    `       ${name} --list-examples | --help | --version`
  );
}

/**
 * Characters that must never reach a terminal raw: controls (ESC starts the sequences that clear a
 * screen or retitle a window; C1's CSI does the same in one byte), format characters (bidirectional
 * overrides that reorder what is shown, zero-width ones), line and paragraph separators, and lone
 * surrogates. Newlines of the CLI's own text are kept by `safeText`.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const escapeChar = (c: string): string => {
  const code = c.codePointAt(0)!;
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * A piece of user text (a scenario's name, a key, a path, an argument) as the CLI prints it: every
 * unsafe character escaped (`\x1b`, `\u202e`), and past `max` characters cut, with an ellipsis and
 * the length (`abc… (100000 characters)`).
 */
export function shown(text: string, max = 80): string {
  const cut = text.length > max ? `${Array.from(text.slice(0, max + 1)).slice(0, max).join('')}… (${groupDigits(text.length)} characters)` : text;
  return cut.replace(UNSAFE, escapeChar);
}

/** Text the CLI wrote (a summary, a table, CSV) with any unsafe character escaped, its own newlines kept. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\n' ? c : escapeChar(c)));
}

/**
 * JSON text with the characters JSON.stringify leaves raw (C1 controls, format characters,
 * separators) written as \u escapes: the same JSON value, safe on a terminal.
 */
export function safeJson(json: string): string {
  return json.replace(UNSAFE, (c) => (c === '\n' ? c : `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`));
}

/**
 * Prints one line per problem (after `file`, when the problems are of a second file) and the
 * usage, then exits with status 2 (bad input: nothing ran).
 */
export function fail(problems: ScenarioProblem[], file?: string): never {
  // Paths hold keys from the file (an unknown key may be 100,000 characters long); messages quote them too.
  const where = file === undefined ? '' : `${shown(file)}: `;
  for (const p of problems) process.stderr.write(`${where}${shown(p.path)}: ${shown(p.message, 500)}\n`);
  process.stderr.write(usage() + '\n');
  process.exit(2);
}

export type ValidCheck = Extract<Check, { ok: true }>;

/**
 * The --check options, validated before anything runs: the form, and a figure that the report of
 * every scenario that will run has (named as in --json): each side of a comparison, each point of a
 * sweep. A figure some of them lack is refused, naming which (`label`: '' for a single run).
 */
export function parseChecks(texts: string[], scenarios: readonly { label: string; scenario: Scenario }[]): ValidCheck[] {
  const problems: ScenarioProblem[] = [];
  const checks: ValidCheck[] = [];
  const shapes = texts.length === 0 ? [] : scenarios.map((s) => ({ label: s.label, shape: reportShape(s.scenario) }));
  for (const text of texts) {
    const c = parseCheck(text);
    if (!c.ok) {
      problems.push({ path: '--check', message: `"${shown(text)}" is not a check such as "queries.latencyMs.p99 < 200"` });
      continue;
    }
    // The figure's name and kind first (any scenario), then whether each report that will be made has it.
    const problem = checkFigureProblem(c.figure, Infinity) ?? shapes.map((s) => whereMissing(s.label, s.shape, c.figure)).find((p) => p !== null) ?? null;
    if (problem !== null) problems.push({ path: '--check', message: `${shown(c.figure)}: ${problem}` });
    else checks.push(c);
  }
  if (problems.length > 0) fail(problems);
  return checks;
}

function whereMissing(label: string, shape: ReportShape, figure: string): string | null {
  const why = missingFigure(shape, figure);
  return why === null ? null : label === '' ? why : `in ${shown(label)}, ${why}`;
}

/** Prints each check's outcome to standard error (`label` says which side or point it is of); true when all passed. */
export function checksPass(checks: readonly ValidCheck[], figures: Map<string, number>, label = ''): boolean {
  let all = true;
  for (const c of checks) {
    const r = evaluateCheck(c, figures.get(c.figure));
    process.stderr.write(safeText(`check ${r.passed ? 'passed' : 'FAILED'}${label ? ` (${label})` : ''}: ${r.sentence}\n`));
    all &&= r.passed;
  }
  return all;
}
