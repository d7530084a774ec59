/**
 * The engine against an earlier revision of itself, built side by side and timed in turn:
 * `npm run bench:versus -- <revision> [pairs]` (and `npm run bench` against the revision before
 * the engine was split into parts, issue 11's "within 5% of before").
 *
 * Both engines are bundled the same way (esbuild, from the working tree and from `git archive`
 * of the revision); each measurement is a fresh process that runs a scenario once to compile it,
 * then times five runs of 300 s each by their CPU time and keeps the fastest: a run that other
 * work on the machine slowed (this machine's runs vary by 15% from one to the next) is not the
 * one kept. Old and new alternate, pair by pair, so a change in the machine's load touches both;
 * the ratio is new over old in simulated requests per CPU second (above 1: the working tree is
 * faster), the median of the pairs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from './bundle';
import { fmt, median, rangeOf } from './measures';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIO_NAMES = ['mm1', 'cqrs'] as const;

// Runs in the bundled process: warm-up, then one measured run; prints requests per CPU second.
const RUNNER = `
import { runScenario } from './simulation/index';
import { SCENARIOS } from './simulation/bench/scenarios';
const make = (SCENARIOS as Record<string, (d: number) => Parameters<typeof runScenario>[0]>)[process.argv[2]];
const durationS = Number(process.argv[3]);
runScenario(make(durationS / 10));
let best = 0;
for (let i = 0; i < 5; i++) {
  const c0 = process.cpuUsage();
  const r = runScenario(make(durationS / 5));
  const c = process.cpuUsage(c0);
  best = Math.max(best, (r.commands.offered + r.queries.offered) / ((c.user + c.system) / 1e6));
}
console.log(String(best));
`;

/** Bundles the engine of `tree` (a folder holding a copy of `simulation/`) with the runner above, to `out`. */
export async function bundleTree(tree: string, out: string): Promise<void> {
  writeFileSync(join(tree, 'versusRunner.ts'), RUNNER);
  // simulation/tsconfig.json extends the project's: both trees bundle with today's.
  execFileSync('cp', [join(root, 'tsconfig.json'), tree]);
  await bundleForNode({ entryPoints: [join(tree, 'versusRunner.ts')], outfile: out, nodePaths: [join(root, 'node_modules')] });
}

/** A fresh process of bundle `file`: `scenario`'s simulated requests per CPU second, its fastest of five runs. */
export const requestsPerCpuSecond = (file: string, scenario: string, durationS: number): number =>
  Number(execFileSync(process.execPath, [file, scenario, String(durationS)], { encoding: 'utf8' }).trim());

/** Prints, per scenario, the working tree's speed over `revision`'s. False when the revision cannot be read. */
export async function benchVersus(revision: string, pairs = 7, durationS = 1500): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'cqrs-lab-versus-'));
  try {
    const oldTree = join(dir, 'old');
    mkdirSync(oldTree);
    try {
      const tar = execFileSync('git', ['archive', revision, 'simulation'], { cwd: root, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
      execFileSync('tar', ['-x', '-C', oldTree], { input: tar });
    } catch {
      console.log(`versus ${revision}: that revision's engine cannot be read here (no git history?); skipped`);
      return false;
    }
    const newTree = join(dir, 'new');
    mkdirSync(newTree);
    execFileSync('cp', ['-r', join(root, 'simulation'), newTree]);
    await bundleTree(oldTree, join(dir, 'old.mjs'));
    await bundleTree(newTree, join(dir, 'new.mjs'));
    for (const scenario of SCENARIO_NAMES) {
      const olds: number[] = [];
      const news: number[] = [];
      for (let i = 0; i < pairs; i++) {
        olds.push(requestsPerCpuSecond(join(dir, 'old.mjs'), scenario, durationS));
        news.push(requestsPerCpuSecond(join(dir, 'new.mjs'), scenario, durationS));
      }
      const ratios = news.map((n, i) => n / olds[i]);
      console.log(
        `versus ${revision}, ${scenario}: this tree ${fmt(median(news))}, ${revision} ${fmt(median(olds))} simulated requests per CPU second; ` +
          `this tree / ${revision}: median ${median(ratios).toFixed(3)} of ${pairs} pairs (${rangeOf(ratios)}; target >= 0.95)`,
      );
    }
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a script (not imported by bench.ts): compared as real paths, so that a folder reached
// through a link still runs it (it printed nothing and exited 0 there).
if (process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1])) {
  const [revision, pairs] = process.argv.slice(2);
  if (!revision) {
    console.error('usage: npm run bench:versus -- <git revision> [pairs]');
    process.exitCode = 2;
  } else if (!(await benchVersus(revision, pairs ? Number(pairs) : undefined))) process.exitCode = 1;
}
