import { describe, expect, it } from 'vitest';
import { parseScenario, type Report, type Trace } from '../../simulation/index';
import { runScenario } from '../../simulation/run';
import { F_TRACED } from '../../simulation/model/requestPool';
import { Simulation } from '../../simulation/simulation';
import { fakeClock } from './fakeClock';
import { Runner, type RunUpdate } from './runner';
import { Follower, type FollowKind } from './follow';

const SCENARIO = { version: 1, durationS: 6, warmupS: 1, workload: { rps: 400, writeRatio: 0.5 }, readStore: { replicas: 2 } };
const withoutWall = (r: Report) => JSON.stringify({ ...r, wallMs: 0 });

/** A runner on SCENARIO, its updates kept, and a way to step it one simulated second. */
async function harness() {
  const { clock, advance } = fakeClock();
  const runner = new Runner(clock);
  await runner.load(SCENARIO);
  const updates: RunUpdate[] = [];
  runner.onUpdate = (u) => updates.push(u);
  const step = () => {
    const target = (Math.floor((updates.at(-1)?.snapshot.tMs ?? 0) / 1000) + 1) * 1000;
    runner.step();
    for (let i = 0; i < 10_000 && updates.at(-1)?.snapshot.tMs !== Math.min(target, SCENARIO.durationS * 1000); i++) advance(10);
  };
  const followed = (): Trace[] => updates.flatMap((u) => (u.followed ? [u.followed] : []));
  return { runner, updates, step, followed, advance };
}

/** Runner.follow(kind) from 1 s, stepping until its trace comes. */
async function follow(kind: FollowKind) {
  const h = await harness();
  h.step();
  expect(h.runner.follower.start(kind)).toBeNull();
  for (let s = 0; s < 4 && h.followed().length === 0; s++) h.step();
  return h;
}

describe('Runner.follow', () => {
  it("Runner.follow('command') posts one trace, a command's, whose stages tile its latency and whose write reaches both replicas", async () => {
    const { followed } = await follow('command');
    expect(followed()).toHaveLength(1);
    const [t] = followed();
    expect(t.kind).toBe('command');
    const root = t.spans[0];
    expect(root.parent).toBe(0);
    expect(root.startMs).toBeGreaterThanOrEqual(1000);
    const attempt = t.spans.find((s) => s.parent === root.id && s.name === 'attempt 1')!;
    const stages = t.spans.filter((s) => s.parent === attempt.id).sort((a, b) => a.startMs - b.startMs);
    expect(stages[0].startMs).toBe(root.startMs);
    for (let k = 1; k < stages.length; k++) expect(stages[k].startMs).toBe(stages[k - 1].endMs);
    expect(stages.at(-1)!.endMs).toBe(root.endMs);
    const visibility = t.spans.find((s) => s.name === 'visibility')!;
    expect(t.spans.filter((s) => s.parent === visibility.id && s.name.startsWith('visible on replica'))).toHaveLength(2);
  });

  it("Runner.follow('any') follows the very next request (numbered from the run's first); 'query' a query", async () => {
    const any = await follow('any');
    expect(any.followed()).toHaveLength(1);
    expect(any.followed()[0].request).toBeGreaterThan(1);
    expect(any.followed()[0].spans[0].startMs).toBeGreaterThanOrEqual(1000);
    const query = await follow('query');
    expect(query.followed()[0].kind).toBe('query');
  });

  it('Runner.follow() (a tracer attached mid-run, detached once its request is done) changes nothing in the run: the same report, byte for byte, as a run without a tracer', async () => {
    const reports: string[] = [];
    for (const on of [false, true]) {
      const h = await harness();
      h.step();
      if (on) h.runner.follower.start('command');
      for (let s = 0; s < 5; s++) h.step();
      expect(h.updates.at(-1)!.status).toBe('done');
      expect(h.followed().length).toBe(on ? 1 : 0);
      reports.push(withoutWall(h.runner.report()));
    }
    expect(reports[1]).toBe(reports[0]);
    const parsed = parseScenario(SCENARIO);
    if (!parsed.ok) throw new Error('bad scenario');
    expect(reports[0]).toBe(withoutWall(runScenario(parsed.scenario)));
  });

  it('Runner.follow() once the run has ended says why not', async () => {
    const h = await harness();
    for (let s = 0; s < 6; s++) h.step();
    expect(h.runner.follower.start('any')).toBe('The run has ended: play it again to follow a request.');
  });
});

describe('Runner.follower.slowest', () => {
  it('chooses the slowest query and command answered in the last whole second, and a replay brings its trace, whose stages tile its latency; the run itself traces nothing', async () => {
    const h = await harness();
    for (let s = 0; s < 3; s++) h.step();
    // Every request's trace, from a run of its own (the run is deterministic): the slowest of second 2.
    const parsed = parseScenario(SCENARIO);
    if (!parsed.ok) throw new Error('bad scenario');
    const sim = new Simulation(parsed.scenario);
    const all: Trace[] = [];
    sim.trace({ every: 1, maxTraces: Infinity, onDone: (t) => all.push(t) });
    sim.runUntil(5000);
    for (const kind of ['query', 'command'] as const) {
      const a = h.runner.follower.slowest(kind);
      if (!a.ok) throw new Error(a.why);
      expect(a.second).toBe(2);
      for (let i = 0; i < 1000 && h.runner.follower.replaying; i++) h.advance(10);
      const t = h.followed().at(-1)!;
      expect(t.request).toBe(a.answered.request);
      const root = t.spans[0];
      const inSecond = all.filter((x) => x.kind === kind && x.spans[0].outcome === 'ok' && Math.floor(x.spans[0].endMs / 1000) === 2);
      expect(inSecond.length).toBeGreaterThan(10);
      const longest = Math.max(...inSecond.map((x) => x.spans[0].endMs - x.spans[0].startMs));
      expect(root.endMs - root.startMs).toBe(longest);
      expect(t.kind).toBe(kind);
      const attempts = t.spans.filter((s) => s.parent === root.id);
      expect(attempts.reduce((sum, s) => sum + s.endMs - s.startMs, 0)).toBeCloseTo(root.endMs - root.startMs, 9);
    }
    // An earlier second kept; a later one not run yet.
    expect(h.runner.follower.slowest('query', 1)).toMatchObject({ ok: true, second: 1 });
    expect(h.runner.follower.slowest('query', 3)).toMatchObject({ ok: false, why: 'The second from 3 s to 4 s has not run yet.' });
  });
});

describe('Follower', () => {
  it('traces no request while no one follows; following the next attaches a tracer of just those requests, which leaves the run once one is done', () => {
    const parsed = parseScenario(SCENARIO);
    if (!parsed.ok) throw new Error('bad scenario');
    const sim = new Simulation(parsed.scenario);
    const f = new Follower();
    f.attach(sim, { scenario: () => parsed.scenario, changeFn: () => ({ ok: true, scenario: parsed.scenario }), wake: () => {} });
    sim.runUntil(1500);
    expect(sim.clients.tracer).toBeNull();
    expect(sim.clients.watcher).not.toBeNull();
    expect(f.start('command')).toBeNull();
    const after = sim.clients.arrived;
    expect(sim.clients.tracer).not.toBeNull();
    let news = f.take();
    for (let t = 1600; !news.followed && t <= 3000; t += 100) {
      sim.runUntil(t);
      news = f.take();
    }
    expect(news.followed).toMatchObject({ kind: 'command' });
    expect(news.followed!.request).toBeGreaterThan(after);
    expect(news.followed!.request).toBeLessThanOrEqual(after + 64);
    // Gone from the run: no tracer, and no attempt left marked as traced.
    expect(sim.clients.tracer).toBeNull();
    expect(sim.reqs.tracer).toBeNull();
    expect(sim.stream.tracer).toBeNull();
    expect(sim.reqs.flags.every((x) => (x & F_TRACED) === 0)).toBe(true);
    sim.runUntil(4000);
    expect(f.take()).toEqual({});
  });
});
