/**
 * A part's declared limit stops the run: the engine checks each part's `held()` with its own run
 * limits. A stand-in part, added to the list for this file only, holds one more thing each
 * simulated second; past its limit of 3 the run stops with the sentence `overPartLimit` makes.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Part } from '../parts';

const standIn = vi.hoisted(
  (): Part => ({
    name: 'standIn',
    limit: { what: 'stand-in things held', max: 3 },
    create: (world) => ({
      used: false,
      configure: () => {},
      held: () => Math.floor(world.engine.nowMs / 1000),
    }),
  }),
);

vi.mock('../parts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../parts')>();
  return { ...real, PARTS: [...real.PARTS, standIn] };
});

const { buildReport, Simulation } = await import('../index');
const { scenario } = await import('./helpers');

describe("a part's limit", () => {
  it('stops the run once the part holds more than it declared, saying what and when', () => {
    const sim = new Simulation(scenario({ seed: 2, durationS: 10, warmupS: 0, workload: { rps: 2000 } }));
    expect(sim.parts.map(({ part }) => part.name)).toContain('standIn');
    sim.run();
    const stop = sim.stopped!;
    expect(stop.reason).toBe('4 stand-in things held, over the limit of 3');
    // Checked every 1,024 events: at 2,000 requests a second (several events each), within a few ms of 4 s.
    expect(stop.atS).toBeGreaterThanOrEqual(4);
    expect(stop.atS).toBeLessThan(4.1);
    expect(buildReport(sim).stopped).toEqual(stop);
  });

  it('lets a run whose parts stay within their limits end', () => {
    const sim = new Simulation(scenario({ seed: 2, durationS: 3, warmupS: 0, workload: { rps: 2000 } }));
    sim.run();
    expect(sim.stopped).toBeNull();
  });
});
