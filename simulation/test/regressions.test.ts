/** Cases found in review, each once a bug: kept so they stay fixed. */
import { describe, expect, it } from 'vitest';
import { parseScenario, Simulation } from '../index';
import { run, scenario } from './helpers';

describe('regressions', () => {
  it('a consumer-group change during a long apply loses no event (the new owner is woken)', () => {
    const sim = new Simulation(
      scenario({
        durationS: 10,
        warmupS: 1,
        workload: { rps: 400, writeRatio: 1, followUpReads: { ratio: 0 } },
        eventStream: { partitions: 4, projectors: 2, rebalanceMs: 0, applyLatencyMs: 20 },
        interventions: [{ atS: 10, set: 'eventStream.projectors', value: 3 }],
      }),
    );
    sim.run();
    expect(sim.drain()).toBe(true);
    expect(Array.from(sim.nodeVersion[0])).toEqual(Array.from(sim.writeVersion));
  });

  it('a rolling restart goes on after a scale-in cancels the instance it was restarting', () => {
    const sim = new Simulation(
      scenario({
        durationS: 60,
        workload: { rps: 200 },
        queryService: { instances: 4, restartS: 2 },
        interventions: [
          { atS: 10, set: 'queryService.vcpus', value: 4 },
          { atS: 10.5, set: 'queryService.instances', value: 2 },
          { atS: 20, set: 'queryService.instances', value: 4 },
          { atS: 25, set: 'queryService.vcpus', value: 8 },
        ],
      }),
    );
    sim.run();
    const g = sim.qry;
    for (let i = 0; i < g.size; i++) if (g.state[i] !== 0) expect(g.vcpusOf[i]).toBe(8);
  });

  it('an autoscaler added mid-run measures from when it was added', () => {
    const r = run(
      scenario({
        durationS: 130,
        workload: { rps: 400 },
        queryService: { instances: 2 },
        interventions: [{ atS: 100, set: 'queryService.autoscaling', value: { metric: 'cpu', target: 0.6, max: 50, bootS: 0 } }],
      }),
    );
    // Load 400/s x ~80% queries x 3 ms = ~1 vCPU of 4: at target 0.6 two instances are plenty.
    expect(r.queryService.instances.max).toBe(2);
  });

  it('changing a schedule mid-run drops the old entries instead of crashing', () => {
    const r = run(
      scenario({
        durationS: 60,
        queryService: { autoscaling: { metric: 'cpu', target: 0.6, schedule: [{ atS: 50, instances: 5 }] } },
        interventions: [{ atS: 10, set: 'queryService.autoscaling.schedule', value: [] }],
      }),
    );
    expect(r.queryService.instances.max).toBe(2);
  });

  it('the fault and intervention timelines cannot be set by an intervention', () => {
    const p = parseScenario({ version: 1, faults: [{ atS: 20, kind: 'cacheFlush', target: 'cache' }], interventions: [{ atS: 10, set: 'faults', value: [] }] });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problems[0].path).toBe('interventions[0].set');
  });

  it("a timeout left over from a slot's previous occupant does not abandon the next one", () => {
    const r = run(
      scenario({
        durationS: 20,
        workload: { rps: 2000, timeoutMs: 500, retries: { max: 1 } },
        queryService: { instances: 6 },
        commandService: { instances: 4 },
        interventions: [{ atS: 5, set: 'workload.retries.max', value: 0 }],
      }),
    );
    expect(r.queries.timedOut).toBe(0);
    expect(r.queries.latencyMs.max).toBeLessThan(500);
  });

  it('appends stay in commit order, so event "update" never puts an older version in the cache', () => {
    const sim = new Simulation(
      scenario({
        durationS: 30,
        workload: { rps: 400, writeRatio: 0.5, keys: { count: 5 }, followUpReads: { ratio: 0 } },
        eventStream: { partitions: 1, appendLatencyMs: { type: 'exponential', meanMs: 30 } },
        readStore: { replicas: 0, queryLatencyMs: 0 },
        cache: { enabled: true, invalidation: 'event', onEvent: 'update', ttlS: 1e6 },
      }),
    );
    sim.run();
    expect(sim.drain()).toBe(true);
    for (let k = 0; k < 5; k++) {
      const cached = sim.cache!.peek(k);
      if (cached >= 0) expect(cached).toBe(sim.writeVersion[k]);
    }
  });

  it('replicas added after warm-up report their utilisation', () => {
    const r = run(scenario({ durationS: 30, readStore: { replicas: 0 }, interventions: [{ atS: 10, set: 'readStore.replicas', value: 2 }] }));
    expect(r.readStore.nodes[1].reads).toBeGreaterThan(0);
    expect(r.readStore.nodes[1].utilization).toBeGreaterThan(0);
  });

  it('a thousand instances start quickly (no quadratic rebuilds)', () => {
    const r = run(scenario({ durationS: 2, warmupS: 0, queryService: { instances: 1000 } }));
    expect(r.queryService.instances.final).toBe(1000);
  });

  it('validation refuses what would hang or never converge', () => {
    const paths = (input: object) => {
      const r = parseScenario({ version: 1, ...input });
      return r.ok ? [] : r.problems.map((p) => p.path).sort();
    };
    expect(
      paths({
        queryService: { loadBalancer: { algorithm: 'random', healthCheck: { intervalMs: 1e-300 } } },
        commandService: { autoscaling: { metric: 'cpu', target: 0.5, intervalS: 0.001 } },
      }),
    ).toEqual(['commandService.autoscaling.intervalS', 'queryService.loadBalancer.healthCheck.intervalMs']);
    // A memory target at or below an idle instance's share can never be met.
    expect(paths({ queryService: { autoscaling: { metric: 'memory', target: 0.2 } } })).toEqual(['queryService.autoscaling.target']);
    expect(paths({ faults: [{ atS: 1, kind: 'crash', target: 'queryService', instance: 7 }] })).toEqual(['faults[0].instance']);
  });

  it('an intervention with value null turns auto-scaling off, and the saved file replays', () => {
    const input = {
      version: 1,
      durationS: 60,
      queryService: { autoscaling: { metric: 'rps', target: 50, bootS: 0, intervalS: 2, cooldownOutS: 0 } },
      interventions: [{ atS: 20, set: 'queryService.autoscaling', value: null }],
    };
    const parsed = parseScenario(JSON.parse(JSON.stringify(input)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const r = run(parsed.scenario);
    expect(r.queryService.scalingActionCount).toBeGreaterThan(0);
    expect(r.queryService.scalingActions.every((a) => a.atS <= 20)).toBe(true);
  });
});
