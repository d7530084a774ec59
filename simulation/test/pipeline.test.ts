/**
 * A deterministic pipeline (evenly spaced arrivals, constant latencies, no contention) has
 * exact latencies and lags: the model must reproduce them to the last bit that the histogram
 * keeps (it clamps to the exact min and max, which here coincide).
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../index';
import { run, scenario } from './helpers';

describe('deterministic pipeline', () => {
  const s = scenario({
    durationS: 100,
    warmupS: 10,
    workload: { rps: 20, arrivals: 'deterministic', writeRatio: 0.5, followUpReads: { ratio: 0 } },
    // Ideal machines (no USL slowdown), so service times are exact whatever else is busy.
    commandService: { instances: 1, vcpus: 4, serviceTimeMs: 3, contention: 0, coherency: 0 },
    queryService: { instances: 1, vcpus: 4, serviceTimeMs: 2, contention: 0, coherency: 0 },
    writeStore: { shards: 1, connectionsPerShard: 4, writeLatencyMs: 5 },
    eventStream: { partitions: 1, projectors: 1, appendLatencyMs: 2, applyLatencyMs: 1 },
    readStore: { replicas: 2, queryLatencyMs: 4, replicationLagMs: 50 },
  });
  const r = run(s);

  it('commands take service + write; queries take service + read', () => {
    for (const k of ['mean', 'p50', 'p99', 'max'] as const) {
      expect(r.commands.latencyMs[k]).toBeCloseTo(3 + 5, 9);
      expect(r.queries.latencyMs[k]).toBeCloseTo(2 + 4, 9);
    }
  });

  it('consistency lag is append + apply; replica lag adds the replication delay', () => {
    for (const k of ['mean', 'p50', 'p99', 'max'] as const) {
      expect(r.consistencyLagMs[k]).toBeCloseTo(2 + 1, 9);
      expect(r.replicaLagMs[k]).toBeCloseTo(2 + 1 + 50, 9);
    }
    expect(r.eventStream.maxLagMs).toBeCloseTo(3, 9);
  });

  it('each window shows both lags (to the read model, to every replica) and the read store\'s load', () => {
    const sim = new Simulation(s);
    sim.runUntil(100_000);
    const windows = sim.drainWindows().filter((w) => w.tS > 10);
    for (const w of windows.filter((x) => x.tS > 11)) {
      expect(w.consistencyLagP99Ms).toBeCloseTo(2 + 1, 9);
      expect(w.replicaLagP50Ms).toBeCloseTo(2 + 1 + 50, 9);
      expect(w.replicaLagP99Ms).toBeCloseTo(2 + 1 + 50, 9);
    }
    // Every node has the same connections, so the mean of the windows' loads is the run's load.
    const mean = windows.reduce((a, w) => a + w.readStoreUtilization, 0) / windows.length;
    const nodes = r.readStore.nodes;
    const runLoad = nodes.reduce((a, n) => a + n.utilization, 0) / nodes.length;
    expect(runLoad).toBeGreaterThan(0);
    expect(mean).toBeCloseTo(runLoad, 9);
  });

  it('synchronous append adds the append latency to commands', () => {
    const sync = run({ ...s, eventStream: { ...s.eventStream, synchronousAppend: true } });
    expect(sync.commands.latencyMs.max).toBeCloseTo(3 + 5 + 2, 9);
    expect(sync.commands.latencyMs.mean).toBeCloseTo(3 + 5 + 2, 9);
  });

  it('an unindexed read model multiplies the query latency', () => {
    const scan = run({ ...s, readStore: { ...s.readStore, indexed: false, unindexedFactor: 10 } });
    expect(scan.queries.latencyMs.mean).toBeCloseTo(2 + 40, 9);
  });

  it('counts: 20/s for 90 measured seconds, half commands', () => {
    // Arrivals every 50 ms from t = 50 ms: those at or after 10 s and before 100 s.
    expect(r.commands.offered + r.queries.offered).toBe(1800);
    expect(r.commands.throughputRps + r.queries.throughputRps).toBeCloseTo(20, 0);
  });
});
