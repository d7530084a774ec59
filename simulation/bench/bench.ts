/**
 * `npm run bench`: engine speed (events per wall second, simulated requests per wall second) on
 * M/M/1 and on the default CQRS scenario, and peak memory for a run and for one twice as long
 * (memory must be bounded by work in flight, not by run length).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { buildReport, runScenario, Simulation } from '../index';
import { bareMm1 } from './bare';
import { benchScale } from './scale';
import { benchShortRun, benchWorkers } from './shortRuns';
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

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
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

// Issue 10's yardstick: customers per CPU second of the engine's M/M/1 (full query path) against
// a bare event loop on the same model, in the same process, run in turn (bare, engine, bare, ...)
// so that a change in the machine's load touches both; the median of 7 ratios after a warm-up.
{
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const cpuS = (f: () => void) => {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };
  const engineRate = (durationS: number) => {
    let customers = 0;
    const s = cpuS(() => {
      const r = runScenario(SCENARIOS.mm1(durationS));
      customers = r.queries.offered;
    });
    return customers / s;
  };
  bareMm1(200_000);
  engineRate(250);
  const bare: number[] = [];
  const engine: number[] = [];
  for (let i = 0; i < 7; i++) {
    bare.push(2_000_000 / cpuS(() => bareMm1(2_000_000)));
    engine.push(engineRate(2500));
  }
  const ratios = engine.map((e, i) => e / bare[i]);
  console.log(
    `mm1 against a bare event loop: engine ${fmt(median(engine))} customers per CPU second, bare loop ${fmt(median(bare))}: ` +
      `${median(ratios).toFixed(2)} of the bare loop (range ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}; ` +
      `target >= 0.6; load average ${os.loadavg()[0].toFixed(2)})`,
  );
}

// Issue 10: a short run's cost per request against a long run's, and replications on 1 and 2 workers.
benchShortRun();
await benchWorkers();
