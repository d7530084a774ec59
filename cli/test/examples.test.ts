/** The command line runs examples by id (`npm run sim -- flash-sale`) and lists them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../simulation/index';
import { EXAMPLES, exampleById, exampleIds } from '../../simulation/examples';
import { formatExampleList } from '../exampleList';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const cli = join(process.cwd(), 'cli', 'cli.ts');
const run = (args: string[], cwd = process.cwd()) => spawnSync(tsx, [cli, ...args], { encoding: 'utf8', cwd });
const withoutWall = (r: object) => ({ ...r, wallMs: 0 });

/** The report of an example run in-process, shortened to `durationS`. */
function inProcess(id: string, durationS: number) {
  const parsed = parseScenario({ ...exampleById(id)!.scenario, durationS });
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  return JSON.parse(JSON.stringify(runScenario(parsed.scenario))) as object;
}

describe('cli examples', () => {
  it('cli <example id> runs that example: the same report as in-process', () => {
    const r = run(['hot-shard-hash', '--json', '--duration', '10']);
    expect(r.status, r.stderr).toBe(0);
    expect(withoutWall(JSON.parse(r.stdout))).toEqual(withoutWall(inProcess('hot-shard-hash', 10)));
  });

  it('cli --list-examples lists every id and exits 0; --help mentions it', () => {
    const r = run(['--list-examples']);
    expect(r.status).toBe(0);
    for (const id of exampleIds()) expect(r.stdout).toMatch(new RegExp(`^  ${id} `, 'm'));
    expect(run(['--help']).stdout).toContain('--list-examples');
  });

  it('cli with an id that names no example and no file exits 2 and points at --list-examples', () => {
    const r = run(['flash-sal']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^flash-sal: cannot read the file \(ENOENT\); no example has this id either \(--list-examples lists them\)$/m);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('cli prefers a file over an example of the same name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqrs-cli-ex-'));
    writeFileSync(join(dir, 'flash-sale'), JSON.stringify({ version: 1, name: 'my own file', durationS: 3, warmupS: 1 }));
    const r = run(['flash-sale', '--json'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).scenario).toBe('my own file');
  });

  it('cli --compare takes an example id too', () => {
    const r = run(['indexing', '--compare', 'indexing-indexed', '--replications', '2', '--duration', '10', '--workers', '1', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { figures: Record<string, { a: { mean: number }; b: { mean: number } }> };
    // The unindexed read model is the slower one.
    expect(out.figures['queries.latencyMs.p50'].a.mean).toBeGreaterThan(out.figures['queries.latencyMs.p50'].b.mean);
  });
});

describe('the list of examples', () => {
  it('formatExampleList() has one line per id, with its quiz question', () => {
    const text = formatExampleList();
    for (const e of EXAMPLES) {
      expect(text).toMatch(new RegExp(`^  ${e.id} +${e.question} `, 'm'));
      for (const v of e.variants ?? []) expect(text).toMatch(new RegExp(`^  ${v.id} +${e.question} `, 'm'));
    }
  });
});
