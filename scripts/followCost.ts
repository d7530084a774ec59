/**
 * What "Follow a request" costs a page run while no one follows (issue 24): the worker's Runner,
 * driven as the page drives it (Fastest, slices of 20 ms of wall time between messages), on a
 * scenario, with its follower as the page has it (`page`) or switched off (`off`). Each run is a
 * fresh process; the two alternate. Prints events per second of the runner's wall time (the time
 * spent in its slices, as the report's `wallMs` counts it), the median of the runs, and the ratio.
 *
 *   npx tsx scripts/followCost.ts [runs=5] [durationS=120] [scenario.json]
 *   npx tsx scripts/followCost.ts --replay [durationS=600] [scenario.json]
 *
 * `--replay`: how long "Follow the slowest" waits at the end of a run of `durationS`: the wall
 * time of the run itself up to its last second, then of the replay (replay.ts) that traces a
 * request answered in that second.
 *
 * A benchmark: it asserts nothing. docs/measuring.md has the figures it gave.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Follower } from '../src/worker/follow';
import { Replay } from '../src/worker/replay';
import { Runner } from '../src/worker/runner';
import { Simulation } from '../simulation/simulation';

type Variant = 'page' | 'off';

/** One run in this process: events per wall second of the runner's slices. */
async function once(variant: Variant, durationS: number, file: string | null): Promise<number> {
  if (variant === 'off') Follower.prototype.attach = () => {};
  const runner = new Runner({
    now: () => performance.now(),
    schedule: (fn) => setImmediate(fn),
    cancel: (h) => clearImmediate(h as ReturnType<typeof setImmediate>),
  });
  const base = file ? JSON.parse(readFileSync(file, 'utf8')) : { version: 1 };
  const loaded = await runner.load({ ...base, durationS });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const done = new Promise<void>((resolve) => {
    runner.onUpdate = (u) => {
      if (u.status === 'done' || u.status === 'failed') resolve();
    };
  });
  runner.setSpeed('max');
  runner.play();
  await done;
  const r = runner.report();
  return r.events / (r.wallMs / 1000);
}

/** Wall ms of a run to its last second, then of the replay that traces a request arrived then. */
async function replayTime(durationS: number, file: string | null): Promise<void> {
  const { parseScenario } = await import('../simulation/index');
  const base = file ? JSON.parse(readFileSync(file, 'utf8')) : { version: 1 };
  const parsed = parseScenario({ ...base, durationS });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const sim = new Simulation(parsed.scenario);
  let t0 = performance.now();
  sim.runUntil((durationS - 1) * 1000);
  const runMs = performance.now() - t0;
  const request = sim.clients.arrived;
  t0 = performance.now();
  const out = new Replay(parsed.scenario, null, request).advance();
  const replayMs = performance.now() - t0;
  if (out === null || out === 'ended') throw new Error(`no trace of request ${request}`);
  console.log(`${durationS} s simulated (${file || 'default scenario'}): the run to ${durationS - 1} s took ${Math.round(runMs)} ms of wall time (${sim.events.toLocaleString('en-US')} events); the replay that traces request ${request.toLocaleString('en-US')} (arrived then) took ${Math.round(replayMs)} ms`);
}

async function main(): Promise<void> {
  const [a0, a1, a2, a3] = process.argv.slice(2);
  if (a0 === '--replay') return replayTime(Number(a1 ?? 600), a2 || null);
  if (a0 === '--once') {
    process.stdout.write(String(await once(a1 as Variant, Number(a2), a3 || null)));
    return;
  }
  const runs = Number(a0 ?? 5);
  const durationS = Number(a1 ?? 120);
  const file = a2 ?? '';
  const self = fileURLToPath(import.meta.url);
  const rates: Record<Variant, number[]> = { page: [], off: [] };
  for (let i = 0; i < runs; i++) {
    for (const v of (i % 2 ? ['off', 'page'] : ['page', 'off']) as Variant[]) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--once', v, String(durationS), file], { encoding: 'utf8' });
      rates[v].push(Number(out));
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  for (const v of ['page', 'off'] as Variant[]) console.log(`${v}: median ${fmt(median(rates[v]))} events/s (${rates[v].map(fmt).join(', ')})`);
  console.log(`off / page: ${(median(rates.off) / median(rates.page)).toFixed(2)}x (${file || 'default scenario'}, ${durationS} s simulated, ${runs} runs each)`);
}

void main();
