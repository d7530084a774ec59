/**
 * The cache against closed forms under uniform keys (the independent reference model), with
 * every latency 0 so that no lookup overlaps a refill.
 */
import { describe, expect, it } from 'vitest';
import { Cache } from '../model/cache';
import { Simulation } from '../simulation';
import { run, scenario } from './helpers';

function cacheScenario(keys: number, nodes: number, capacity: number, ttlS: number, seed = 1) {
  return scenario({
    seed,
    durationS: 300,
    warmupS: 60,
    workload: { rps: 1000, writeRatio: 0, keys: { count: keys }, followUpReads: { ratio: 0 }, timeoutMs: 1e9 },
    queryService: { instances: 1, vcpus: 1, queueCapacity: 1_000_000, serviceTimeMs: 0 },
    readStore: { replicas: 0, queryLatencyMs: 0 },
    cache: { enabled: true, nodes, capacityPerNode: capacity, ttlS, invalidation: 'ttl', hitLatencyMs: 0 },
  });
}

describe('cache hit ratio', () => {
  it('an LRU node of capacity C over N uniform keys hits C/N of lookups', () => {
    // Once full, a node holds exactly C of its keys and each lookup is a fresh uniform key, so
    // hits are independent Bernoulli(C/N): standard error sqrt(p(1-p)/n) = 0.0009 at n = 240k.
    const r = run(cacheScenario(1000, 1, 200, 1e6));
    expect(Math.abs(r.queries.cacheHitRatio - 0.2)).toBeLessThan(4 * Math.sqrt((0.2 * 0.8) / 240_000));
  });

  it('nodes by hash: the hit ratio is the key-weighted mean of min(1, C/N_node)', () => {
    const keys = 3000;
    const nodes = 3;
    const capacity = 400;
    const probe = new Cache(keys, nodes, capacity);
    const perNode = new Array(nodes).fill(0);
    for (let k = 0; k < keys; k++) perNode[probe.nodeOf(k)]++;
    const expected = perNode.reduce((sum, n) => sum + (n / keys) * Math.min(1, capacity / n), 0);
    const r = run(cacheScenario(keys, nodes, capacity, 1e6));
    expect(Math.abs(r.queries.cacheHitRatio - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / 240_000));
  });

  it('a TTL of T with no eviction hits lambda_k T / (1 + lambda_k T) of lookups', () => {
    // Per key, lookups are Poisson at lambda_k = 1000/s / 1000 keys = 1/s. A miss stores the key
    // for T = 2 s, during which Poisson(lambda_k T) lookups hit; the next lookup misses (TTL counts
    // from the store, not refreshed by hits). Renewal-reward: 2/3. With ~80k cycles, the delta
    // method gives a standard error of (1-R) sqrt(Var hits / n) / E[cycle] ~ 0.0006; allow 0.004.
    const r = run(cacheScenario(1000, 1, 10_000, 2));
    expect(Math.abs(r.queries.cacheHitRatio - 2 / 3)).toBeLessThan(0.004);
  });

  it('event-driven invalidation answers fresher than TTL alone (stale-read ratio falls)', () => {
    const base = {
      durationS: 120,
      workload: { rps: 1000, writeRatio: 0.2, keys: { count: 200 }, followUpReads: { ratio: 0 } },
      readStore: { replicas: 0 },
      cache: { enabled: true, ttlS: 30, capacityPerNode: 1000 },
    };
    const ttl = run(scenario({ ...base, cache: { ...base.cache, invalidation: 'ttl' } }));
    const event = run(scenario({ ...base, cache: { ...base.cache, invalidation: 'ttl+event' } }));
    expect(ttl.queries.staleReadRatio).toBeGreaterThan(0.3);
    expect(event.queries.staleReadRatio).toBeLessThan(ttl.queries.staleReadRatio / 5);
    // How stale: one record per stale answer, each at least one version behind; with a 30 s TTL
    // and a write to each key every second, answers are many versions and seconds behind.
    const st = ttl.queries.staleness;
    expect(st.count).toBe(Math.round(ttl.queries.staleReadRatio * ttl.queries.completed));
    expect(st.versionsBehindMean).toBeGreaterThan(5);
    expect(st.p50).toBeGreaterThan(100);
    expect(st.max).toBeLessThanOrEqual(30_000);
    expect(event.queries.staleness.p99).toBeLessThan(st.p99);
  });

  it('the stale-refill race: a delete during a read from a lagging replica is undone by the refill', () => {
    // Event invalidation deletes a key when its event is applied; a miss that then reads a
    // replica still 500 ms behind puts the old version back, and with a long TTL it stays there
    // after every replica has caught up. Without replicas (and with instant reads from the
    // primary) there is no window for the race and nothing stale survives.
    const staleEntriesAfterDrain = (replicas: number) => {
      const sim = new Simulation(
        scenario({
          durationS: 60,
          workload: { rps: 1000, writeRatio: 0.2, keys: { count: 200 }, followUpReads: { ratio: 0 } },
          readStore: { replicas, replicationLagMs: 500, queryLatencyMs: 0 },
          cache: { enabled: true, ttlS: 1e6, invalidation: 'event' },
        }),
      );
      sim.run();
      expect(sim.drain()).toBe(true);
      for (const versions of sim.nodeVersion) expect(Array.from(versions)).toEqual(Array.from(sim.writeVersion));
      let stale = 0;
      for (let k = 0; k < 200; k++) {
        const cached = sim.cache!.peek(k);
        if (cached >= 0 && cached < sim.writeVersion[k]) stale++;
      }
      return stale;
    };
    expect(staleEntriesAfterDrain(0)).toBe(0);
    expect(staleEntriesAfterDrain(2)).toBeGreaterThan(20);
  });
});
