/**
 * The hardening issue's six classes of defect, each from its reproducer (prototype paths are in
 * fields.test.ts, the command line's cases in cli.test.ts), and the fuzzer's own checks.
 */
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../engine/eventQueue';
import { hash32 } from '../engine/hash';
import { stream } from '../engine/random';
import { checkScenario, reportFailures } from '../fuzz/check';
import { drawScenario } from '../fuzz/draw';
import { buildReport, MAX_PROBLEMS, parseScenario, parseScenarioText, runScenario, Simulation, type Report } from '../index';
import { InstanceGroup, READY } from '../model/instanceGroup';
import { scenario } from './helpers';

describe('class 2: event arguments have no packing to overflow', () => {
  it('eventQueue carries both arguments at the ends of their range, 0 and 2^31 - 1', () => {
    const q = new EventQueue(2);
    const top = 2 ** 31 - 1;
    q.push(2, 6, top, 0);
    q.push(1, 6, 0, top);
    q.push(3, 6, top, top);
    const out: number[][] = [];
    while (q.pop()) out.push([q.time, q.arg, q.arg2]);
    expect(out).toEqual([
      [1, 0, top],
      [2, top, 0],
      [3, top, top],
    ]);
  });

  it('a stream cut with a replica stops at the run limit with a sentence, not a TypeError', () => {
    const s = scenario({
      durationS: 1000,
      warmupS: 0,
      workload: { rps: 2000, writeRatio: 1, followUpReads: { ratio: 0 } },
      commandService: { instances: 8 },
      readStore: { replicas: 1 },
      faults: [{ atS: 1, kind: 'streamCut', target: 'eventStream' }],
    });
    const sim = new Simulation(s, { requestsInFlight: 1e9, streamEventsInFlight: 50_000, pendingEvents: 1e9 });
    sim.run();
    const r = buildReport(sim);
    expect(r.stopped?.reason).toMatch(/^50,0\d\d events not yet applied on every read node, over the limit of 50,000$/);
    // 50,000 writes at 2,000/s after the cut at 1 s: it stops near 26 s.
    expect(r.stopped!.atS).toBeGreaterThan(24);
    expect(r.stopped!.atS).toBeLessThan(28);
    expect(r.simulatedS).toBe(r.stopped!.atS);
    expect(reportFailures(r)).toEqual([]);
  });

  it('scheduled capacity of 1,000 instances and a new policy generation per change route to the right group', () => {
    const s = scenario({
      durationS: 6,
      warmupS: 0,
      workload: { rps: 50 },
      queryService: { autoscaling: { metric: 'cpu', target: 0.9, min: 1, max: 1000, intervalS: 100, schedule: [{ atS: 5, instances: 1000 }] } },
      interventions: [
        { atS: 1, set: 'queryService.autoscaling.target', value: 0.8 },
        { atS: 2, set: 'queryService.autoscaling.target', value: 0.7 },
      ],
    });
    const sim = new Simulation(s);
    sim.run();
    expect(sim.qry.desiredCount).toBe(1000);
    expect(sim.cmd.desiredCount).toBe(2);
  });
});

describe('class 3: work per event does not grow with a full rebuild', () => {
  /** The owner of a key on a ring built from scratch: 64 points per instance, sorted by (hash, owner). */
  function reference(routable: number[], key: number, salt: number): number {
    const points: [number, number][] = [];
    for (const i of routable) for (let v = 0; v < 64; v++) points.push([hash32(i * 64 + v, salt ^ 0x5bd1e995), i]);
    points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const h = hash32(key, salt);
    const at = points.findIndex((p) => p[0] >= h);
    return points[at < 0 ? 0 : at][1];
  }

  it('the consistent-hash ring, updated change by change, routes every key as a ring built from scratch', () => {
    const cfg = scenario({ queryService: { instances: 12, loadBalancer: 'consistent-hash' } }).queryService;
    const g = new InstanceGroup(cfg, stream(1, 'lb'), 0x9e);
    const u = stream(2, 'changes');
    for (let step = 0; step < 60; step++) {
      const i = Math.floor(u.next() * g.size);
      const what = u.next();
      if (what < 0.4) g.up[i] = g.up[i] ? 0 : 1;
      else if (what < 0.6) g.setInstances(1 + Math.floor(u.next() * 20), step, 0);
      else g.setState(i, g.state[i] === READY ? 2 : READY, step);
      g.healthChanged();
      const routable: number[] = [];
      for (let j = 0; j < g.size; j++) if (g.state[j] === READY && g.up[j]) routable.push(j);
      if (routable.length < 2) continue;
      for (let k = 0; k < 200; k++) {
        const key = Math.floor(u.next() * 1e6);
        expect(g.route(key)).toBe(reference(routable, key, 0x9e));
      }
    }
  });
});

describe('class 4: memory is bounded by a limit on work in flight', () => {
  it('an overload stops with "N requests in flight, over the limit of M", and the report still balances', () => {
    const s = scenario({
      durationS: 60,
      warmupS: 0,
      workload: { rps: 20_000, timeoutMs: 1_000_000 },
      queryService: { instances: 1, queueCapacity: 1_000_000, memoryPerRequestMb: 0 },
      commandService: { instances: 1, queueCapacity: 1_000_000, memoryPerRequestMb: 0 },
    });
    const sim = new Simulation(s, { requestsInFlight: 20_000, streamEventsInFlight: 1e9, pendingEvents: 1e9 });
    sim.run();
    const r = buildReport(sim);
    expect(r.stopped?.reason).toMatch(/^20,\d{3} requests in flight, over the limit of 20,000$/);
    expect(sim.done).toBe(true);
    expect(sim.reqs.live).toBeLessThanOrEqual(20_000 + 1024);
    expect(reportFailures(r)).toEqual([]);
  });

  it('an interrupt from the host (a wall-clock limit) stops the run with its reason', () => {
    let asked = 0;
    const r = runScenario(scenario({ durationS: 600, workload: { rps: 2000 } }), undefined, false, () => (++asked >= 3 ? 'enough' : null));
    expect(r.stopped?.reason).toBe('enough');
    expect(r.simulatedS).toBeLessThan(600);
  });

  it('a run that stays within the limits has no "stopped" in its report', () => {
    expect('stopped' in runScenario(scenario({ durationS: 3, warmupS: 1 }))).toBe(false);
  });
});

describe('class 5: inputs are bounded before they are parsed', () => {
  it('5,000 levels of nesting (10 KB) give one problem, not a stack overflow', () => {
    const r = parseScenarioText('{"version":1,"name":' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    expect(r).toEqual({ ok: false, problems: [{ path: '(scenario)', message: 'nested more than 64 levels deep (a scenario needs about 6)' }] });
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { x: deep };
    const r2 = parseScenario({ version: 1, interventions: [{ atS: 0, set: 'workload.rps', value: deep }] });
    expect(r2.ok).toBe(false);
  });

  it('text over 4 MiB is refused by its length, unread', () => {
    const r = parseScenarioText(' '.repeat(4 * 1024 * 1024 + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/^too large: 4194305 characters, over the limit of 4194304$/);
  });

  it('100,000 unknown keys give the first 20 problems and "and 99980 more problems"', () => {
    const o: Record<string, unknown> = { version: 1 };
    for (let i = 0; i < 100_000; i++) o[`k${i}`] = i;
    const r = parseScenarioText(JSON.stringify(o));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.length).toBe(MAX_PROBLEMS + 1);
      expect(r.problems[0]).toEqual({ path: 'k0', message: 'unknown field' });
      expect(r.problems[MAX_PROBLEMS]).toEqual({ path: '(scenario)', message: 'and 99980 more problems' });
    }
  });

  it('more than 10,000 interventions are refused at once, without validating each', () => {
    const interventions = Array.from({ length: 100_000 }, (_, i) => ({ atS: i / 10_000, set: 'workload.rps', value: 100 }));
    const r = parseScenario({ version: 1, interventions });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: 'interventions', message: 'must have at most 10,000 items' }]);
  });
});

describe('class 6: every number that could break arithmetic is bounded', () => {
  const problems = (input: unknown) => {
    const r = parseScenario(input);
    return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('memory at 1e308 and a ramp of 1e306 s are refused, naming the field', () => {
    expect(problems({ version: 1, queryService: { baseMemoryMb: 1e308, memoryLimitMb: 1e308 } })).toEqual([
      'queryService.baseMemoryMb: must be at most 10,000,000',
      'queryService.memoryLimitMb: must be at most 10,000,000',
    ]);
    expect(problems({ version: 1, workload: { profile: [{ atS: 0, rps: 100, rampS: 1e306 }] } })).toEqual([
      'workload.profile[0].rampS: must be at most 1,000,000',
    ]);
    expect(problems({ version: 1, readStore: { replicationLagMs: 1e300 } })).toEqual([
      'readStore.replicationLagMs: must be a number of milliseconds from 0 to 3600000',
    ]);
  });

  it('an unknown load balancer gets the load balancer message, not the latency one', () => {
    expect(problems({ version: 1, queryService: { loadBalancer: 'round-robbin' } })).toEqual([
      'queryService.loadBalancer: must be one of round-robin, random, least-connections, power-of-two, consistent-hash, or { algorithm, healthCheck }',
    ]);
  });

  it('the largest memory figures leave memory utilisation a number (the report had null)', () => {
    const r = runScenario(
      scenario({ durationS: 3, warmupS: 1, queryService: { baseMemoryMb: 9_000_000, memoryLimitMb: 10_000_000 } }),
    );
    expect(reportFailures(r)).toEqual([]);
    expect(r.queryService.memoryUtilization).toBeGreaterThan(0.89);
  });
});

describe('the fuzzer', () => {
  it('reportFailures() finds a broken balance, NaN, Infinity, null and a negative number', () => {
    const good = runScenario(scenario({ durationS: 2, warmupS: 0 }));
    expect(reportFailures(good)).toEqual([]);
    const bad = JSON.parse(JSON.stringify(good)) as Report;
    bad.commands.completed += 1;
    bad.queries.throughputRps = NaN;
    bad.consistencyLagMs.mean = Infinity;
    (bad as unknown as Record<string, unknown>).extra = null;
    bad.retries = -1;
    const f = reportFailures(bad).join('\n');
    expect(f).toMatch(/commands: offered \d+ != completed/);
    expect(f).toMatch(/queries\.throughputRps is NaN/);
    expect(f).toMatch(/consistencyLagMs\.mean is Infinity/);
    expect(f).toMatch(/extra is null/);
    expect(f).toMatch(/retries is negative/);
  });

  it('drawScenario() gives the same scenario for the same seed and index, and another for another index', () => {
    expect(drawScenario(5, 3)).toEqual(drawScenario(5, 3));
    expect(drawScenario(5, 3)).not.toEqual(drawScenario(5, 4));
  });

  // A small fixed budget in every test run; `npm run fuzz -- --runs 5000` is the long one.
  it('60 fuzzed scenarios of seed 2024: no invariant broken, and most of them valid', () => {
    let refused = 0;
    const failures: string[] = [];
    for (let i = 0; i < 60; i++) {
      const r = checkScenario(drawScenario(2024, i), { interrupt: () => null, determinism: i % 5 === 0, drain: i % 2 === 0 });
      if (r.kind === 'refused') refused++;
      for (const f of r.failures) failures.push(`run ${i}: ${f} (npm run fuzz -- --seed 2024 --only ${i})`);
    }
    expect(failures).toEqual([]);
    expect(refused).toBeLessThan(10);
  });
});
