/**
 * Issue 10's yardstick: customers per CPU second of the engine's M/M/1 (full query path) against
 * a bare event loop on the same model, run in turn (bare, engine, bare, ...) so that a change in
 * the machine's load touches both; the median of 7 ratios after a warm-up. In a process of its
 * own (`npm run bench` starts it): after the other benchmarks the engine's call sites have seen
 * other scenarios and run M/M/1 slower than a user's process would.
 *
 * A third loop, the bare one keeping the engine's books (bare.ts, `bareMm1Kept`: histograms, the
 * latency's stage sums, time integrals, windows; keptBooks.test.ts holds them against the report), splits the gap:
 * the bare loop to it is the cost of the bookkeeping a report needs, it to the engine the cost of
 * the rest of the model.
 */
import os from 'node:os';
import { runScenario } from '../index';
import { bareMm1, bareMm1Kept } from './bare';
import { cpuSeconds, fmt, median, rangeOf } from './measures';
import { SCENARIOS } from './scenarios';

const engineRate = (durationS: number) => {
  let customers = 0;
  const s = cpuSeconds(() => {
    const r = runScenario(SCENARIOS.mm1(durationS));
    customers = r.queries.offered;
  });
  return customers / s;
};
bareMm1(200_000);
bareMm1Kept(200_000);
engineRate(250);
const bare: number[] = [];
const kept: number[] = [];
const engine: number[] = [];
for (let i = 0; i < 7; i++) {
  bare.push(2_000_000 / cpuSeconds(() => bareMm1(2_000_000)));
  kept.push(2_000_000 / cpuSeconds(() => bareMm1Kept(2_000_000)));
  engine.push(engineRate(2500));
}
const ratios = engine.map((e, i) => e / bare[i]);
console.log(
  `mm1 against a bare event loop: engine ${fmt(median(engine))} customers per CPU second, bare loop ${fmt(median(bare))}: ` +
    `${median(ratios).toFixed(2)} of the bare loop (${rangeOf(ratios)}; target >= 0.6; load average ${os.loadavg()[0].toFixed(2)})`,
);
const keptRatios = kept.map((k, i) => k / bare[i]);
const engineToKept = engine.map((e, i) => e / kept[i]);
console.log(
  `mm1, where the gap is: the bare loop keeping the engine's books (histograms, stage sums, time integrals, windows) runs ${fmt(median(kept))} ` +
    `customers per CPU second, ${median(keptRatios).toFixed(2)} of the bare loop (${rangeOf(keptRatios)}); the engine runs ` +
    `${median(engineToKept).toFixed(2)} of that (${rangeOf(engineToKept)})`,
);
