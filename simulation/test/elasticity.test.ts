/** Auto-scaling, health checks, load balancing around a gray failure, retries, and recovery. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { buildReport } from '../report';
import { buildSnapshot } from '../snapshot';
import type { WindowStats } from '../types';
import { run, scenario } from './helpers';

function runWithWindows(s: ReturnType<typeof scenario>) {
  const sim = new Simulation(s);
  const windows: WindowStats[] = [];
  while (!sim.done) {
    sim.runUntil(sim.nowMs + 10_000);
    windows.push(...sim.drainWindows());
  }
  return { sim, report: buildReport(sim), windows };
}

const queriesOnly = { writeRatio: 0, followUpReads: { ratio: 0 }, timeoutMs: 1e9 };

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

describe('health checks', () => {
  it('a crashed instance is marked down within interval x threshold, and then gets no traffic', () => {
    const hc = { intervalMs: 500, unhealthyAfter: 4, healthyAfter: 2 };
    const s = scenario({
      durationS: 60,
      workload: { rps: 400, ...queriesOnly },
      queryService: { instances: 3, loadBalancer: { algorithm: 'round-robin', healthCheck: hc } },
      faults: [{ atS: 20.25, kind: 'crash', target: 'queryService', instance: 1 }],
    });
    const { report, windows } = runWithWindows(s);
    expect(report.detectionMs.count).toBe(1);
    expect(report.detectionMs.max).toBeLessThanOrEqual(hc.intervalMs * hc.unhealthyAfter);
    expect(report.detectionMs.max).toBeGreaterThan(hc.intervalMs * (hc.unhealthyAfter - 1));
    // Round robin sent a third of the traffic to the dead instance until it was marked down...
    expect(report.errors.deadInstance).toBeGreaterThan(0.25 * 400 * (report.detectionMs.max / 1000) * 0.8);
    // ...and nothing after: no failure in any window that starts after detection.
    const detectedS = 20.25 + report.detectionMs.max / 1000;
    for (const w of windows.filter((w) => w.tS - 1 >= detectedS)) expect(w.queries.failed).toBe(0);
    // The series shows the same failures, by cause, in the windows around the crash.
    const seriesDead = windows.reduce((n, w) => n + w.errors.deadInstance, 0);
    expect(seriesDead).toBe(report.errors.deadInstance); // the crash came after warm-up
    expect(windows.filter((w) => w.errors.deadInstance > 0).every((w) => w.tS > 20 && w.tS - 1 < detectedS)).toBe(true);
    expect(report.queryService.instances.final).toBe(3); // still provisioned, just out of rotation
  });

  it('a recovered instance rejoins after healthyAfter passing probes', () => {
    const s = scenario({
      durationS: 40,
      workload: { rps: 300, ...queriesOnly },
      queryService: { instances: 2, loadBalancer: { algorithm: 'round-robin', healthCheck: { intervalMs: 1000, unhealthyAfter: 2, healthyAfter: 3 } } },
      faults: [{ atS: 10, kind: 'crash', target: 'queryService', instance: 0, forS: 10 }],
    });
    const sim = new Simulation(s);
    sim.runUntil(15_000);
    expect(buildSnapshot(sim).queryService.instances[0]).toMatchObject({ state: 'down', up: false });
    sim.runUntil(21_500); // recovered at 20 s; probes pass at 20 and 21 s, the third at 22 s
    expect(buildSnapshot(sim).queryService.instances[0].up).toBe(false);
    sim.runUntil(22_500);
    expect(buildSnapshot(sim).queryService.instances[0]).toMatchObject({ state: 'ready', up: true });
  });
});

describe('load balancing around a gray failure', () => {
  // 4 instances x 1 vCPU, mean service 5 ms, 400/s (utilisation 0.5); instance 0 runs 10x slower
  // but passes its probes. Round robin keeps giving it a quarter of the traffic (100/s against a
  // capacity of 20/s); least-connections and power-of-two send it less as its queue grows.
  const base = {
    durationS: 120,
    workload: { rps: 400, writeRatio: 0, followUpReads: { ratio: 0 }, timeoutMs: 1e9 },
    queryService: { instances: 4, vcpus: 1, serviceTimeMs: { type: 'exponential', meanMs: 5 } },
    readStore: { replicas: 0, queryLatencyMs: 0 },
    faults: [{ atS: 0, kind: 'slow', target: 'queryService', instance: 0, factor: 10 }],
  };
  const p99 = (lb: string) => {
    const r = run(scenario({ ...base, queryService: { ...base.queryService, loadBalancer: lb } }));
    expect(r.detectionMs.count).toBe(0); // the slow instance is never marked down
    return r.queries.latencyMs.p99;
  };

  it('least-connections and power-of-two beat round-robin on p99', () => {
    const rr = p99('round-robin');
    const lc = p99('least-connections');
    const p2 = p99('power-of-two');
    expect(lc).toBeLessThan(rr / 3);
    expect(p2).toBeLessThan(rr / 3);
  });
});

describe('retries', () => {
  // Two query instances; one crashes at 20 s and its health check takes 5 s to notice. Every
  // attempt sent to it fails at once and is retried after a short backoff: a retry storm.
  const base = scenario({
    durationS: 60,
    workload: { rps: 500, writeRatio: 0, followUpReads: { ratio: 0 }, timeoutMs: 1000, retries: { max: 5, backoffMs: 5, jitter: 1 } },
    queryService: { instances: 2, loadBalancer: { algorithm: 'round-robin', healthCheck: { intervalMs: 1000, unhealthyAfter: 5, healthyAfter: 2 } } },
    faults: [{ atS: 20, kind: 'crash', target: 'queryService', instance: 1 }],
  });

  it('a retry budget damps the retry storm after a crash', () => {
    const unbounded = run(base);
    const budgeted = run({ ...base, workload: { ...base.workload, retries: { ...base.workload.retries, budget: 0.05 } } });
    expect(unbounded.retries).toBeGreaterThan(1000);
    expect(budgeted.retries).toBeLessThan(unbounded.retries / 3);
    expect(budgeted.queries.offered).toBeLessThan(unbounded.queries.offered);
    // Without a budget nearly every request eventually succeeds; with one, more give up.
    expect(budgeted.queries.requests.gaveUp).toBeGreaterThan(unbounded.queries.requests.gaveUp);
    for (const r of [unbounded, budgeted]) {
      const q = r.queries;
      expect(q.offered).toBe(q.completed + q.rejected + q.timedOut + q.failed + q.inFlight);
      expect(q.requests.started).toBe(q.requests.succeeded + q.requests.gaveUp + q.requests.inProgress);
      expect(q.offered).toBe(q.requests.started + q.retries);
    }
  });

  it('timed-out attempts are retried while the server still works on them', () => {
    // One slow instance, timeouts of 50 ms: attempts time out, their retries add load.
    const r = run(
      scenario({
        durationS: 30,
        workload: { rps: 300, writeRatio: 0, followUpReads: { ratio: 0 }, timeoutMs: 50, retries: { max: 2, backoffMs: 10 } },
        queryService: { instances: 1, vcpus: 1, serviceTimeMs: { type: 'exponential', meanMs: 3 }, queueCapacity: 1000 },
      }),
    );
    expect(r.queries.timedOut).toBeGreaterThan(0);
    expect(r.queries.retries).toBeGreaterThan(0);
    expect(r.queries.offered).toBe(r.queries.completed + r.queries.rejected + r.queries.timedOut + r.queries.failed + r.queries.inFlight);
  });
});

describe('recovery', () => {
  it('after the stream is cut and healed and the run drains, every write is visible everywhere', () => {
    const s = scenario({
      durationS: 60,
      workload: { rps: 600, writeRatio: 0.5, keys: { count: 500 } },
      readStore: { replicas: 3, replicationLagMs: { type: 'exponential', meanMs: 80 } },
      faults: [
        { atS: 10, kind: 'streamCut', target: 'eventStream', forS: 20 },
        { atS: 15, kind: 'crash', target: 'commandService', instance: 0, forS: 5 },
        { atS: 35, kind: 'shardDown', target: 'writeStore', shard: 1, forS: 3 },
      ],
    });
    const sim = new Simulation(s);
    sim.runUntil(29_000);
    expect(sim.stream.lagEvents).toBeGreaterThan(1000); // the cut built a backlog
    sim.run();
    expect(sim.drain()).toBe(true);
    const committed = sim.writeVersion;
    expect(committed.reduce((a, b) => a + b, 0)).toBeGreaterThan(10_000);
    for (let node = 0; node < sim.nodeVersion.length; node++) {
      expect(Array.from(sim.nodeVersion[node])).toEqual(Array.from(committed));
    }
    const r = buildReport(sim);
    expect(r.errors.deadInstance).toBeGreaterThan(0);
    expect(r.errors.shardDown).toBeGreaterThan(0);
    expect(r.eventStream.maxLagMs).toBeGreaterThan(15_000);
    for (const c of [r.commands, r.queries]) {
      expect(c.inFlight).toBe(0);
      expect(c.offered).toBe(c.completed + c.rejected + c.timedOut + c.failed);
    }
  });

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

describe('determinism with faults and interventions', () => {
  it('the same inputs give the same report', () => {
    const s = scenario({
      durationS: 40,
      workload: { retries: { max: 2, budget: 0.2 } },
      queryService: { autoscaling: { metric: 'rps', target: 150, bootS: 3 } },
      faults: [
        { atS: 5, kind: 'crash', target: 'queryService', instance: 0, forS: 8 },
        { atS: 10, kind: 'errors', target: 'commandService', fraction: 0.2, forS: 5 },
        { atS: 12, kind: 'cacheFlush', target: 'cache' },
      ],
      interventions: [{ atS: 15, set: 'cache.enabled', value: true }],
    });
    const a = JSON.stringify(run(s));
    expect(JSON.stringify(run(s))).toBe(a);
    expect(JSON.parse(a).errors.injected).toBeGreaterThan(0);
  });
});
