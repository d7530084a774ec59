/** What the command line says back: problems (exit 2) and checks. Node only. */
import type { ScenarioProblem } from './scenario';
import { evaluateCheck, parseCheck, type Check } from './study/study';

export const USAGE =
  'usage: npm run sim -- <scenario.json | example id | -> [--seed N] [--duration S] [--json] [--series out.csv | -] [--drain] [--max-wall S]\n' +
  '                     [--replications N] [--compare other.json] [--sweep field=values] [--check "figure < limit"]... [--workers N]\n' +
  '       npm run sim -- --list-examples';

/** Prints one line per problem and the usage, then exits with status 2 (bad input: nothing ran). */
export function fail(problems: ScenarioProblem[]): never {
  for (const p of problems) process.stderr.write(`${p.path}: ${p.message}\n`);
  process.stderr.write(USAGE + '\n');
  process.exit(2);
}

/** The --check options, validated before anything runs. */
export function parseChecks(texts: string[]): Extract<Check, { ok: true }>[] {
  const checks = texts.map(parseCheck);
  const bad = checks.filter((c) => !c.ok);
  if (bad.length > 0) fail(bad.map((c) => ({ path: '--check', message: (c as { message: string }).message })));
  return checks as Extract<Check, { ok: true }>[];
}

/** Prints each check's outcome to standard error; true when all passed. */
export function checksPass(checks: Extract<Check, { ok: true }>[], figures: Map<string, number>): boolean {
  let all = true;
  for (const c of checks) {
    const r = evaluateCheck(c, figures.get(c.figure));
    process.stderr.write(`check ${r.passed ? 'passed' : 'FAILED'}: ${r.sentence}\n`);
    all &&= r.passed;
  }
  return all;
}
