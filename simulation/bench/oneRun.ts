/**
 * One run of the default scenario in a fresh process, as the CLI does it (cold: nothing compiled
 * yet): prints the process CPU time from building the simulation to its report, and the requests
 * offered. Usage: node --import tsx simulation/bench/oneRun.ts <durationS>
 */
import { defaultScenario, runScenario } from '../index';

const durationS = Number(process.argv[2]);
const scenario = { ...defaultScenario(), durationS };
const c0 = process.cpuUsage();
const r = runScenario(scenario);
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ cpuMs: (c.user + c.system) / 1000, requests: r.commands.offered + r.queries.offered }));
