/**
 * Issue 26: a plan's wall time on the README's example (the line with --plan that is not a shard),
 * with the prebuilt command (bundled into a temporary folder, as `npm install` builds dist-cli/)
 * on 1 worker thread and on 2, in turns (3 pairs, medians): the designs it evaluated, its runs and
 * the seconds it took. Process start-up and each worker's start are part of what is timed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './measures';

/** The README's plan example, split as the shell splits it, without `npm run sim --`. */
export function readmePlanArgs(readme: string): string[] {
  const line = readme.split('\n').find((l) => l.startsWith('npm run sim -- ') && l.includes(' --plan ') && !l.includes('--shard'));
  if (line === undefined) throw new Error('README.md has no plan example (a line "npm run sim -- ... --plan ...")');
  const command = line.replace(/\s{2,}#.*$/, '').replace('npm run sim -- ', '');
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

export function benchPlan(): void {
  const dir = mkdtempSync(join(tmpdir(), 'cqrs-lab-plan-bench-'));
  try {
    execFileSync(process.execPath, ['scripts/buildCli.mjs', dir], { stdio: 'inherit' });
    const args = readmePlanArgs(readFileSync('README.md', 'utf8'));
    let shape = { evaluated: 0, runs: 0, designs: 0 };
    const once = (workers: number) => {
      const t0 = process.hrtime.bigint();
      const out = execFileSync(process.execPath, [join(dir, 'cli.js'), ...args, '--json', '--workers', String(workers)], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
      const plan = JSON.parse(out).plan as typeof shape;
      shape = { evaluated: plan.evaluated, runs: plan.runs, designs: plan.designs };
      return wallS;
    };
    const one: number[] = [];
    const two: number[] = [];
    for (let i = 0; i < 3; i++) {
      one.push(once(1));
      two.push(once(2));
    }
    console.log(
      `plan: the README's example (${shape.designs} designs): ${shape.evaluated} designs evaluated, ${shape.runs} runs; ` +
        `1 worker ${median(one).toFixed(1)} s, 2 workers ${median(two).toFixed(1)} s (medians of 3 turns; ` +
        `${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(2)})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Alone: `npx tsx simulation/bench/planBench.ts`.
if (process.argv[1]?.endsWith('planBench.ts')) benchPlan();
