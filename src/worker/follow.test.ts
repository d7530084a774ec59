import { describe, expect, it } from 'vitest';
import type { Report, Trace } from '../../simulation/index';
import { fakeClock } from './fakeClock';
import { Runner, type RunUpdate } from './runner';
import type { FollowKind } from './follow';

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
  expect(h.runner.follow(kind)).toBeNull();
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

  it("Runner.follow('any') follows the very next request; 'query' a query", async () => {
    const any = await follow('any');
    expect(any.followed()).toHaveLength(1);
    expect(any.followed()[0].request).toBe(1);
    const query = await follow('query');
    expect(query.followed()[0].kind).toBe('query');
  });

  it('Runner.follow() changes nothing in the run: the same report, byte for byte, as without it', async () => {
    const reports: string[] = [];
    for (const on of [false, true]) {
      const h = await harness();
      h.step();
      if (on) h.runner.follow('command');
      for (let s = 0; s < 5; s++) h.step();
      expect(h.updates.at(-1)!.status).toBe('done');
      expect(h.followed().length).toBe(on ? 1 : 0);
      reports.push(withoutWall(h.runner.report()));
    }
    expect(reports[1]).toBe(reports[0]);
  });

  it('Runner.follow() once the run has ended says why not', async () => {
    const h = await harness();
    for (let s = 0; s < 6; s++) h.step();
    expect(h.runner.follow('any')).toBe('The run has ended: play it again to follow a request.');
  });
});
