/** The page's run controls, driven headless as a person would: the real engine, no browser. */
import { describe, expect, it } from 'vitest';
import { exampleById } from '../../simulation/examples';
import { createTestController, type TestPage } from './testController';

const tMs = (p: TestPage) => p.run.getState().snapshot?.tMs;
const withoutWall = (p: TestPage) => JSON.stringify({ ...p.run.getState().report, wallMs: 0 });

async function started(): Promise<TestPage> {
  const p = createTestController();
  expect(await p.controller.init()).toBe(false); // no link in the address
  return p;
}

describe('controller: run controls', () => {
  it('controller.init() starts one worker on the built-in scenario, ready at time 0', async () => {
    const p = await started();
    expect(p.bridge.started).toBe(1);
    expect(p.run.getState().status).toBe('ready');
    expect(tMs(p)).toBe(0);
    expect(p.scenario.getState().scenario.queryService.instances).toBe(2);
    expect(p.run.getState().error).toBeNull();
  });

  it('controller.play() runs at 1x, pause() holds the time where it is', async () => {
    const p = await started();
    await p.controller.play();
    expect(p.run.getState().status).toBe('running');
    await p.passWall(1500);
    await p.controller.pause();
    expect(p.run.getState().status).toBe('paused');
    const at = tMs(p)!;
    expect(at).toBeGreaterThanOrEqual(1400);
    expect(at).toBeLessThanOrEqual(1500);
    // One whole window (0-1 s) reached the charts, with the requests it counted.
    const series = p.run.getState().series;
    expect(series.map((w) => w.tS)).toEqual([1]);
    // 400 requests a second, a fifth of them commands: about 320 queries (Poisson, sd about 18).
    expect(series[0].queries.offered).toBeGreaterThan(250);
    expect(series[0].queries.offered).toBeLessThan(400);
    await p.passWall(2000);
    expect(tMs(p)).toBe(at);
    expect(p.run.getState().status).toBe('paused');
  });

  it('controller.step() pauses at the end of the current simulated second, one second at a time', async () => {
    const p = await started();
    await p.controller.step();
    await p.passWall(50);
    expect(p.run.getState().status).toBe('paused');
    expect(tMs(p)).toBe(1000);
    await p.controller.step();
    // Same status: the page shows the update within its coalescing interval (100 ms), not at once.
    await p.passWall(50);
    expect(tMs(p)).toBe(1000);
    await p.passWall(100);
    expect(tMs(p)).toBe(2000);
  });

  it('controller.change() during a run applies at once as an intervention; reset() drops it and goes back to time 0', async () => {
    const p = await started();
    await p.controller.play();
    await p.passWall(1200);
    expect(await p.controller.change('queryService.instances', 4)).toBe(true);
    const s = p.scenario.getState();
    expect(s.scenario.queryService.instances).toBe(4);
    expect(s.interventions).toEqual([{ atS: expect.closeTo(1.2, 1), set: 'queryService.instances', value: 4 }]);
    expect(s.recorded).toBe(1);
    expect(p.run.getState().notice).toMatch(/^Query service: Instances set to 4 at 1\.\d{3} s, recorded as an intervention\.$/);
    expect((await p.controller.scenarioNow())!.queryService.instances).toBe(4);

    await p.controller.reset();
    expect(p.run.getState().status).toBe('ready');
    expect(tMs(p)).toBe(0);
    expect(p.scenario.getState()).toMatchObject({ interventions: [], recorded: 0 });
    expect(p.scenario.getState().scenario.queryService.instances).toBe(2);
    expect(p.run.getState().notice).toBeNull();
    expect((await p.controller.scenarioForStudy())!.interventions).toEqual([]);
  });

  it('controller.change() of a field fixed during a run starts a new run with it', async () => {
    const p = await started();
    await p.controller.play();
    await p.passWall(1500);
    expect(await p.controller.change('seed', 7)).toBe(true);
    expect(p.scenario.getState().scenario.seed).toBe(7);
    expect(p.scenario.getState().recorded).toBe(0);
    expect(p.run.getState().notice).toBe('Run: Seed cannot change during a run: a new run started with it.');
    expect(p.run.getState().status).toBe('running');
    expect(tMs(p)).toBeLessThan(1500);
    // Reset now goes back to the new scenario, not the first one.
    await p.controller.reset();
    expect(p.scenario.getState().scenario.seed).toBe(7);
  });

  it('controller.change() refuses a bad value with a message naming the field, and nothing changes', async () => {
    const p = await started();
    await p.controller.play();
    await p.passWall(1000);
    const before = p.scenario.getState();
    expect(await p.controller.change('queryService.instances', -3)).toBe(false);
    expect(await p.controller.change('workload.rps', 'lots')).toBe(false);
    const after = p.scenario.getState();
    expect(after.fieldProblems).toEqual({ 'queryService.instances': 'must be at least 0', 'workload.rps': 'must be a number' });
    expect(after.scenario).toBe(before.scenario);
    expect(after.interventions).toBe(before.interventions);
    const now = (await p.controller.scenarioNow())!;
    expect([now.queryService.instances, now.workload.rps]).toEqual([2, 400]);
    // The field's next accepted value clears its message, and only its.
    expect(await p.controller.change('queryService.instances', 3)).toBe(true);
    expect(p.scenario.getState().fieldProblems).toEqual({ 'workload.rps': 'must be a number' });
  });

  it('controller.loadText() refuses a bad scenario with its problems, and the run goes on where it was', async () => {
    const p = await started();
    await p.controller.step();
    await p.passWall(150);
    const before = p.scenario.getState().scenario;
    expect(await p.controller.loadText('{"version":1,"durationS":-5}', 'bad.json')).toBe(false);
    expect(p.scenario.getState().fileProblems.map((x) => x.path)).toEqual(['durationS', 'warmupS']);
    expect(p.run.getState().notice).toBe('bad.json was not loaded.');
    expect(await p.controller.loadText('{"version":1,', 'cut.json')).toBe(false);
    expect(p.scenario.getState().fileProblems).toHaveLength(1);
    expect(p.scenario.getState().scenario).toBe(before);
    expect(tMs(p)).toBe(1000);
    expect((await p.controller.scenarioNow())!.durationS).toBe(before.durationS);
  });

  it('an example loads and runs to its end; Play then runs it again with the change made during the run, to the same report', async () => {
    const p = await started();
    const ex = exampleById('indexing')!;
    // What the Examples menu does (src/examples/exampleActions.ts).
    const notice = `Loaded the example \u201c${ex.title}\u201d.`;
    expect(await p.controller.loadText(JSON.stringify(ex.scenario), ex.title, { notice })).toBe(true);
    expect(p.scenario.getState().scenario.name).toBe(ex.scenario.name);
    expect(p.run.getState().notice).toBe(notice);
    await p.controller.play();
    await p.passWall(2100);
    expect(await p.controller.change('queryService.instances', p.scenario.getState().scenario.queryService.instances + 1)).toBe(true);
    await p.controller.setSpeed('max');
    await p.passWall(50);
    expect(p.run.getState().status).toBe('done');
    expect(tMs(p)).toBe(p.scenario.getState().scenario.durationS * 1000);
    const first = withoutWall(p);

    await p.controller.play();
    expect(p.run.getState().notice).toBe('Running again with the change you made during the run, at the same simulated times. Reset drops them.');
    expect(p.scenario.getState().recorded).toBe(1);
    await p.passWall(50);
    expect(p.run.getState().status).toBe('done');
    expect(withoutWall(p)).toBe(first);
  });

  it('a failed worker is said on the page; Play starts a fresh one on the loaded scenario', async () => {
    const p = await started();
    expect(await p.controller.loadText(JSON.stringify({ version: 1, seed: 5 }), 'five.json')).toBe(true);
    await p.controller.play();
    await p.passWall(500);
    p.controller.failWorkerForTest('throw');
    await p.passWall(0);
    expect(p.run.getState().status).toBe('failed');
    expect(p.run.getState().error).toMatch(/^The simulation worker failed: .*the next run starts a new one\.$/);
    expect(p.bridge.alive).toBe(false);

    await p.controller.play();
    expect(p.bridge.started).toBe(2);
    expect(p.run.getState()).toMatchObject({ status: 'running', error: null });
    expect(p.scenario.getState().scenario.seed).toBe(5);
    await p.passWall(1000);
    expect(tMs(p)).toBeGreaterThan(0);
  });
});
