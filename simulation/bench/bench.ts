/**
 * `npm run bench`: engine speed (events per wall second, simulated requests per wall second) on
 * M/M/1 and on the default CQRS scenario, and peak memory for a run and for one twice as long
 * (memory must be bounded by work in flight, not by run length).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { buildReport, Simulation } from '../index';
import { benchScale } from './scale';
import { benchPlan } from './planBench';
import { benchShortRun, benchWorkers } from './shortRuns';
import { benchStageCost } from './stageCost';
import { benchVersus } from './versus';
import { fmt } from './measures';
import { SCENARIOS, type ScenarioName } from './scenarios';

function once(name: ScenarioName, durationS: number) {
  const sim = new Simulation(SCENARIOS[name](durationS));
  const t0 = process.hrtime.bigint();
  for (let t = 60_000; !sim.done; t += 60_000) {
    sim.runUntil(t);
    sim.drainWindows();
  }
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const r = buildReport(sim);
  const requests = r.commands.offered + r.queries.offered;
  return { events: sim.events, wallS, eventsPerS: sim.events / wallS, requestsPerS: requests / wallS };
}

/** The median of 5 measured runs, after one unmeasured run that lets the JIT compile the hot paths. */
function speed(name: ScenarioName, durationS: number) {
  once(name, durationS);
  const runs = Array.from({ length: 5 }, () => once(name, durationS)).sort((a, b) => a.wallS - b.wallS);
  return runs[2];
}

function memory(name: ScenarioName, durationS: number): { peakHeapMb: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'simulation/bench/memoryRun.ts', name, String(durationS)], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

const targets: Record<ScenarioName, string> = {
  mm1: 'target >= 8,000,000 events/s',
  cqrs: 'target >= 500,000 requests/s',
};
const durations: Record<ScenarioName, number> = { mm1: 3000, cqrs: 3000 };

console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}`);
for (const name of Object.keys(SCENARIOS) as ScenarioName[]) {
  const s = speed(name, durations[name]);
  console.log(
    `${name}: ${fmt(s.events)} events in ${s.wallS.toFixed(2)} s wall: ${fmt(s.eventsPerS)} events/s, ` +
      `${fmt(s.requestsPerS)} simulated requests/s (median of 5; ${targets[name]})`,
  );
  const short = memory(name, durations[name] / 2);
  const long = memory(name, durations[name]);
  const growth = (long.peakHeapMb / short.peakHeapMb - 1) * 100;
  console.log(
    `${name}: peak heap ${short.peakHeapMb.toFixed(1)} MB for ${durations[name] / 2} s, ${long.peakHeapMb.toFixed(1)} MB for ` +
      `${durations[name]} s (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%, target within 10%); ` +
      `peak RSS ${short.maxRssMb.toFixed(0)} MB / ${long.maxRssMb.toFixed(0)} MB`,
  );
}
benchScale();

// Issue 27: memory per request in flight, in a process of its own with the collector exposed.
const held = JSON.parse(
  execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'simulation/bench/inFlightMemory.ts'], { encoding: 'utf8' }),
) as { bytesPerInFlight: number; least: number; most: number; inFlight: [number, number] };
console.log(
  `memory per request in flight (overloaded M/M/1, ${fmt(held.inFlight[0])} to ${fmt(held.inFlight[1])} in flight): ` +
    `${fmt(held.bytesPerInFlight)} bytes (${fmt(held.least)} to ${fmt(held.most)} between points, as the typed arrays double)`,
);

// Issue 10's yardstick, in a process of its own (see ratio.ts).
process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', 'simulation/bench/ratio.ts'], { encoding: 'utf8' }));

// Issue 10: a short run's cost per request against a long run's, and replications on 1 and 2 workers.
benchShortRun();
await benchWorkers();

// Issue 26: a plan's wall time on the README's example, on 1 and 2 worker threads.
benchPlan();

// Issue 24: what the always-on stage sums cost, this tree against itself with them switched off.
await benchStageCost();

// Issue 11: the engine against itself before it was split into parts (dbc07dc), side by side.
await benchVersus('dbc07dc');
