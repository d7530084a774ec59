/**
 * Whole scenarios drawn from one seed, for the fuzzer: every part of the model, every latency
 * distribution, rate profiles with ramps, auto-scaling on every metric, faults of every kind,
 * live changes of any field, and now and then an extreme (a thousand instances, a million
 * requests a second, a huge queue, the longest delays). Run `index` of seed `seed` is always the
 * same scenario, so one line reproduces a failure.
 */
import { exp, ln } from '../engine/detMath';
import { stream, type Uniform } from '../engine/random';
import type { FieldSpec } from '../input/fieldSpec';
import { PARTS } from '../parts';
import { faultKinds, FAULT_RULES, loadBalancerAlgorithms } from '../scenario';

type Json = Record<string, unknown>;

class Dice {
  constructor(private readonly u: Uniform) {}
  chance(p: number): boolean {
    return this.u.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.u.next() * (max - min + 1));
  }
  num(min: number, max: number): number {
    return Math.round((min + this.u.next() * (max - min)) * 1000) / 1000;
  }
  /** Spread over orders of magnitude: as likely to be near `min` as near `max`. */
  log(min: number, max: number): number {
    return Math.round(min * exp(this.u.next() * ln(max / min)) * 1000) / 1000;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.u.next() * xs.length)];
  }
}

function latency(d: Dice, maxMs: number): unknown {
  switch (d.int(0, 4)) {
    case 0:
      return d.num(0, maxMs);
    case 1:
      return { type: 'constant', ms: d.num(0, maxMs) };
    case 2:
      return { type: 'exponential', meanMs: d.log(0.01, maxMs) };
    case 3: {
      const a = d.num(0, maxMs);
      const b = d.num(0, maxMs);
      return { type: 'uniform', minMs: Math.min(a, b), maxMs: Math.max(a, b) };
    }
    default: {
      const median = d.log(0.01, maxMs);
      return { type: 'lognormal', medianMs: median, p99Ms: Math.round(median * d.log(1.01, 50) * 1000) / 1000 + 0.001 };
    }
  }
}

function autoscaling(d: Dice, metrics: readonly string[], durationS: number): Json | undefined {
  if (!d.chance(0.3)) return undefined;
  const metric = d.pick(metrics);
  const min = d.int(0, 3);
  return {
    metric,
    // Utilisations in (0, 1]; a memory target above an idle instance's share (base 256 of 1024).
    target: metric === 'cpu' ? d.num(0.1, 1) : metric === 'memory' ? d.num(0.75, 1) : d.log(1, 500),
    min,
    max: min + d.int(0, 6),
    intervalS: d.pick([0.5, 1, 2, 5]),
    cooldownOutS: d.int(0, 5),
    cooldownInS: d.int(0, 10),
    bootS: d.pick([0, 0.5, 2, 5]),
    schedule: d.chance(0.3) ? [{ atS: d.num(0, durationS), instances: d.int(0, 4) }] : [],
  };
}

function service(d: Dice, extreme: boolean, durationS: number): Json {
  const instances = extreme ? d.pick([0, 1, 200, 1000]) : d.int(0, 6);
  const base = d.pick([0, 64, 256]);
  return {
    instances,
    vcpus: d.pick([1, 1, 2, 4, 16, 192]),
    speed: d.log(0.05, 2),
    contention: d.pick([0, 0.02, 0.3, 1]),
    coherency: d.pick([0, 0.0001, 0.01, 0.1]),
    queueCapacity: extreme ? d.pick([0, 1_000_000]) : d.int(0, 200),
    serviceTimeMs: latency(d, extreme ? 2000 : 20),
    loadBalancer: d.chance(0.2)
      ? { algorithm: d.pick(loadBalancerAlgorithms), healthCheck: { intervalMs: d.pick([10, 100, 1000]), unhealthyAfter: d.int(1, 3), healthyAfter: d.int(1, 3) } }
      : d.pick(loadBalancerAlgorithms),
    baseMemoryMb: base,
    memoryPerRequestMb: d.pick([0, 1, 10]),
    memoryLimitMb: base + d.pick([100, 1024, 9_999_000]),
    restartS: d.pick([0, 1, 5]),
    autoscaling: autoscaling(d, ['cpu', 'rps', 'queue', 'memory'], durationS),
  };
}

function fault(d: Dice, s: Json, durationS: number): Json {
  const kind = d.pick(faultKinds);
  const rule = FAULT_RULES[kind];
  const target = d.pick(rule.targets);
  const f: Json = { atS: d.num(0, durationS), kind, target };
  const size = (t: string): number => {
    const g = s[t] as Json;
    const a = g.autoscaling as Json | undefined;
    return Math.max(Number(t === 'readStore' ? g.replicas : g.instances), Number(a?.max ?? 0));
  };
  for (const need of rule.needs) {
    if (need === 'instance') f.instance = d.int(0, Math.max(0, size(target) - 1));
    if (need === 'shard') f.shard = d.int(0, Number((s.writeStore as Json).shards) - 1);
    if (need === 'factor') f.factor = d.log(1, 1000);
    if (need === 'fraction') f.fraction = d.num(0, 1);
    if (need === 'ms') f.ms = d.log(1, 5000);
  }
  if (d.chance(0.6)) f.forS = d.log(0.1, durationS + 1);
  return f;
}

/** A live change of some field to a value of the right kind (some are refused: that is tested too). */
function change(d: Dice, durationS: number): { set: string; value: unknown } {
  const choices: [string, () => unknown][] = [
    ['workload.rps', () => d.log(1, 5000)],
    ['workload.writeRatio', () => d.num(0, 1)],
    ['workload.keys.distribution', () => d.pick(['uniform', 'zipf'])],
    ['workload.timeoutMs', () => d.log(1, 5000)],
    ['workload.retries.max', () => d.int(0, 4)],
    ['commandService.instances', () => d.int(0, 8)],
    ['queryService.instances', () => d.int(0, 8)],
    ['queryService.vcpus', () => d.int(1, 8)],
    ['commandService.speed', () => d.log(0.1, 2)],
    ['queryService.loadBalancer', () => d.pick(loadBalancerAlgorithms)],
    ['queryService.queueCapacity', () => d.int(0, 100)],
    ['queryService.autoscaling', () => autoscaling(d, ['cpu', 'rps', 'queue'], durationS) ?? null],
    ['eventStream.projectors', () => d.int(0, 8)],
    ['eventStream.synchronousAppend', () => d.chance(0.5)],
    ['readStore.replicas', () => d.int(0, 5)],
    ['readStore.indexed', () => d.chance(0.5)],
    ['readStore.replicationLagMs', () => latency(d, 500)],
    ['cache.enabled', () => d.chance(0.5)],
    ['cache.invalidation', () => d.pick(['ttl', 'event', 'ttl+event'])],
    ['cache.nodes', () => d.int(1, 5)],
    ['writeStore.connectionsPerShard', () => d.int(1, 16)],
  ];
  const [set, value] = d.pick(choices);
  return { set, value: value() };
}

/** A value of a part's field (`Part.section`) within its bounds: now and then a bound itself. */
function fieldValue(d: Dice, [, kind, , range, , choices]: FieldSpec): unknown {
  if (kind === 'boolean') return d.chance(0.5);
  if (kind === 'choice') return d.pick(choices ?? []);
  const [, min, max] = range ?? [''];
  const exclusive = min === '>0';
  const lo = min === undefined || exclusive ? 0 : min;
  const hi = max ?? lo + 1000;
  if (kind === 'integer') return d.pick([Math.ceil(lo + (exclusive ? 1 : 0)), hi, d.int(Math.ceil(lo), hi)]);
  const x = d.pick([lo, hi, d.num(lo, hi), d.num(lo, hi)]);
  return exclusive && x <= lo ? hi : x;
}

type Change = { atS: number; set: string; value: unknown };

/**
 * A group of settings drawn from its field lines into `into[name]` in about a third of the runs,
 * and now and then a live change of it (on, off, or one field when it is on) into `changes`; `path` is where
 * the group sits in the scenario.
 */
function drawGroup(p: Dice, into: Json, name: string, path: string, fields: readonly FieldSpec[], durationS: number, changes: Change[]): void {
  const draw = (): Json => Object.fromEntries(fields.map((f) => [f[0], fieldValue(p, f)]));
  const on = p.chance(0.3);
  if (on) into[name] = draw();
  if (p.chance(0.2)) {
    const f = p.pick(fields);
    // One field of a group that is off is refused (a test of its own says so): change it only when on.
    const [set, value] = p.pick<[string, () => unknown]>([[path, draw], [path, () => null], ...(on ? [[`${path}.${f[0]}`, () => fieldValue(p, f)] as [string, () => unknown]] : [])]);
    changes.push({ atS: p.num(0, durationS), set, value: value() });
  }
}

/**
 * What the parts on the contract declare, drawn from their field lines: their own sections
 * (`Part.section`), and their optional groups on each service (`Part.serviceGroup`: the circuit
 * breaker, admission control; a group always there, the health checks', is drawn by hand in
 * `service`). From streams of their own: the rest of a scenario is drawn as it was before any part
 * was on the contract, and the services' groups did not shift the sections' draws.
 */
function partSections(p: Dice, g: Dice, s: Json, durationS: number): Change[] {
  const changes: Change[] = [];
  for (const { section } of PARTS) if (section) drawGroup(p, s, section.name, section.name, section.fields, durationS, changes);
  for (const { serviceGroup: group } of PARTS) {
    if (!group?.optional) continue;
    for (const svc of ['commandService', 'queryService']) drawGroup(g, s[svc] as Json, group.name, `${svc}.${group.name}`, group.fields, durationS, changes);
  }
  return changes;
}

/** Scenario number `index` of fuzz seed `seed`, as a file would hold it. */
export function drawScenario(seed: number, index: number): Json {
  const d = new Dice(stream(seed, `fuzz/${index}`));
  // One run in ten is extreme: big numbers, kept short so the budget holds.
  const extreme = d.chance(0.1);
  const durationS = extreme ? d.pick([0.5, 1, 2]) : d.pick([1, 2, 3, 5, 8, 13]);
  const rps = extreme ? d.pick([0, 100_000, 1_000_000]) : d.log(1, 3000);
  const s: Json = {
    version: 1,
    name: `fuzz ${seed}/${index}`,
    seed: d.int(0, 2 ** 32 - 1),
    durationS,
    warmupS: d.pick([0, 0, durationS / 4]),
    workload: {
      rps,
      ...(d.chance(0.3)
        ? {
            profile: Array.from({ length: d.int(1, 4) }, (_, i) => ({ atS: (durationS * i) / 4, rps: d.log(1, 3000), rampS: d.pick([0, 0.5, 2, 1_000_000]) })),
          }
        : {}),
      arrivals: d.pick(['poisson', 'poisson', 'deterministic']),
      writeRatio: d.pick([0, 1, d.num(0, 1)]),
      keys: { count: extreme ? d.pick([1, 2_000_000]) : d.int(1, 2000), distribution: d.pick(['uniform', 'zipf']), zipfS: d.log(0.1, 10) },
      followUpReads: { ratio: d.num(0, 1), afterMs: d.log(0.1, 1000) },
      timeoutMs: d.log(1, 5000),
      retries: { max: d.pick([0, 0, 1, 3]), backoffMs: d.log(0.1, 500), jitter: d.num(0, 1), ...(d.chance(0.5) ? { budget: d.num(0, 2) } : {}) },
    },
    writeStore: {
      shards: extreme ? d.pick([1, 1024]) : d.int(1, 8),
      partitioning: d.pick(['hash', 'range']),
      connectionsPerShard: d.int(1, 32),
      writeLatencyMs: latency(d, extreme ? 1000 : 10),
    },
    eventStream: {
      partitions: extreme ? d.pick([1, 1024]) : d.int(1, 16),
      appendLatencyMs: latency(d, 10),
      synchronousAppend: d.chance(0.3),
      projectors: extreme ? d.pick([0, 1024]) : d.int(0, 6),
      applyLatencyMs: latency(d, 5),
      rebalanceMs: d.pick([0, 10, 500, 2000]),
      autoscaling: autoscaling(d, ['lag', 'cpu'], durationS),
    },
    readStore: {
      replicas: extreme ? d.pick([0, 32]) : d.int(0, 4),
      connectionsPerReplica: d.int(1, 32),
      queryLatencyMs: latency(d, 10),
      indexed: d.chance(0.8),
      unindexedFactor: d.log(1, 100),
      replicationLagMs: latency(d, extreme ? 3_600_000 : 300),
      autoscaling: autoscaling(d, ['cpu', 'rps'], durationS),
    },
    cache: {
      enabled: d.chance(0.5),
      nodes: d.int(1, 8),
      capacityPerNode: d.pick([1, 10, 100, 10_000_000]),
      ttlS: d.log(0.001, 100),
      invalidation: d.pick(['ttl', 'event', 'ttl+event']),
      onEvent: d.pick(['delete', 'update']),
      hitLatencyMs: latency(d, 1),
    },
  };
  s.commandService = service(d, extreme, durationS);
  s.queryService = service(d, extreme, durationS);
  // Replica auto-scaling stays within the 32 replicas the read store allows.
  const ra = (s.readStore as Json).autoscaling as Json | undefined;
  if (ra) ra.max = Math.min(Number(ra.max), 32);
  // Faults aim at instances the scenario can have (others are refused, as a test of their own shows).
  const faults = Array.from({ length: d.pick([0, 0, 1, 3, 8]) }, () => fault(d, s, durationS)).filter((f) => {
    const t = s[f.target as string] as Json;
    const a = t.autoscaling as Json | undefined;
    const size = Math.max(Number(f.target === 'readStore' ? t.replicas : t.instances), Number(a?.max ?? 0));
    return f.instance === undefined || Number(f.instance) < size;
  });
  s.faults = faults.sort((a, b) => Number(a.atS) - Number(b.atS));
  const changes = Array.from({ length: d.pick([0, 0, 1, 4]) }, () => ({ atS: d.num(0, durationS), ...change(d, durationS) }));
  changes.push(...partSections(new Dice(stream(seed, `fuzz/${index}/parts`)), new Dice(stream(seed, `fuzz/${index}/groups`)), s, durationS));
  // Now and then a change of a field that does not exist, or of a prototype: refused by name.
  if (d.chance(0.02)) changes.push({ atS: 0, set: d.pick(['workload.seed', '__proto__.polluted', 'constructor.prototype.x']), value: 1 });
  s.interventions = changes.sort((a, b) => a.atS - b.atS);
  return s;
}
