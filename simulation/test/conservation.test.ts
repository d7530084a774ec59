/** Invariants over random valid scenarios (fast-check): conservation, no NaN, lags never negative. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, parseScenario, runScenario, Simulation, type Report } from '../index';

/** A ratio in hundredths: fc.double would mostly give subnormals near 0. */
const ratio = fc.integer({ min: 0, max: 100 }).map((x) => x / 100);

const latency = fc.oneof(
  fc.double({ min: 0, max: 20, noNaN: true }).map((ms) => ({ type: 'constant', ms })),
  fc.double({ min: 0, max: 20, noNaN: true }).map((meanMs) => ({ type: 'exponential', meanMs })),
  fc.tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true })).map(([a, b]) => ({
    type: 'uniform',
    minMs: Math.min(a, b),
    maxMs: Math.max(a, b),
  })),
  fc.tuple(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 1.1, max: 10, noNaN: true })).map(([m, f]) => ({
    type: 'lognormal',
    medianMs: m,
    p99Ms: m * f,
  })),
);
const lb = fc.constantFrom('round-robin', 'random', 'least-connections', 'power-of-two', 'consistent-hash');
const service = fc.record({
  instances: fc.integer({ min: 0, max: 5 }),
  vcpus: fc.integer({ min: 1, max: 4 }),
  speed: fc.double({ min: 0.25, max: 2, noNaN: true }),
  queueCapacity: fc.integer({ min: 0, max: 50 }),
  serviceTimeMs: latency,
  loadBalancer: lb,
});
const fault = (durationS: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('crash'), target: fc.constantFrom('commandService', 'queryService'), instance: fc.integer({ min: 0, max: 4 }), forS: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('slow'), target: fc.constantFrom('commandService', 'queryService'), instance: fc.integer({ min: 0, max: 4 }), factor: fc.integer({ min: 2, max: 20 }) }),
    fc.record({ kind: fc.constant('errors'), target: fc.constantFrom('commandService', 'queryService'), fraction: ratio, forS: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('shardDown'), target: fc.constant('writeStore'), shard: fc.constant(0), forS: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('cacheFlush'), target: fc.constant('cache') }),
    fc.record({ kind: fc.constant('streamCut'), target: fc.constant('eventStream'), forS: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('replicaLag'), target: fc.constant('readStore'), instance: fc.constant(0), ms: fc.integer({ min: 0, max: 500 }) }),
  ).chain((f) => fc.integer({ min: 0, max: durationS }).map((atS) => ({ ...f, atS })));

const autoscaling = (metric: 'cpu' | 'rps' | 'queue' | 'memory' | 'lag') =>
  fc.option(
    fc.record({
      metric: fc.constant(metric),
      // A memory target must exceed an idle instance's share (256 MB of 1024 by default).
      target:
        metric === 'cpu' ? fc.integer({ min: 20, max: 90 }).map((x) => x / 100)
        : metric === 'memory' ? fc.integer({ min: 30, max: 90 }).map((x) => x / 100)
        : fc.integer({ min: 1, max: 200 }),
      min: fc.integer({ min: 0, max: 2 }),
      max: fc.integer({ min: 2, max: 6 }),
      intervalS: fc.integer({ min: 1, max: 3 }),
      cooldownOutS: fc.integer({ min: 0, max: 3 }),
      cooldownInS: fc.integer({ min: 0, max: 3 }),
      bootS: fc.integer({ min: 0, max: 2 }),
    }),
    { nil: undefined },
  );

const baseArb = fc.record({
  version: fc.constant(1),
  seed: fc.integer({ min: 0, max: 1000 }),
  durationS: fc.integer({ min: 2, max: 8 }),
  warmupS: fc.constant(1),
  workload: fc.record({
    rps: fc.integer({ min: 0, max: 3000 }),
    writeRatio: ratio,
    keys: fc.record({ count: fc.integer({ min: 1, max: 500 }), distribution: fc.constantFrom('uniform', 'zipf') }),
    followUpReads: fc.record({ ratio, afterMs: fc.integer({ min: 0, max: 500 }) }),
    timeoutMs: fc.integer({ min: 5, max: 3000 }),
  }),
  commandService: service,
  queryService: service,
  writeStore: fc.record({
    shards: fc.integer({ min: 1, max: 6 }),
    partitioning: fc.constantFrom('hash', 'range'),
    connectionsPerShard: fc.integer({ min: 1, max: 8 }),
    writeLatencyMs: latency,
  }),
  eventStream: fc.record({
    partitions: fc.integer({ min: 1, max: 8 }),
    projectors: fc.integer({ min: 0, max: 10 }),
    rebalanceMs: fc.constantFrom(0, 5, 200, 2000),
    appendLatencyMs: latency,
    applyLatencyMs: latency,
    synchronousAppend: fc.boolean(),
  }),
  readStore: fc.record({
    replicas: fc.integer({ min: 0, max: 3 }),
    connectionsPerReplica: fc.integer({ min: 1, max: 8 }),
    queryLatencyMs: latency,
    indexed: fc.boolean(),
    replicationLagMs: latency,
  }),
  cache: fc.record({
    enabled: fc.boolean(),
    nodes: fc.integer({ min: 1, max: 4 }),
    capacityPerNode: fc.integer({ min: 1, max: 200 }),
    ttlS: fc.double({ min: 0.01, max: 5, noNaN: true }),
    invalidation: fc.constantFrom('ttl', 'event', 'ttl+event'),
    onEvent: fc.constantFrom('delete', 'update'),
  }),
});

/** Base scenarios plus retries, faults, autoscaling and live changes. */
const scenarioArb = baseArb.chain((b) =>
  fc
    .record({
      retries: fc.record({ max: fc.integer({ min: 0, max: 3 }), backoffMs: fc.integer({ min: 0, max: 200 }), budget: fc.option(ratio, { nil: undefined }) }),
      faults: fc.array(fault(b.durationS), { maxLength: 4 }),
      cmdScaling: autoscaling('cpu'),
      qryScaling: fc.oneof(autoscaling('rps'), autoscaling('queue'), autoscaling('memory')),
      projectorScaling: autoscaling('lag'),
      changes: fc.array(
        fc.oneof(
          fc.record({ set: fc.constant('queryService.instances'), value: fc.integer({ min: 0, max: 5 }) }),
          fc.record({ set: fc.constant('commandService.vcpus'), value: fc.integer({ min: 1, max: 4 }) }),
          fc.record({ set: fc.constant('eventStream.projectors'), value: fc.integer({ min: 0, max: 6 }) }),
          fc.record({ set: fc.constant('readStore.replicas'), value: fc.integer({ min: 0, max: 3 }) }),
          fc.record({ set: fc.constant('cache.enabled'), value: fc.boolean() }),
        ),
        { maxLength: 3 },
      ),
    })
    .map((x) => ({
      ...b,
      workload: { ...b.workload, retries: x.retries },
      // Faults aimed at instances the scenario can have (the schema refuses others).
      faults: [...x.faults]
        .filter((f) => !('instance' in f) || f.instance < (f.target === 'readStore' ? b.readStore.replicas : f.target === 'commandService' ? Math.max(b.commandService.instances, x.cmdScaling?.max ?? 0) : Math.max(b.queryService.instances, x.qryScaling?.max ?? 0)))
        .sort((p, q) => p.atS - q.atS),
      commandService: { ...b.commandService, autoscaling: x.cmdScaling },
      queryService: { ...b.queryService, autoscaling: x.qryScaling },
      eventStream: { ...b.eventStream, autoscaling: x.projectorScaling },
      interventions: x.changes.map((c, i) => ({ ...c, atS: Math.min(b.durationS, 1 + i) })),
    })),
);

function numbers(o: unknown, out: [string, number][] = [], path = ''): [string, number][] {
  if (typeof o === 'number') out.push([path, o]);
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) numbers(v, out, `${path}.${k}`);
  return out;
}

function checkInvariants(r: Report): void {
  for (const c of [r.commands, r.queries]) {
    // Once per attempt...
    expect(c.offered).toBe(c.completed + c.rejected + c.timedOut + c.failed + c.inFlight);
    // ...and once per client request.
    expect(c.requests.started).toBe(c.requests.succeeded + c.requests.gaveUp + c.requests.inProgress);
    expect(c.offered).toBe(c.requests.started + c.retries);
  }
  for (const [path, v] of numbers(r)) {
    expect(Number.isFinite(v), `${path} = ${v}`).toBe(true);
    expect(v, path).toBeGreaterThanOrEqual(0);
  }
  for (const lag of [r.consistencyLagMs, r.replicaLagMs]) expect(lag.max).toBeGreaterThanOrEqual(lag.p99);
  expect(r.followUpReads.violations).toBeLessThanOrEqual(r.followUpReads.count);
}

describe('invariants over random scenarios', () => {
  it('offered = completed + rejected + timedOut + failed + inFlight; every number finite and >= 0', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const parsed = parseScenario(input);
        expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems)).toBe(true);
        if (parsed.ok) checkInvariants(runScenario(parsed.scenario));
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('nothing is lost: after healing and draining, every committed write is on the primary and every replica', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        const s = parsed.scenario;
        // A group with no projector never applies anything; the invariant needs at least one.
        if (s.eventStream.projectors === 0 && !s.interventions.some((i) => i.set === 'eventStream.projectors')) return;
        const sim = new Simulation(s);
        sim.run();
        if (sim.stream.consumers === 0) sim.stream.setConsumers(1, sim.nowMs, 0);
        if (sim.stream.cut) sim.stream.cut = false;
        for (let c = 0; c < sim.stream.consumers; c++) sim.consume(c);
        expect(sim.drain(), 'the run drained').toBe(true);
        for (let node = 0; node < sim.nodeVersion.length; node++) {
          if (!sim.nodeActive[node]) continue;
          expect(Array.from(sim.nodeVersion[node]), `node ${node}`).toEqual(Array.from(sim.writeVersion));
        }
        checkInvariants(buildReport(sim));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
