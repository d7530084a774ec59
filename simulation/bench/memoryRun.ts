/**
 * One run in its own process, for a clean memory measurement: prints the peak of heap used
 * (sampled after a full GC between slices of 10 simulated seconds) and the peak RSS.
 * Usage: node --expose-gc --import tsx simulation/bench/memoryRun.ts <mm1|cqrs> <durationS>
 */
import { Simulation } from '../index';
import { SCENARIOS, type ScenarioName } from './scenarios';

const [name, duration] = process.argv.slice(2);
const scenario = SCENARIOS[name as ScenarioName](Number(duration));
const gc = (globalThis as { gc?: () => void }).gc;
const sim = new Simulation(scenario);
let peakHeap = 0;
for (let t = 10_000; !sim.done; t += 10_000) {
  sim.runUntil(t);
  sim.drainWindows();
  gc?.();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
console.log(JSON.stringify({ peakHeapMb: peakHeap / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024, events: sim.events }));
