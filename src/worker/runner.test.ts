import { describe, expect, it } from 'vitest';
import { defaultScenario, parseScenario, runScenario, type Report, type WindowStats } from '../../simulation/index';
import { fakeClock } from './fakeClock';
import { Runner, type RunUpdate } from './runner';
import { cleanChangeTimeMs, mergeInterventions } from './interventions';

const withoutWall = (r: Report) => JSON.stringify({ ...r, wallMs: 0 });

describe('Runner', () => {
  it('Runner paces 1x: 500 wall ms advance 500 simulated ms', async () => {
    const { clock, advance } = fakeClock();
    const runner = new Runner(clock);
    await runner.load({ version: 1 });
    const updates: RunUpdate[] = [];
    runner.onUpdate = (u) => updates.push(u);
    runner.play();
    for (let i = 0; i < 50; i++) advance(10);
    runner.pause();
    expect(updates.at(-1)!.snapshot.tMs).toBe(500);
    expect(updates.at(-1)!.status).toBe('paused');
    expect(updates.every((u, i) => i === 0 || u.snapshot.tMs >= updates[i - 1].snapshot.tMs)).toBe(true);
  });

  it('Runner given the built-in scenario loads exactly it without checking it, as the checks would; anything else is checked', async () => {
    const { clock, advance } = fakeClock();
    const builtIn = defaultScenario();
    const fast = new Runner(clock, builtIn);
    const loaded = await fast.load(structuredClone(builtIn));
    const checked = parseScenario(builtIn);
    expect(loaded.ok && checked.ok).toBe(true);
    expect(JSON.stringify(loaded.ok && loaded.scenario)).toBe(JSON.stringify(checked.ok && checked.scenario));
    // One field off the built-in scenario and it is checked like any other.
    expect(await fast.load({ ...builtIn, seed: 'x' })).toMatchObject({ ok: false, problems: [{ path: 'seed' }] });
    expect((await fast.load({ ...builtIn, seed: 2 })).ok).toBe(true);
    expect(fast.scenarioToSave().seed).toBe(2);
    // A live change to the built-in run works too (it loads the checks first).
    await fast.load(builtIn);
    fast.setSpeed('max');
    fast.play();
    for (let i = 0; i < 200 && fast.report().commands.offered === 0; i++) advance(10);
    expect((await fast.change({ set: 'queryService.instances', value: 3 })).ok).toBe(true);
  });

  it('Runner.loadText() validates text in the worker and keeps the run when it has problems', async () => {
    const { clock } = fakeClock();
    const runner = new Runner(clock);
    expect(await runner.loadText('{ "version": 1, "seed": 9 }')).toMatchObject({ ok: true, scenario: { seed: 9 } });
    expect(await runner.loadText('{ "version": 1, ')).toMatchObject({ ok: false, problems: [{ path: '(file)' }] });
    expect(await runner.loadText('{ "version": 1, "seed": "x", "nope": 1 }')).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([{ path: 'nope', message: 'unknown field' }]),
    });
    expect(runner.scenarioToSave().seed).toBe(9);
  });

  it('Runner previews the first window at 1x (counts per second), stops at the first whole window, and leaves the report as it was', async () => {
    const { clock, advance, pending } = fakeClock();
    const runner = new Runner(clock);
    const input = { version: 1, durationS: 3, warmupS: 0, workload: { rps: 500 } };
    await runner.load(input);
    const updates: RunUpdate[] = [];
    runner.onUpdate = (u) => updates.push(u);
    runner.play();
    for (let i = 0; i < 200; i++) advance(10);
    const previews = updates.filter((u) => u.preview).map((u) => u.preview!);
    expect(previews.length).toBeGreaterThanOrEqual(3);
    expect(previews.every((w) => w.tS >= 0.2 && w.tS < 1)).toBe(true);
    const firstWindow = updates.findIndex((u) => u.windows.length > 0);
    expect(updates.slice(firstWindow).some((u) => u.preview)).toBe(false);
    // A preview is the window of the same scenario run to its time, per second.
    const p = previews[0];
    const shadow = parseScenario({ ...input, durationS: p.tS });
    if (!shadow.ok) throw new Error('bad scenario');
    let whole: WindowStats | undefined;
    runScenario(shadow.scenario, (w) => (whole ??= w));
    expect(p.queries.offered).toBeCloseTo(whole!.queries.offered / p.tS, 9);
    expect(p.queries.p99).toBe(whole!.queries.p99);
    runner.setSpeed('max');
    while (pending()) advance(1);
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error('bad scenario');
    expect(withoutWall(runner.report())).toBe(withoutWall(runScenario(parsed.scenario)));
  });

  it('Runner.step() stops at the end of the current window', async () => {
    const { clock, advance, pending } = fakeClock();
    const runner = new Runner(clock);
    await runner.load({ version: 1, durationS: 10, warmupS: 1 });
    let last: RunUpdate | null = null;
    runner.onUpdate = (u) => (last = u);
    runner.step();
    while (pending()) advance(1);
    expect(last!.snapshot.tMs).toBe(1000);
    expect(last!.status).toBe('paused');
  });

  it('Runner.change() records interventions that replay to the same report', async () => {
    const { clock, advance, pending } = fakeClock();
    const runner = new Runner(clock);
    await runner.load({ version: 1, durationS: 20, warmupS: 2, workload: { rps: 800 } });
    runner.setSpeed(7.3);
    runner.play();
    for (let i = 0; i < 400; i++) advance(3);
    expect((await runner.change({ set: 'queryService.instances', value: 4 })).ok).toBe(true);
    for (let i = 0; i < 300; i++) advance(3);
    expect((await runner.change({ set: 'cache.enabled', value: true })).ok).toBe(true);
    expect((await runner.change({ set: 'queryService.vcpus', value: 0 })).ok).toBe(false);
    runner.setSpeed('max');
    while (pending()) advance(1);
    const saved = runner.scenarioToSave();
    expect(saved.interventions.map((iv) => iv.set)).toEqual(['queryService.instances', 'cache.enabled']);
    const replay = parseScenario(JSON.parse(JSON.stringify(saved)));
    if (!replay.ok) throw new Error(JSON.stringify(replay.problems));
    expect(withoutWall(runner.report())).toBe(withoutWall(runScenario(replay.scenario)));
  });

  it('Runner.rerun() ("Run again") replays the changes recorded during the run to the same report; reset() drops them', async () => {
    const { clock, advance, pending } = fakeClock();
    const runner = new Runner(clock);
    await runner.load({ version: 1, durationS: 20, warmupS: 2, workload: { rps: 800 }, interventions: [{ atS: 15, set: 'workload.writeRatio', value: 0.5 }] });
    runner.setSpeed(5);
    runner.play();
    for (let i = 0; i < 300; i++) advance(3);
    expect((await runner.change({ set: 'queryService.instances', value: 1 })).ok).toBe(true);
    for (let i = 0; i < 300; i++) advance(3);
    expect((await runner.change({ set: 'cache.enabled', value: true })).ok).toBe(true);
    runner.setSpeed('max');
    while (pending()) advance(1);
    const first = withoutWall(runner.report());
    const saved = runner.scenarioToSave().interventions;

    const again = runner.rerun();
    expect(again.recorded).toBe(2);
    expect(again.interventions).toEqual(saved);
    const updates: RunUpdate[] = [];
    runner.onUpdate = (u) => updates.push(u);
    runner.play();
    while (pending()) advance(1);
    expect(updates.at(-1)!.status).toBe('done');
    expect(withoutWall(runner.report())).toBe(first);
    // Run again twice: the changes are still kept, and the report is still the same.
    expect(runner.rerun().recorded).toBe(2);
    runner.play();
    while (pending()) advance(1);
    expect(withoutWall(runner.report())).toBe(first);

    // Reset drops the recorded changes: only the file's intervention is left, and the run differs.
    runner.reset();
    expect(runner.scenarioToSave().interventions.map((iv) => iv.set)).toEqual(['workload.writeRatio']);
    runner.play();
    while (pending()) advance(1);
    expect(withoutWall(runner.report())).not.toBe(first);
  });

  it('Runner.change() of a field fixed during a run restarts at time 0', async () => {
    const { clock, advance } = fakeClock();
    const runner = new Runner(clock);
    await runner.load({ version: 1 });
    runner.play();
    for (let i = 0; i < 20; i++) advance(20);
    const r = await runner.change({ set: 'seed', value: 7 });
    expect(r.ok && r.restarted).toBe(true);
    expect(runner.scenarioToSave().seed).toBe(7);
  });
});

describe('interventions', () => {
  it('cleanChangeTimeMs() avoids window boundaries and round-trips through seconds', () => {
    for (const now of [0, 999.2, 1000, 1234.5, 59_999.9, 123_456_789.1]) {
      const t = cleanChangeTimeMs(now);
      expect(t).toBeGreaterThanOrEqual(now);
      expect(t % 1000).not.toBe(0);
      expect((t / 1000) * 1000).toBe(t);
    }
  });

  it('mergeInterventions() sorts by time and keeps the order of equal times', () => {
    const a = [{ atS: 1, set: 'a', value: 1 }, { atS: 5, set: 'b', value: 1 }];
    const b = [{ atS: 1, set: 'c', value: 1 }, { atS: 3, set: 'd', value: 1 }];
    expect(mergeInterventions(a, b).map((i) => i.set)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('Runner.change() removes an optional group with null at time 0 (a restart) as it does mid-run, and refuses null elsewhere alike', async () => {
    const scenario = { version: 1, durationS: 20, queryService: { instances: 3, autoscaling: { metric: 'cpu', target: 0.6 } } };
    const atStart = new Runner(fakeClock().clock);
    await atStart.load(scenario);
    const restarted = await atStart.change({ set: 'queryService.autoscaling', value: null });
    expect(restarted).toMatchObject({ ok: true, restarted: true });
    expect(restarted.ok && restarted.scenario.queryService.autoscaling).toBeUndefined();
    // Mid-run, the same change removes the group too (the rule the restart now shares).
    const { clock, advance } = fakeClock();
    const midRun = new Runner(clock);
    await midRun.load(scenario);
    midRun.play();
    for (let i = 0; i < 20; i++) advance(100);
    const live = await midRun.change({ set: 'queryService.autoscaling', value: null });
    expect(live).toMatchObject({ ok: true, restarted: false });
    expect(live.ok && live.scenario.queryService.autoscaling).toBeUndefined();
    // A null where the file has a default is refused in both, with the file's message.
    const refused = await atStart.change({ set: 'queryService.instances', value: null });
    expect(refused).toEqual({ ok: false, problems: [{ path: 'queryService.instances', message: 'must be a number' }] });
    expect(await midRun.change({ set: 'queryService.instances', value: null })).toEqual(refused);
  });
});
