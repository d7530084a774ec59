import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/core';
import { stream } from '../engine/random';
import { buildReport, runScenario, Simulation } from '../index';
import { mm1 } from '../bench/scenarios';

/**
 * A small model on the bare core: "work" events at random (often equal) times, each ending with
 * a zero-delay "step" either scheduled on the calendar or, when `runsNow` allows, called at once,
 * which must give the same trace, event count and budget slices.
 */
function trace(atOnce: boolean, budget: number): { log: string[]; events: number } {
  const e = new Engine();
  const log: string[] = [];
  const u = stream(3, 'core');
  let step = 0;
  const onStep = (a: number, b: number) => {
    log.push(`${e.nowMs} step ${a} ${b}`);
    if (a % 3 === 0) e.schedule(e.nowMs, workKind, a + 1000); // more work due now, after this
  };
  const stepKind = e.on('test.step', onStep);
  const workKind = e.on('test.work', (a) => {
    log.push(`${e.nowMs} work ${a}`);
    if (a < 1000 && u.next() < 0.5) e.schedule(e.nowMs + Math.floor(u.next() * 3), workKind, a + 1);
    if (atOnce && e.runsNow()) onStep(step++, a);
    else e.schedule(e.nowMs, stepKind, step++, a);
  });
  for (let i = 0; i < 400; i++) e.schedule(Math.floor(u.next() * 50), workKind, i);
  while (!e.runUntil(100, budget)) log.push(`slice at ${e.events} events`);
  return { log, events: e.events };
}

describe('Engine.runsNow', () => {
  it('runs a zero-delay last step in the same order, and counts it, as if it were scheduled', () => {
    const scheduled = trace(false, Infinity);
    expect(scheduled.log.length).toBeGreaterThan(800);
    expect(trace(true, Infinity)).toEqual(scheduled);
    // Sliced by an event budget (as the page runs), the slices end at the same events.
    expect(trace(true, 7)).toEqual(trace(false, 7));
    expect(trace(true, 1)).toEqual(trace(false, 1));
  });

  it('gives M/M/1 (a read with no latency) the same report sliced by a small event budget or whole', () => {
    const whole = runScenario(mm1(20));
    expect(whole.queries.completed).toBeGreaterThan(10_000);
    const sim = new Simulation(mm1(20));
    for (let t = 0; !sim.done; ) {
      t += 1000;
      while (!sim.runUntil(t, 5));
    }
    expect({ ...buildReport(sim), wallMs: 0 }).toEqual({ ...whole, wallMs: 0 });
  });
});
