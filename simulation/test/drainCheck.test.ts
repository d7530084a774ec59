/**
 * The fuzzer's check after a drain (`readNodeFailures`): every active read node holds each key at
 * its committed version. A dead letter excuses a key only when the key's newest write is the one
 * dropped; any other key behind is a lost update, whatever was dropped elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { readNodeFailures } from '../fuzz/check';
import { Simulation } from '../index';
import { scenario } from './helpers';

function drained(): Simulation {
  const sim = new Simulation(
    scenario({
      seed: 8,
      durationS: 3,
      warmupS: 0,
      workload: { rps: 400, writeRatio: 1, keys: { count: 200 }, followUpReads: { ratio: 0 } },
      readStore: { replicas: 1 },
      deadLetter: { failureRate: 0.3, maxAttempts: 1 },
    }),
  );
  sim.run();
  expect(sim.drain()).toBe(true);
  return sim;
}

describe('the check of the read nodes after a drain', () => {
  it('passes a sound run, whose keys behind are those whose newest write was dead-lettered', () => {
    const sim = drained();
    expect(sim.projection.dropped).toBeGreaterThan(100);
    const w = sim.writeVersion;
    const behind = [...w.keys()].filter((k) => sim.nodeVersion[0][k] < w[k]);
    expect(behind.length).toBeGreaterThan(10);
    for (const k of behind) expect(sim.projection.droppedVersion![k], `key ${k}`).toBe(w[k]);
    expect(readNodeFailures(sim)).toEqual([]);
  });

  it('fails a key behind whose newest write was applied, though other events were dropped', () => {
    const sim = drained();
    const w = sim.writeVersion;
    const applied = [...w.keys()].filter((k) => w[k] > 1 && sim.nodeVersion[1][k] === w[k]);
    expect(applied.length).toBeGreaterThan(10);
    const k = applied[0];
    sim.nodeVersion[1][k] = w[k] - 1;
    expect(readNodeFailures(sim)).toEqual([`after draining, read node 1 has key ${k} at version ${w[k] - 1}, committed ${w[k]}`]);
  });

  it('fails a key ahead of its committed version', () => {
    const sim = drained();
    sim.nodeVersion[0][5] = sim.writeVersion[5] + 1;
    expect(readNodeFailures(sim)).toHaveLength(1);
  });
});
