/** The command line, run as a person runs it (through tsx, as `npm run sim` does). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTS } from '../../simulation/parts/index';
import { seriesHeader } from '../../simulation/series';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const cli = join(process.cwd(), 'cli', 'cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'cqrs-cli-'));

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('cli', () => {
  it('cli --json prints one JSON report; --series writes one CSV row per window', () => {
    const f = file('small.json', JSON.stringify({ version: 1, durationS: 5, warmupS: 1 }));
    const csv = join(dir, 'series.csv');
    const out = execFileSync(tsx, [cli, f, '--json', '--series', csv, '--seed', '3'], { encoding: 'utf8' });
    const report = JSON.parse(out);
    expect(report.seed).toBe(3);
    expect(report.simulatedS).toBe(5);
    expect(report.queries.completed).toBeGreaterThan(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines.length).toBe(1 + 5);
    expect(lines[0]).toMatch(/^tS,commands\.offered,/);
    expect(lines[1].split(',').length).toBe(lines[0].split(',').length);
  });

  it("cli --series adds the columns of each part in the run (its section present), after the engine's", () => {
    const parts = PARTS.filter((p) => p.section && p.windowFigures);
    expect(parts.length).toBeGreaterThan(0);
    const f = file('parts.json', JSON.stringify({ version: 1, durationS: 3, warmupS: 1, ...Object.fromEntries(parts.map((p) => [p.section!.name, {}])) }));
    const csv = join(dir, 'parts.csv');
    execFileSync(tsx, [cli, f, '--series', csv], { encoding: 'utf8' });
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    const own = parts.flatMap((p) => p.windowFigures!.map(([id]) => id));
    expect(lines[0]).toBe([seriesHeader(), ...own].join(','));
    // Each window has a value in each of them (the parts were on from the start).
    for (const line of lines.slice(1)) expect(line.split(',').slice(-own.length).every((v) => v !== ''), line).toBe(true);
  });

  it('cli --drain runs on until nothing is in flight', () => {
    const f = file('drain.json', JSON.stringify({ version: 1, durationS: 5, warmupS: 1 }));
    const report = JSON.parse(execFileSync(tsx, [cli, f, '--json', '--drain'], { encoding: 'utf8' }));
    expect(report.simulatedS).toBeGreaterThan(5);
    expect(report.commands.inFlight + report.queries.inFlight).toBe(0);
  });

  it('cli --duration overrides the file and the summary is readable text', () => {
    const f = file('d.json', JSON.stringify({ version: 1 }));
    const out = execFileSync(tsx, [cli, f, '--duration', '7'], { encoding: 'utf8' });
    expect(out).toMatch(/7 s simulated/);
    expect(out).toMatch(/consistency lag/);
  });

  it('cli exits 2 with one line per problem, naming each field, and no stack trace', () => {
    const f = file('bad.json', JSON.stringify({ version: 1, queryService: { instances: -1 }, workload: { writeRatio: 2 }, bogus: 1 }));
    const r = spawnSync(tsx, [cli, f, '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines.some((l) => l.startsWith('queryService.instances: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('workload.writeRatio: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('bogus: unknown field'))).toBe(true);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('cli exits 2 on bad JSON, a missing file and bad options', () => {
    for (const args of [[file('x.json', '{ nope')], [join(dir, 'missing.json')], [file('ok.json', '{"version":1}'), '--seed', 'abc'], []]) {
      const r = spawnSync(tsx, [cli, ...args], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  // The hardening issue's reproducers, as a person would type them.
  const run = (args: string[], input?: string) => spawnSync(tsx, [cli, ...args], { encoding: 'utf8', input });

  it('cli refuses a prototype path in an intervention with exit 2, by name, and no stack trace', () => {
    for (const set of ['__proto__.polluted', '__proto__.toString']) {
      const f = file('proto.json', JSON.stringify({ version: 1, durationS: 2, warmupS: 0, interventions: [{ atS: 1, set, value: 5 }] }));
      const r = run([f]);
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`interventions[0].set: ${set}: unknown field`);
      expect(r.stderr).not.toMatch(/\bat .*:\d+/);
    }
  });

  it('cli refuses /dev/zero, 5,000 levels of nesting, an unwritable --series path and odd seeds with exit 2', () => {
    const nested = file('nested.json', '{"version":1,"name":' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    const ok = file('fine.json', '{"version":1,"durationS":2,"warmupS":0}');
    const cases: [string[], RegExp][] = [
      [['/dev/zero'], /^\(file\): too large: 4194305 characters, over the limit of 4194304$/m],
      [[nested], /^\(scenario\): nested more than 64 levels deep/m],
      [[ok, '--series', join(dir, 'no-such-dir', 'x.csv')], /^--series: cannot write .*x\.csv \(ENOENT\)$/m],
      [[ok, '--seed', ''], /^--seed: must be an integer from 0 to 4294967295, got ""$/m],
      [[ok, '--seed', '0x10'], /^--seed: must be an integer from 0 to 4294967295, got "0x10"$/m],
      [[ok, '--bogus'], /^\(options\): Unknown option '--bogus'/m],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });

  it('cli takes --seed=7, reads - from standard input and writes --series - to standard output', () => {
    const text = '{"version":1,"durationS":3,"warmupS":1}';
    const r = run(['-', '--seed=7', '--series', '-'], text);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^tS,commands\.offered,/);
    expect(lines.length).toBe(1 + 3);
    // With the series on standard output, the summary goes to standard error (--json there is refused: cliInput.test.ts).
    expect(r.stderr).toMatch(/^default \(seed 7\): 3 s simulated/);
  });

  it('cli --max-wall stops a long run with exit 3, the reason printed and in the report', () => {
    const f = file('long.json', JSON.stringify({ version: 1, durationS: 100_000, workload: { rps: 2000 } }));
    const r = run([f, '--json', '--max-wall', '0.5']);
    expect(r.status).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.stopped.reason).toBe('wall-clock limit of 0.5 s reached (--max-wall)');
    expect(report.simulatedS).toBeLessThan(100_000);
    expect(r.stderr).toMatch(/^run stopped at [\d.]+ s: wall-clock limit of 0\.5 s reached/m);
  });

  it('cli --replications gives each figure a mean and interval, the same as in-process runs', () => {
    const f = file('rep.json', JSON.stringify({ version: 1, durationS: 4, warmupS: 1 }));
    const r = run([f, '--replications', '3', '--json', '--workers', '2']);
    expect(r.status, r.stderr).toBe(0);
    const study = JSON.parse(r.stdout);
    expect(study.study).toBe('replications');
    expect(study.seeds).toEqual([1, 2, 3]);
    const p99 = study.figures['queries.latencyMs.p99'];
    expect(p99.n).toBe(3);
    const single = [1, 2, 3].map((seed) => JSON.parse(run([f, '--json', '--seed', String(seed)]).stdout).queries.latencyMs.p99);
    expect(p99.mean).toBe((single[0] + single[1] + single[2]) / 3);
  });

  it('cli --compare runs both on the same seeds and marks differences larger than the noise', () => {
    const a = file('a.json', JSON.stringify({ version: 1, durationS: 4, warmupS: 1 }));
    // B has one query worker for A's four: utilisation 0.96 against 0.24, a p99 several times larger.
    const b = file('b.json', JSON.stringify({ version: 1, durationS: 4, warmupS: 1, queryService: { instances: 1, vcpus: 1 } }));
    const r = run([a, '--compare', b, '--replications', '3']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^figure\s+A\s+B\s+B - A/m);
    expect(r.stdout).toMatch(/^queries\.latencyMs\.p99 .* \*$/m);
  });

  it('cli --sweep writes CSV, one row per point and figure, and refuses a bad field before running', () => {
    const f = file('sw.json', JSON.stringify({ version: 1, durationS: 3, warmupS: 1 }));
    const r = run([f, '--sweep', 'queryService.instances=1..3']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('queryService.instances,figure,n,mean,sd,ci95HalfWidth');
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['1', '2', '3']));
    const bad = run([f, '--sweep', 'queryService.instances=0..2000']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^--sweep: 0\.\.2000: more than 200 points$/m);
  });

  it('cli --check exits 4 when a threshold fails and 0 when it holds, saying what was measured', () => {
    const f = file('ck.json', JSON.stringify({ version: 1, durationS: 3, warmupS: 1 }));
    const fails = run([f, '--check', 'queries.latencyMs.p99 < 0.001', '--check', 'queries.offered > 0']);
    expect(fails.status).toBe(4);
    expect(fails.stderr).toMatch(/^check FAILED: queries\.latencyMs\.p99 = [\d.]+ not < 0\.001$/m);
    expect(fails.stderr).toMatch(/^check passed: queries\.offered = \d+ > 0$/m);
    expect(run([f, '--check', 'queries.offered > 0']).status).toBe(0);
    expect(run([f, '--check', 'nonsense']).status).toBe(2);
  });

  it('cli --help lists every option with examples', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const o of ['--seed', '--duration', '--json', '--series', '--drain', '--max-wall', '--replications', '--compare', '--sweep', '--check']) {
      expect(r.stdout).toContain(o);
    }
    expect(r.stdout).toMatch(/^Examples:/m);
  });
});
