/**
 * Byte-identity of a change that must not change the model (a refactor, a speed-up):
 *
 *   npx tsx simulation/bench/reports.ts --out DIR       # before the change
 *   npx tsx simulation/bench/reports.ts --compare DIR   # after it: exit 1 on any difference
 *
 * Writes the report, and a digest of every window of its series, of every example and of each example's variants, and of 200 fuzzed scenarios
 * (seed 77), one JSON file each. A fuzzed run stops after about four million events, counted, not
 * timed, so that the stop falls on the same event every time. Refused scenarios write their problems.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXAMPLES } from '../examples/catalogue';
import { drawScenario } from '../fuzz/draw';
import { INTERRUPT_EVERY } from '../limits';
import { parseScenario, runScenario, withField } from '../index';

const FUZZ_SEED = 77;
const FUZZ_RUNS = 200;
const MAX_EVENTS = 4_000_000;

function reportOf(input: unknown): string {
  const parsed = parseScenario(input);
  if (!parsed.ok) return JSON.stringify({ refused: parsed.problems });
  let asked = 0;
  const interrupt = () => (++asked * INTERRUPT_EVERY >= MAX_EVENTS ? 'event budget of the report snapshot' : null);
  // Every window of the series counts too: its digest follows the report.
  const windows = createHash('sha256');
  const report = JSON.stringify(runScenario(parsed.scenario, (w) => windows.update(JSON.stringify(w)), false, interrupt));
  return `${report}\nwindows sha256 ${windows.digest('hex')}\n`;
}

function set(s: unknown, path: string, value: unknown): unknown {
  const r = withField(s, path, value);
  if (!r.ok) throw new Error(`${path}: ${r.message}`);
  return r.value;
}

function* cases(): Generator<[name: string, input: () => unknown]> {
  for (const ex of EXAMPLES) {
    yield [`example-${ex.id}`, () => ex.scenario];
    for (const v of ex.variants ?? []) {
      yield [`example-${v.id}`, () => Object.entries(v.set).reduce<unknown>((s, [path, value]) => set(s, path, value), ex.scenario)];
    }
  }
  for (let i = 0; i < FUZZ_RUNS; i++) yield [`fuzz-${FUZZ_SEED}-${i}`, () => drawScenario(FUZZ_SEED, i)];
}

function main(): void {
  const { values: v } = parseArgs({ options: { out: { type: 'string' }, compare: { type: 'string' } } });
  const dir = v.out ?? v.compare;
  if (!dir || (v.out && v.compare)) {
    process.stderr.write('usage: reports.ts --out DIR | --compare DIR\n');
    process.exit(2);
  }
  if (v.out) mkdirSync(dir, { recursive: true });
  const differ: string[] = [];
  let n = 0;
  for (const [name, input] of cases()) {
    const text = reportOf(input());
    const file = join(dir, `${name}.json`);
    n++;
    if (v.out) writeFileSync(file, text);
    else {
      let before: string | null = null;
      try {
        before = readFileSync(file, 'utf8');
      } catch {
        // a case the earlier snapshot did not have
      }
      if (before !== text) differ.push(name);
    }
  }
  if (v.out) {
    process.stdout.write(`${n} reports written to ${dir}\n`);
    return;
  }
  const kept = readdirSync(dir).length;
  if (kept !== n) differ.push(`(the snapshot holds ${kept} files, this run made ${n})`);
  process.stdout.write(differ.length === 0 ? `IDENTICAL: ${n} reports\n` : `DIFFERENT: ${differ.length} of ${n}: ${differ.slice(0, 20).join(', ')}\n`);
  process.exit(differ.length === 0 ? 0 : 1);
}

main();
