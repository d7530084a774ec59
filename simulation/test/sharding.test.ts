/** Where writes land: Zipf keys make range partitioning load one shard; hashing spreads them. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { run, scenario } from './helpers';

const KEYS = 10_000;
const S = 1.1;

function zipfPmf(): number[] {
  const w = Array.from({ length: KEYS }, (_, i) => (i + 1) ** -S);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

function writesScenario(partitioning: 'hash' | 'range') {
  return scenario({
    durationS: 200,
    workload: { rps: 1000, writeRatio: 1, keys: { count: KEYS, distribution: 'zipf', zipfS: S }, followUpReads: { ratio: 0 } },
    commandService: { instances: 4, queueCapacity: 10_000 },
    writeStore: { shards: 4, partitioning, connectionsPerShard: 64 },
  });
}

describe('write store sharding with Zipf keys', () => {
  const pmf = zipfPmf();

  for (const partitioning of ['range', 'hash'] as const) {
    it(`${partitioning} partitioning: each shard's share of writes matches the Zipf mass of its keys`, () => {
      const s = writesScenario(partitioning);
      const sim = new Simulation(s);
      const expected = [0, 0, 0, 0];
      for (let k = 0; k < KEYS; k++) expected[sim.shardOf(k)] += pmf[k];
      const r = run(s);
      const writes = r.writeStore.shards.map((x) => x.writes);
      const n = writes.reduce((a, b) => a + b, 0);
      expect(n).toBeGreaterThan(150_000);
      writes.forEach((w, i) => {
        // Multinomial: standard error sqrt(p(1-p)/n) <= 0.0013; 5 of them.
        expect(Math.abs(w / n - expected[i])).toBeLessThan(5 * Math.sqrt((expected[i] * (1 - expected[i])) / n));
      });
      if (partitioning === 'range') {
        expect(writes[0] / n).toBeGreaterThan(0.7); // the hot shard
        expect(r.writeStore.shards[0].utilization).toBeGreaterThan(3 * r.writeStore.shards[3].utilization);
      } else {
        expect(Math.max(...writes) / n).toBeLessThan(0.4);
      }
    });
  }
});
