/**
 * Memory per request in flight (issue 27: "memory per in-flight request printed by the bench").
 * An overloaded M/M/1 (`mm1Overloaded` in scenarios.ts) piles up about 1,000 requests a
 * simulated second; the JavaScript heap plus the typed arrays' buffers is read after a full
 * collection at each 20 s, and the growth between two points over the growth in requests in flight is the cost of one. The request state lives in typed
 * arrays that double as they fill, so this is the average cost of a request in flight, spare
 * capacity included, not the size of one slot (162 bytes, limits.ts): the figure between two
 * points jumps with each doubling, and the slope over all ten points is the one printed, with the
 * least and the most between the first point and each other.
 *
 * In a process of its own, with the collector exposed:
 * `node --expose-gc --import tsx simulation/bench/inFlightMemory.ts` (npm run bench runs it).
 */
import { Simulation } from '../index';
import { mm1Overloaded } from './scenarios';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  console.error('run with node --expose-gc');
  process.exit(2);
}

const sim = new Simulation(mm1Overloaded(200));
const bytes = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const points: { inFlight: number; bytes: number }[] = [];
for (let t = 20_000; t <= 200_000; t += 20_000) {
  sim.runUntil(t);
  sim.drainWindows();
  points.push({ inFlight: sim.reqs.live, bytes: bytes() });
}
const each: number[] = [];
for (let i = 1; i < points.length; i++) each.push((points[i].bytes - points[0].bytes) / (points[i].inFlight - points[0].inFlight));
// Least squares over all points.
const n = points.length;
const mx = points.reduce((s, p) => s + p.inFlight, 0) / n;
const my = points.reduce((s, p) => s + p.bytes, 0) / n;
const slope = points.reduce((s, p) => s + (p.inFlight - mx) * (p.bytes - my), 0) / points.reduce((s, p) => s + (p.inFlight - mx) ** 2, 0);
console.log(
  JSON.stringify({
    bytesPerInFlight: Math.round(slope),
    least: Math.round(Math.min(...each)),
    most: Math.round(Math.max(...each)),
    inFlight: [points[0].inFlight, points[n - 1].inFlight],
  }),
);
