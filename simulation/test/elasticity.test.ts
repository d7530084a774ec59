/**
 * Scaling and capacity: CPU target tracking and scheduled floors, projectors scaled on lag, a
 * memory limit as M/M/1/K, and a vertical change rolled through the instances. Failures and
 * recovery (health checks, gray failures, retries, a healed stream) are in failover.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../output/snapshot';
import { queriesOnly, run, runWithWindows, scenario } from './helpers';

describe('CPU target tracking', () => {
  // Queries only; 2 instances x 2 vCPUs; mean service 10 ms. A step from 150/s to 550/s at 60 s.
  // Offered work after the step: 550/s x 10 ms = 5.5 vCPUs; per-instance capacity at target
  // 0.5 is 2 x 0.5 = 1 vCPU, so the arithmetic predicts ceil(5.5 / 1) = 6 instances. (Before the
  // step, 1.5 vCPUs need 2.) Neither figure sits on an integer boundary, so the measurement
  // noise of a 10 s interval (about 2%) cannot tip the count.
  const cfg = { intervalS: 10, cooldownOutS: 20, cooldownInS: 60, bootS: 15, min: 2, max: 20 };
  const s = scenario({
    durationS: 400,
    warmupS: 10,
    workload: { ...queriesOnly, profile: [{ atS: 0, rps: 150 }, { atS: 60, rps: 550 }] },
    queryService: {
      instances: 2,
      vcpus: 2,
      serviceTimeMs: { type: 'exponential', meanMs: 10 },
      memoryPerRequestMb: 0,
      autoscaling: { metric: 'cpu', target: 0.5, ...cfg },
    },
    readStore: { replicas: 0, queryLatencyMs: 0 },
  });
  const { report, windows } = runWithWindows(s);
  const actions = report.queryService.scalingActions;
  const predicted = Math.ceil((550 * 10) / 1000 / (2 * 0.5));

  it('reaches the instance count the arithmetic predicts and stays there', () => {
    expect(predicted).toBe(6);
    expect(report.queryService.instances.final).toBe(predicted);
    // No flapping: every action scales out, and the last one lands on the prediction.
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a.to).toBeGreaterThan(a.from);
    expect(actions[actions.length - 1].to).toBe(predicted);
    // Steady for the second half of the run.
    for (const w of windows.filter((w) => w.tS > 200)) expect(w.queryService.instances).toBe(predicted);
  });

  it('acts no sooner than the step, and new instances serve no sooner than the boot delay after', () => {
    expect(actions[0].atS).toBeGreaterThan(60);
    expect(actions[0].atS).toBeLessThanOrEqual(60 + cfg.intervalS);
    const firstMore = windows.find((w) => w.queryService.instances > 2)!;
    expect(firstMore.tS).toBeGreaterThanOrEqual(actions[0].atS + cfg.bootS);
    // Booting instances are visible in the series while they boot.
    expect(windows.some((w) => w.queryService.booting > 0)).toBe(true);
  });

  it('respects the scale-out cooldown', () => {
    for (let i = 1; i < actions.length; i++) expect(actions[i].atS - actions[i - 1].atS).toBeGreaterThanOrEqual(cfg.cooldownOutS);
  });

  it('scales in after the load falls, no sooner than the scale-in cooldown after the last action', () => {
    const down = scenario({
      ...s,
      durationS: 500,
      workload: { ...s.workload, profile: [{ atS: 0, rps: 550 }, { atS: 200, rps: 150 }] },
      queryService: { ...s.queryService, instances: 6 },
    });
    const r = run(down);
    const acts = r.queryService.scalingActions;
    const ins = acts.filter((a) => a.to < a.from);
    expect(ins.length).toBeGreaterThan(0);
    expect(r.queryService.instances.final).toBe(2);
    for (const a of ins) {
      const before = acts.filter((b) => b.atS < a.atS);
      if (before.length > 0) expect(a.atS - before[before.length - 1].atS).toBeGreaterThanOrEqual(cfg.cooldownInS);
      expect(a.atS).toBeGreaterThan(200);
    }
    // Cost: fewer instance-hours than keeping 6 for the whole run.
    expect(r.queryService.cost.instanceHours).toBeLessThan((6 * 500) / 3600);
    expect(r.queryService.cost.vcpuHours).toBeCloseTo(2 * r.queryService.cost.instanceHours, 9);
  });

  it('a schedule sets a floor at its time (pre-warming)', () => {
    const r = run(
      scenario({
        ...s,
        durationS: 120,
        workload: { ...s.workload, profile: [{ atS: 0, rps: 150 }] },
        queryService: { ...s.queryService, autoscaling: { metric: 'cpu', target: 0.5, ...cfg, schedule: [{ atS: 30, instances: 5 }] } },
      }),
    );
    expect(r.queryService.scalingActions[0]).toMatchObject({ atS: 30, from: 2, to: 5 });
    expect(r.queryService.instances.final).toBe(5);
  });
});

describe('scaling projectors and capacity', () => {
  it('projectors scaled on lag catch up with a write burst (KEDA-style)', () => {
    // Apply takes 10 ms, so one projector applies 100 events/s; 300 writes/s need 3 or more.
    const r = run(
      scenario({
        durationS: 180,
        workload: { rps: 300, writeRatio: 1, followUpReads: { ratio: 0 } },
        commandService: { instances: 4 },
        eventStream: {
          partitions: 8,
          projectors: 1,
          applyLatencyMs: 10,
          rebalanceMs: 1000,
          autoscaling: { metric: 'lag', target: 100, min: 1, max: 8, intervalS: 5, cooldownOutS: 10, cooldownInS: 60, bootS: 5 },
        },
      }),
    );
    expect(r.projectors.instances.final).toBeGreaterThanOrEqual(3);
    expect(r.projectors.scalingActionCount).toBeGreaterThan(0);
    expect(r.projectors.utilization).toBeGreaterThan(0.3);
    expect(r.projectors.utilization).toBeLessThan(1);
  });

  it('a memory limit caps requests in flight: M/M/1/K with K = (limit - base) / per-request', () => {
    // 100 MB base + 10 MB per request under a 300 MB limit: room for K = 20 requests on the one
    // instance (the queue capacity does not bind). Exponential service of 3 ms at 400/s: rho 1.2.
    const rho = 1.2;
    const K = 20;
    const blocked = ((1 - rho) * rho ** K) / (1 - rho ** (K + 1));
    const meanInSystem = rho / (1 - rho) - ((K + 1) * rho ** (K + 1)) / (1 - rho ** (K + 1));
    const r = run(
      scenario({
        durationS: 300,
        workload: { rps: 400, ...queriesOnly },
        queryService: {
          instances: 1,
          vcpus: 1,
          serviceTimeMs: { type: 'exponential', meanMs: 3 },
          queueCapacity: 10_000,
          baseMemoryMb: 100,
          memoryPerRequestMb: 10,
          memoryLimitMb: 300,
        },
        readStore: { replicas: 0, queryLatencyMs: 0 },
      }),
    );
    // ~115k arrivals: the blocking fraction's standard error is ~0.002 allowing for correlation.
    expect(Math.abs(r.queries.rejected / r.queries.offered - blocked)).toBeLessThan(0.01);
    expect(Math.abs(r.queryService.memoryUtilization - (100 + 10 * meanInSystem) / 300)).toBeLessThan(0.02);
    expect(r.queryService.memoryUtilization).toBeLessThanOrEqual(1);
  });

  it('a vertical change restarts instances one at a time, and capacity dips while it does', () => {
    const s = scenario({
      durationS: 90,
      workload: { rps: 300, ...queriesOnly },
      queryService: { instances: 3, vcpus: 2, restartS: 5 },
      interventions: [{ atS: 20, set: 'queryService.vcpus', value: 4 }],
    });
    const { sim, windows } = runWithWindows(s);
    for (const w of windows) expect(w.queryService.instances + w.queryService.booting + w.queryService.draining).toBe(3);
    // Three restarts of 5 s, back to back from 20 s: one instance out at a time until 35 s.
    const during = windows.filter((w) => w.tS > 20 && w.tS <= 35);
    expect(during.length).toBe(15);
    expect(during.every((w) => w.queryService.instances === 2)).toBe(true);
    expect(buildSnapshot(sim).queryService.instances.every((i) => i.vcpus === 4 && i.state === 'ready')).toBe(true);
  });
});
