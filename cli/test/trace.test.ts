/** `--trace`: OTLP/JSON of a sample of requests, the same bytes for the same scenario and seed; its options checked. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const cli = join(process.cwd(), 'cli', 'cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'cqrs-trace-'));

describe('cli --trace', () => {
  const f = join(dir, 'small.json');
  writeFileSync(f, JSON.stringify({ version: 1, durationS: 4, warmupS: 1 }));

  it('writes OTLP/JSON, byte-identical for the same scenario and seed, to a file or to standard output', () => {
    const a = join(dir, 'a.json');
    execFileSync(tsx, [cli, f, '--trace', a, '--trace-every', '20', '--trace-ids', '2'], { encoding: 'utf8' });
    const out = execFileSync(tsx, [cli, f, '--trace', '-', '--trace-every', '20', '--trace-ids', '2'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const text = readFileSync(a, 'utf8');
    expect(out).toBe(text);
    const doc = JSON.parse(text) as { resourceSpans: { scopeSpans: { spans: { traceId: string; name: string }[] }[] }[] };
    const spans = doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    expect(spans.some((s) => s.name === 'query' && s.traceId.endsWith('0000000000000002'))).toBe(true);
    const other = execFileSync(tsx, [cli, f, '--trace', '-', '--trace-every', '20', '--seed', '9'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(other).not.toBe(text);
  });

  it('refuses bad trace options with exit 2, naming the option', () => {
    for (const [args, message] of [
      [['--trace-every', '5'], /^--trace-every: needs --trace FILE/m],
      [['--trace', '-', '--json'], /^--trace: - \(standard output\) cannot go with --json/m],
      [['--trace', join(dir, 't.json'), '--trace-every', 'x'], /^--trace-every: must be a whole number from 0 to 1000000/m],
      [['--trace', join(dir, 't.json'), '--trace-ids', '1,0'], /^--trace-ids: must be at most 1000 request numbers/m],
      [['--trace', join(dir, 't.json'), '--replications', '2'], /^--trace: is for a single run, not a study/m],
      [['--trace', join(dir, 'no-such-dir', 't.json')], /^--trace: cannot write .*t\.json \(ENOENT\)$/m],
    ] as const) {
      const r = spawnSync(tsx, [cli, f, ...args], { encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
