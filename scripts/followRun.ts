/**
 * The default CQRS scenario run as the page's worker runs it, in a process of its own, for
 * valgrind (docs/measuring.md, "Following a request"): one Simulation, its follower attached as
 * the page attaches it (`page`) or none (`off`), run in slices of a second with the windows
 * drained, after a short warm-up run. Prints the client requests offered; instructions per request
 * come from two run lengths.
 *
 *   npx esbuild scripts/followRun.ts --bundle --platform=node --format=esm --outfile=/tmp/followRun.mjs
 *   valgrind --tool=cachegrind --cache-sim=no node --single-threaded /tmp/followRun.mjs 300 page
 */
import { buildReport } from '../simulation/report';
import { cqrs } from '../simulation/bench/scenarios';
import { Simulation } from '../simulation/simulation';
import { Follower } from '../src/worker/follow';

const durationS = Number(process.argv[2] ?? 300);
const follow = (process.argv[3] ?? 'page') === 'page';

function run(d: number): number {
  const scenario = cqrs(d);
  const sim = new Simulation(scenario);
  const source = { scenario: () => scenario, changeFn: () => ({ ok: true as const, scenario }), wake: () => {} };
  if (follow) new Follower().attach(sim, source);
  for (let t = 0; !sim.done; ) {
    t += 1000;
    sim.runUntil(t);
    sim.drainWindows();
  }
  const r = buildReport(sim);
  return r.queries.offered + r.commands.offered;
}

run(20);
console.log(JSON.stringify({ requests: run(durationS) }));
