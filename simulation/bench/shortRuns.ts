/**
 * Issue 10's speed where it now matters: what a short run costs per request against a long one
 * (a sweep is many short runs), and how replications scale from one worker thread to two. Times
 * are CPU time of this process where one thread runs (less disturbed by other work on a shared
 * machine than wall time); scaling across threads can only be wall time.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { defaultScenario, runScenario, type Scenario } from '../index';
import { runAll } from '../study/nodePool';
import { withSeed } from '../study/study';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => os.loadavg()[0].toFixed(2);

/** CPU µs per request offered of one default run of `durationS`, in this process. */
function perRequest(durationS: number): number {
  const c0 = process.cpuUsage();
  const r = runScenario({ ...defaultScenario(), durationS });
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / (r.commands.offered + r.queries.offered);
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

async function studyWall(jobs: Scenario[], workers: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  await runAll(jobs, workers);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Replications on one worker thread and on two, wall time (median of 3 each, alternating): 8 runs
 * of the default scenario at 600 s, so that a worker's start-up is a small part of its work.
 */
export async function benchWorkers(replications = 8, durationS = 600): Promise<void> {
  const base = { ...defaultScenario(), durationS };
  const jobs = Array.from({ length: replications }, (_, k) => withSeed(base, base.seed + k));
  const one: number[] = [];
  const two: number[] = [];
  for (let i = 0; i < 3; i++) {
    one.push(await studyWall(jobs, 1));
    two.push(await studyWall(jobs, 2));
  }
  const a = median(one);
  const b = median(two);
  console.log(
    `replications: ${replications} runs of the default scenario (${durationS} s): 1 worker ${a.toFixed(0)} ms, 2 workers ${b.toFixed(0)} ms: ` +
      `${(a / b).toFixed(2)}x (target >= 1.7x; ${os.availableParallelism()} cores, load average ${load()})`,
  );
}
