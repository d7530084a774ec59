/**
 * Failures and recovery: health checks marking a crashed instance down and back up, load
 * balancing around a gray failure, retries and their budget, recovery after a cut stream, and
 * determinism with faults and interventions. Scaling and capacity are in elasticity.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { buildReport } from '../report';
import { buildSnapshot } from '../output/snapshot';
import { queriesOnly, run, runWithWindows, scenario } from './helpers';

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
