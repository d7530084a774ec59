/** The scenarios the benchmark measures. */
import { defaultScenario, parseScenario, type Scenario } from '../index';

function parsed(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

/** M/M/1 through the query path: queries only, one worker, exponential service, no storage delay. */
function mm1Input(durationS: number) {
  return {
    version: 1,
    name: 'M/M/1',
    durationS,
    warmupS: 1,
    workload: { rps: 800, writeRatio: 0, followUpReads: { ratio: 0 }, timeoutMs: 1e9 },
    queryService: { instances: 1, vcpus: 1, queueCapacity: 1_000_000, serviceTimeMs: { type: 'exponential', meanMs: 1 } },
    readStore: { replicas: 0, queryLatencyMs: 0 },
  };
}

export function mm1(durationS: number): Scenario {
  return parsed(mm1Input(durationS));
}

/**
 * M/M/1 overloaded (queries at 2 a ms into one vCPU serving 1 a ms, an unbounded queue, no
 * timeout, no memory held per request on the instance): about 1,000 more requests in flight each
 * simulated second, for measuring what a request in flight costs (inFlightMemory.ts). Not in
 * `SCENARIOS`: it is not timed.
 */
export function mm1Overloaded(durationS: number): Scenario {
  const m = mm1Input(durationS);
  return parsed({
    ...m,
    name: 'M/M/1 overloaded',
    workload: { ...m.workload, rps: 2000 },
    queryService: { ...m.queryService, memoryPerRequestMb: 0 },
  });
}

/** The default CQRS scenario, run longer. */
export function cqrs(durationS: number): Scenario {
  return { ...defaultScenario(), durationS };
}

export const SCENARIOS = { mm1, cqrs };
export type ScenarioName = keyof typeof SCENARIOS;
