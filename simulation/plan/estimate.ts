/**
 * A plan's closed forms, computed from a design's settings before anything runs: what the design
 * costs per hour (the capacity it provisions, priced as the report prices it), and each stage's
 * utilisation under the scenario's offered load. The utilisation is a lower bound: its load leaves
 * out what only adds load (retries, follow-up reads) and its capacity is the most a stage can
 * serve (the peak of the USL curve, every instance up), so a stage at 1 or more cannot keep up,
 * whatever the run's draws.
 */
import { exp, ln } from '../engine/detMath';
import { priceFactor, uslCapacity } from '../model/usl';
import { RateProfile } from '../model/rateProfile';
import { PARTS } from '../parts';
import type { Latency, Scenario, ServiceConfig } from '../scenario';

/** The stages a request's load passes through, in the order it reaches them. */
export const STAGES = ['commandService', 'queryService', 'writeStore', 'projectors', 'readStore'] as const;
export type Stage = (typeof STAGES)[number];

/** The 99th percentile of the standard normal: a lognormal's p99 is its median times e^(2.326 σ). */
const Z99 = 2.3263478740408408;

/** A latency distribution's mean, ms. */
export function meanMs(d: Latency): number {
  switch (d.type) {
    case 'constant':
      return d.ms;
    case 'exponential':
      return d.meanMs;
    case 'uniform':
      return (d.minMs + d.maxMs) / 2;
    case 'lognormal': {
      const sigma = ln(d.p99Ms / d.medianMs) / Z99;
      return d.medianMs * exp((sigma * sigma) / 2);
    }
  }
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/**
 * USD per hour of the capacity a design provisions: each service's instances × vCPUs at the
 * vCPU-hour price times its size premium, each projector and read replica as one vCPU (as the
 * report's `cost.usd` counts them). Rounded to a billionth of a dollar, so that two designs that
 * provision the same capacity cost exactly the same.
 */
export function costUsdPerHour(s: Scenario): number {
  const { vcpuHourUsd, sizePremium } = s.pricing;
  const service = (c: ServiceConfig) => c.instances * c.vcpus * priceFactor(c.vcpus, sizePremium);
  return round9((service(s.commandService) + service(s.queryService) + s.eventStream.projectors + s.readStore.replicas) * vcpuHourUsd);
}

/** The mean offered rate over the measured span (warm-up to end), requests per second. */
export function meanOfferedRps(s: Scenario): number {
  const profile = s.workload.profile;
  if (!profile || profile.length === 0) return s.workload.rps;
  // The rate is piecewise linear: the trapezoid rule on 4,000 steps is exact but near the kinks.
  const rate = new RateProfile(s.workload);
  const from = s.warmupS * 1000;
  const steps = 4000;
  const h = (s.durationS * 1000 - from) / steps;
  let sum = (rate.rpsAt(from) + rate.rpsAt(from + steps * h)) / 2;
  for (let i = 1; i < steps; i++) sum += rate.rpsAt(from + i * h);
  return sum / steps;
}

/** The most requests a second a service can serve: every instance's vCPUs at the peak of the USL curve. */
function serviceCapacityRps(c: ServiceConfig): number {
  let peak = 0;
  for (let n = 1; n <= c.vcpus; n++) peak = Math.max(peak, uslCapacity(n, c.contention, c.coherency));
  const mean = meanMs(c.serviceTimeMs);
  return mean === 0 ? Infinity : (c.instances * peak * c.speed * 1000) / mean;
}

/** The settings groups of the parts that may hold a service's load back (`ServiceGroup.holdsLoadBack`). */
const HOLD_BACK = PARTS.flatMap((p) => (p.serviceGroup?.holdsLoadBack ? [p.serviceGroup.name] : []));

/** A service with a part on that may hold its load back: its load has no lower bound. */
function mayHoldBack(c: ServiceConfig): boolean {
  const groups = c as unknown as Record<string, unknown>;
  return HOLD_BACK.some((name) => groups[name] !== undefined);
}

const utilisation = (load: number, capacity: number) => (load === 0 ? 0 : capacity === 0 ? Infinity : load / capacity);

/**
 * Each stage's utilisation, a lower bound (see the module's comment). A stage whose load may be
 * held back before it (a part that may hold back its service's load, a cache in front of
 * the read store) counts no load; so does one that auto-scales or changes during the run, whose
 * capacity is not its settings' (a plan refuses those scenarios).
 */
export function stageUtilisation(s: Scenario): Record<Stage, number> {
  const rps = meanOfferedRps(s);
  const commands = mayHoldBack(s.commandService) ? 0 : rps * s.workload.writeRatio;
  const queries = mayHoldBack(s.queryService) ? 0 : rps * (1 - s.workload.writeRatio);
  const perMs = (n: number, latency: Latency) => {
    const mean = meanMs(latency);
    return mean === 0 ? Infinity : (n * 1000) / mean;
  };
  const { writeStore: w, eventStream: e, readStore: r } = s;
  return {
    commandService: utilisation(commands, serviceCapacityRps(s.commandService)),
    queryService: utilisation(queries, serviceCapacityRps(s.queryService)),
    writeStore: utilisation(commands, perMs(w.shards * w.connectionsPerShard, w.writeLatencyMs)),
    // A partition is applied by one projector at a time: projectors past the partitions wait.
    projectors: utilisation(commands, perMs(Math.min(e.projectors, e.partitions), e.applyLatencyMs)),
    readStore: utilisation(s.cache.enabled ? 0 : queries, perMs((r.replicas + 1) * r.connectionsPerReplica, r.queryLatencyMs)),
  };
}

/** The stage with the highest utilisation (the first of equals in STAGES' order) and that utilisation. */
export function busiestStage(u: Record<Stage, number>): { stage: Stage; utilisation: number } {
  let stage: Stage = STAGES[0];
  for (const k of STAGES) if (u[k] > u[stage]) stage = k;
  return { stage, utilisation: u[stage] };
}
