/**
 * The engine's M/M/1 (ratio.ts's scenario) run in a process of its own, for a profiler:
 * `node --cpu-prof --import tsx simulation/bench/mm1Run.ts 5000`, or under valgrind for
 * instructions per customer. Prints the customers served.
 */
import { runScenario } from '../index';
import { SCENARIOS } from './scenarios';

const durationS = Number(process.argv[2] ?? 2500);
runScenario(SCENARIOS.mm1(50));
const r = runScenario(SCENARIOS.mm1(durationS));
console.log(JSON.stringify({ customers: r.queries.offered }));
