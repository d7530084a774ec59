/**
 * One bench scenario (M/M/1 by default, as ratio.ts runs it; or `cqrs`, the default scenario) run
 * in a process of its own, after a short warm-up run, for a profiler or valgrind:
 * `node --cpu-prof --import tsx simulation/bench/mm1Run.ts 5000 [mm1|cqrs]`. Prints the client
 * requests offered (queries and commands); instructions per request come from two run lengths
 * (docs/measuring.md).
 */
import { runScenario } from '../index';
import { SCENARIOS, type ScenarioName } from './scenarios';

const durationS = Number(process.argv[2] ?? 2500);
const name = (process.argv[3] ?? 'mm1') as ScenarioName;
if (!(name in SCENARIOS)) throw new Error(`unknown scenario "${name}": mm1 or cqrs`);
runScenario(SCENARIOS[name](50));
const r = runScenario(SCENARIOS[name](durationS));
console.log(JSON.stringify({ customers: r.queries.offered + r.commands.offered }));
