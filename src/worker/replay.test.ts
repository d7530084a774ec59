/**
 * "Follow the slowest" traces its request by a replay of the run (replay.ts). Here the page's run
 * itself also traces every request (as the page did before), a change is made live in the middle,
 * and the replayed trace of the slowest request of a second must be that request's trace from the
 * run that traced everything.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Trace } from '../../simulation/index';
import type { Simulation } from '../../simulation/simulation';
import { fakeClock } from './fakeClock';
import { Follower, type ReplaySource } from './follow';
import { Runner, type RunUpdate } from './runner';

/** Some queries fail at random and are retried; the live change takes an instance of the query service away. */
const SCENARIO = {
  version: 1,
  durationS: 8,
  warmupS: 1,
  seed: 11,
  workload: { rps: 400, writeRatio: 0.3, retries: { max: 2, backoffMs: 20, jitter: 1 } },
  faults: [{ atS: 0, kind: 'errors', target: 'queryService', fraction: 0.05, forS: 8 }],
  queryService: { instances: 2 },
  readStore: { replicas: 2 },
};

/** Span ids renumbered 1, 2, ... in their order: one tracer numbers the spans of every request it traces in one count. */
function canonical(t: Trace): Trace {
  const rank = new Map([...t.spans.map((s) => s.id)].sort((a, b) => a - b).map((id, i) => [id, i + 1]));
  return { ...t, spans: t.spans.map((s) => ({ ...s, id: rank.get(s.id)!, parent: s.parent === 0 ? 0 : rank.get(s.parent)! })) };
}

afterEach(() => vi.restoreAllMocks());

describe('Follower.slowest replays the run', () => {
  it("the replayed trace of the slowest query and command of a second equals their traces from the page's run tracing every request, with a change made live before that second", async () => {
    // The page's run traces every request too, as the page did before.
    const all: Trace[] = [];
    const attach = Follower.prototype.attach;
    vi.spyOn(Follower.prototype, 'attach').mockImplementation(function (this: Follower, sim: Simulation, source: ReplaySource) {
      attach.call(this, sim, source);
      sim.trace({ every: 1, maxTraces: Infinity, onDone: (t) => all.push(t) });
    });
    const { clock, advance } = fakeClock();
    const runner = new Runner(clock);
    await runner.load(SCENARIO);
    const updates: RunUpdate[] = [];
    runner.onUpdate = (u) => updates.push(u);
    const now = () => updates.at(-1)?.snapshot.tMs ?? 0;
    const stepTo = (s: number) => {
      while (now() < s * 1000) {
        const target = (Math.floor(now() / 1000) + 1) * 1000;
        runner.step();
        for (let i = 0; i < 10_000 && now() !== target; i++) advance(10);
      }
    };
    stepTo(2);
    expect(await runner.change({ set: 'queryService.instances', value: 1 })).toMatchObject({ ok: true, restarted: false });
    stepTo(4);

    const replayed: Trace[] = [];
    for (const kind of ['query', 'command'] as const) {
      const a = runner.follower.slowest(kind);
      if (!a.ok) throw new Error(a.why);
      expect(a.second).toBe(3);
      expect(runner.follower.replaying).toBe(true);
      const seen = updates.length;
      for (let i = 0; i < 10_000 && runner.follower.replaying; i++) advance(10);
      const t = updates.slice(seen).find((u) => u.followed)?.followed;
      if (!t) throw new Error(`no trace of the slowest ${kind}`);
      expect(t.request).toBe(a.answered.request);
      replayed.push(t);
    }
    // The replays left the page's run where it was.
    expect(updates.at(-1)!.snapshot.tMs).toBe(4000);
    stepTo(8);

    for (const t of replayed) {
      const full = all.find((f) => f.request === t.request);
      expect(full).toBeDefined();
      expect(canonical(t)).toEqual(canonical(full!));
      // And it is the slowest of its class answered from 3 s to 4 s.
      const latency = (f: Trace) => f.spans[0].endMs - f.spans[0].startMs;
      const inSecond = all.filter((f) => f.kind === t.kind && f.spans[0].outcome === 'ok' && Math.floor(f.spans[0].endMs / 1000) === 3);
      expect(inSecond.length).toBeGreaterThan(10);
      expect(latency(t)).toBe(Math.max(...inSecond.map(latency)));
    }
    // The slowest query was retried after a timeout: its request number went with its retry.
    expect(replayed[0].spans.some((s) => s.name === 'attempt 2')).toBe(true);
  });
});
