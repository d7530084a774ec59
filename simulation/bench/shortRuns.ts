/**
 * Issue 10's speed where it now matters: what a short run costs per request against a long one
 * (a sweep is many short runs), and how replications scale from one worker thread to two. Times
 * are CPU time of this process where one thread runs (less disturbed by other work on a shared
 * machine than wall time); scaling across threads can only be wall time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario, runScenario } from '../index';
import { bundleForNode } from './bundle';
import { cpuSeconds, median, rangeOf } from './measures';

const load = () => os.loadavg()[0].toFixed(2);

/** CPU µs per request offered of one default run of `durationS`, in this process. */
function perRequest(durationS: number): number {
  let requests = 0;
  const s = cpuSeconds(() => {
    const r = runScenario({ ...defaultScenario(), durationS });
    requests = r.commands.offered + r.queries.offered;
  });
  return (s * 1e6) / requests;
}

/** The same in a fresh process: its first run, before anything is compiled (median of `n` processes). */
function coldPerRequest(durationS: number, n: number): number {
  return median(
    Array.from({ length: n }, () => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'simulation/bench/oneRun.ts', String(durationS)], { encoding: 'utf8' });
      const r = JSON.parse(out) as { cpuMs: number; requests: number };
      return (r.cpuMs * 1000) / r.requests;
    }),
  );
}

export function benchShortRun(): void {
  for (let i = 0; i < 3; i++) perRequest(60); // compiled, as in a study's worker after its first run
  const warm60 = median(Array.from({ length: 9 }, () => perRequest(60)));
  const warm3600 = median(Array.from({ length: 3 }, () => perRequest(3600)));
  console.log(
    `short run, default scenario, CPU per request: 60 s ${warm60.toFixed(2)} µs, 3,600 s ${warm3600.toFixed(2)} µs: ` +
      `${(warm60 / warm3600).toFixed(2)}x (target <= 2x; medians, in a process that has run before; load average ${load()})`,
  );
  const cold60 = coldPerRequest(60, 5);
  const cold3600 = coldPerRequest(3600, 3);
  console.log(
    `short run in a fresh process (the first run, nothing compiled yet): 60 s ${cold60.toFixed(2)} µs, 3,600 s ${cold3600.toFixed(2)} µs: ` +
      `${(cold60 / cold3600).toFixed(2)}x (load average ${load()})`,
  );
}

/** Wall ms of one command (the machine's other work lengthens it: hence turns and medians). */
function wallOf(args: string[]): number {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Replications on one worker thread and on two, as a user runs them: the prebuilt command
 * (bundled into a temporary folder, as `npm install` builds dist-cli/) on the study issue 10
 * names, a sweep of 10 points with 20 replications at each (200 runs of the default 60 s
 * scenario). Wall time, in turns (1 worker, 2 workers, ...), 5 pairs; the ratio is the median of
 * the pairs' ratios, so that a change in the machine's speed during the bench touches both sides
 * of a ratio (of 3 turns and the ratio of medians, it moved by 0.1 from one bench to the next on
 * this shared machine). Process start-up
 * and each worker's start and warm-up (compiling the engine) are part of what is timed.
 */
export async function benchWorkers(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cqrs-lab-bench-'));
  try {
    execFileSync(process.execPath, ['scripts/buildCli.mjs', dir], { stdio: 'inherit' });
    const study = (workers: number) => [join(dir, 'cli.js'), 'default', '--sweep', 'queryService.instances=1..10', '--replications', '20', '--workers', String(workers)];
    const one: number[] = [];
    const two: number[] = [];
    for (let i = 0; i < 5; i++) {
      one.push(wallOf(study(1)));
      two.push(wallOf(study(2)));
    }
    const ratios = one.map((a, i) => a / two[i]);
    const ratio = median(ratios);
    console.log(
      `replications: a sweep of 10 points x 20 replications (200 runs of the default 60 s scenario) with the prebuilt command: ` +
        `1 worker ${median(one).toFixed(0)} ms, 2 workers ${median(two).toFixed(0)} ms (medians): ${ratio.toFixed(2)}x, median of 5 pairs ` +
        `(${rangeOf(ratios)}; target >= 1.7x; ${os.availableParallelism()} cores, load average ${load()})`,
    );
    // The machine's own ceiling: the bare loop shared out the same way (bareScaling.ts).
    await bundleForNode({ entryPoints: ['simulation/bench/bareScaling.ts', 'simulation/bench/bareWorker.ts'], outdir: dir });
    const bare = Array.from({ length: 3 }, () => JSON.parse(execFileSync(process.execPath, [join(dir, 'bareScaling.js')], { encoding: 'utf8' })) as { one: number; two: number });
    const ceiling = median(bare.map((m) => m.one / m.two));
    console.log(
      `this machine's own scaling from 1 thread to 2 (the bare M/M/1 loop shared out as 20 jobs, median of 3): ${ceiling.toFixed(2)}x; ` +
        `the replications above reach ${((ratio / ceiling) * 100).toFixed(0)}% of it (load average ${load()})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
