/** The command line, run as a person runs it (through tsx, as `npm run sim` does). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const cli = join(process.cwd(), 'simulation', 'cli.ts');
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
});
