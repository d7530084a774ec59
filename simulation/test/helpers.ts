/** Scenario builders for the tests: overrides on the default scenario, validated. */
import { buildReport, parseScenario, runScenario, Simulation, type Report, type Scenario, type WindowStats } from '../index';

type Json = Record<string, unknown>;

function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
        ? merge(b as Json, v as Json)
        : v;
  }
  return out;
}

/** A valid scenario from partial overrides (deep-merged); throws with the problems otherwise. */
export function scenario(over: Json = {}): Scenario {
  const r = parseScenario(merge({ version: 1 }, over));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario;
}

/**
 * A pure queueing model through the full query path: queries only, one instance with `c`
 * vCPUs, exponential service of mean `serviceMs`, no cache, every storage delay 0. An ideal
 * machine: contention and coherency 0 (no USL slowdown), as M/M/c assumes c independent servers.
 */
export function mmc(c: number, lambdaRps: number, serviceMs: number, seed: number, durationS: number): Scenario {
  return scenario({
    seed,
    durationS,
    warmupS: 20,
    workload: { rps: lambdaRps, writeRatio: 0, followUpReads: { ratio: 0 }, timeoutMs: 1e9 },
    queryService: {
      instances: 1,
      vcpus: c,
      contention: 0,
      coherency: 0,
      queueCapacity: 1_000_000,
      serviceTimeMs: { type: 'exponential', meanMs: serviceMs },
      memoryPerRequestMb: 0,
    },
    readStore: { replicas: 0, queryLatencyMs: 0, connectionsPerReplica: 10_000 },
    cache: { enabled: false },
  });
}

/** Mean and standard error of the mean over independent replications. */
export function replicate(k: number, run: (seed: number) => number): { mean: number; se: number; values: number[] } {
  const values = Array.from({ length: k }, (_, i) => run(1000 + i));
  const mean = values.reduce((a, b) => a + b, 0) / k;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1);
  return { mean, se: Math.sqrt(variance / k), values };
}

export function run(s: Scenario): Report {
  return runScenario(s);
}

/** Runs `s` to its end in 10 s slices, keeping every window of its series. */
export function runWithWindows(s: Scenario): { sim: Simulation; report: Report; windows: WindowStats[] } {
  const sim = new Simulation(s);
  const windows: WindowStats[] = [];
  while (!sim.done) {
    sim.runUntil(sim.nowMs + 10_000);
    windows.push(...sim.drainWindows());
  }
  return { sim, report: buildReport(sim), windows };
}

/** Workload overrides for a run of queries only: no writes, no follow-up reads, no timeouts. */
export const queriesOnly = { writeRatio: 0, followUpReads: { ratio: 0 }, timeoutMs: 1e9 };

/** Erlang C: the probability that an arrival waits in an M/M/c queue with offered load a = lambda/mu. */
export function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - a / c);
  return last / (sum + last);
}
