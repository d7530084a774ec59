/**
 * A live change is checked once: by the engine (Simulation.checkChange, with the scenario schema's
 * `changedScenario`), which the runner asks and then trusts when it applies the change. The
 * schema's check is counted through a spy on the worker's checks module.
 */
import { describe, expect, it, vi } from 'vitest';
import { changedScenario as engineCheck } from '../../simulation/input/changes';
import { fakeClock } from './fakeClock';
import { Runner } from './runner';
import { changedScenario } from './validation';

vi.mock('./validation', async (importOriginal) => {
  const real = await importOriginal<typeof import('./validation')>();
  return { ...real, changedScenario: vi.fn(real.changedScenario) };
});

/** A runner of a 20 s scenario, paused 2 s into the run. */
async function midRun(): Promise<Runner> {
  const { clock, advance } = fakeClock();
  const runner = new Runner(clock);
  await runner.load({ version: 1, durationS: 20, workload: { rps: 200 } });
  runner.play();
  for (let i = 0; i < 20; i++) advance(100);
  runner.pause();
  return runner;
}

describe('Runner.change() checks a live change once', () => {
  it('Runner.change() of a live field calls the scenario check once, and applies the change', async () => {
    const runner = await midRun();
    const check = vi.mocked(changedScenario);
    check.mockClear();
    const r = await runner.change({ set: 'queryService.instances', value: 4 });
    expect(r).toMatchObject({ ok: true, restarted: false });
    expect(runner.scenarioNow().queryService.instances).toBe(4);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('Runner.change() refuses an invalid live change after one check, with the engine\'s own problems', async () => {
    const runner = await midRun();
    const check = vi.mocked(changedScenario);
    const change = { set: 'queryService.vcpus', value: 0 };
    const expected = engineCheck(runner.scenarioNow(), change);
    expect(expected.ok).toBe(false);
    check.mockClear();
    expect(await runner.change(change)).toEqual(expected);
    expect(check).toHaveBeenCalledTimes(1);
  });
});
