/**
 * The prebuilt command (`cqrs-lab`, package.json bin): bundled by scripts/buildCli.mjs into a
 * temporary folder here, then run as a user runs it. Its reports and study figures are the ones
 * the engine gives in-process, and --json prints nothing but JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, replicationRows, runScenario, seedsFor, withSeed, type Scenario } from '../simulation/index';
import { exampleById } from '../simulation/examples/index';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
const file = join(root, 'e2e/scenarios/study.json');
const run = (...args: string[]) => execFileSync(process.execPath, [join(tmp, 'cli.js'), ...args], { cwd: root, encoding: 'utf8' });

let scenario: Scenario;
beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts/buildCli.mjs'), tmp], { cwd: root, stdio: 'inherit' });
  const r = parseScenarioText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error('the test scenario is valid');
  scenario = r.scenario;
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the bundled CLI', () => {
  it('cli.js --json prints only the report, the same as runScenario in-process (wallMs aside)', () => {
    const out = run(file, '--json');
    const report = JSON.parse(out) as Record<string, unknown>;
    expect({ ...report, wallMs: 0 }).toEqual(JSON.parse(JSON.stringify({ ...runScenario(scenario), wallMs: 0 })));
  });

  it('cli.js --version and -v print the package version alone', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run('--version')).toBe(`${version}\n`);
    expect(run('-v')).toBe(`${version}\n`);
  });

  it('cli.js --replications runs its bundled worker threads and gives the in-process means and intervals', () => {
    const out = JSON.parse(run(file, '--replications', '2', '--workers', '2', '--json')) as { figures: Record<string, unknown> };
    const rows = replicationRows(seedsFor(scenario.seed, 2).map((s) => runScenario(withSeed(scenario, s))));
    expect(out.figures).toEqual(JSON.parse(JSON.stringify(Object.fromEntries(rows.map((r) => [r.figure, r.a])))));
  });

  it("a worker thread's start loads the engine, not zod (the check of timed changes loads when a scenario has them)", () => {
    // The worker's module and every module it imports statically, as Node loads them at its start.
    const loaded = new Map<string, string>();
    const visit = (path: string) => {
      if (loaded.has(path)) return;
      const text = readFileSync(path, 'utf8');
      loaded.set(path, text);
      for (const m of text.matchAll(/^(?:import|export)\b[^;]*?from "(\.[^"]+)"|^import "(\.[^"]+)"/gm)) visit(join(path, '..', m[1] ?? m[2]));
    };
    visit(join(tmp, 'poolWorker.js'));
    const all = [...loaded.values()].join('\n');
    expect(all).toContain('function runScenario(');
    // zod's path comments (this build is not minified) and its class names, string literals a minifier keeps.
    expect(all).not.toMatch(/\bzod\b|"\$ZodType"/);
    // The replications test above runs a scenario with interventions on the workers: the lazy chunk loads there.
    expect(scenario.interventions.length).toBeGreaterThan(0);
  });

  it('cqrs-lab --help (the bin link to cli.js) names itself in the usage and the examples, not npm run sim', () => {
    const bin = join(tmp, 'cqrs-lab');
    symlinkSync(join(tmp, 'cli.js'), bin);
    const out = execFileSync(process.execPath, [bin, '--help'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_lifecycle_event: '' } });
    expect(out).toMatch(/^usage: cqrs-lab <scenario\.json/);
    expect(out).toMatch(/^ {2}cqrs-lab flash-sale$/m);
    expect(out).not.toContain('npm run');
  });

  it('cli.js runs an example by id (its scenarios are bundled) and lists the examples', () => {
    const parsed = parseScenario({ ...exampleById('flash-sale')!.scenario, durationS: 15 });
    if (!parsed.ok) throw new Error('flash-sale is valid');
    const report = JSON.parse(run('flash-sale', '--json', '--duration', '15')) as Record<string, unknown>;
    expect({ ...report, wallMs: 0 }).toEqual(JSON.parse(JSON.stringify({ ...runScenario(parsed.scenario), wallMs: 0 })));
    expect(run('--list-examples')).toMatch(/^  flash-sale +q5 /m);
  });
});
