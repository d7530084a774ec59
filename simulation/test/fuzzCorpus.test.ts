/** The fuzzer's corpus: every kept case is checked again, drained and twice for determinism. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario, healForDrain, lateNotStuck } from '../fuzz/check';
import { parseScenario, Simulation } from '../index';
import { corpusFile, FUZZ_CORPUS } from '../fuzz/corpus';

const load = (c: (typeof FUZZ_CORPUS)[number]) => JSON.parse(readFileSync(new URL(`../fuzz/${corpusFile(c)}`, import.meta.url), 'utf8')) as unknown;

describe('fuzz corpus', () => {
  for (const c of FUZZ_CORPUS) {
    it(`checkScenario() on corpus case ${c.seed}/${c.index}: no failure${c.drainTooSlow ? ', its drain slow rather than stuck' : ''}`, () => {
      const r = checkScenario(load(c), { interrupt: () => null, determinism: true, drain: true });
      expect(r.failures).toEqual([]);
      expect(r.kind).toBe('done');
      if (c.drainTooSlow !== undefined) expect(r.drainTooSlow).toBe(c.drainTooSlow);
    });
  }
});

describe('the drain oracle on late replica copies (corpus case 705/1581)', () => {
  const c = FUZZ_CORPUS.find((k) => k.seed === 705 && k.index === 1581)!;

  it('an event whose missing copies are all on the calendar is late, not stuck; one copy without a delivery is stuck', () => {
    const parsed = parseScenario(load(c));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const sim = new Simulation(parsed.scenario);
    sim.run();
    healForDrain(sim);
    // The first hour drains all but one event; the second leaves that one waiting for its copy.
    expect(sim.drain()).toBe(false);
    expect(sim.drain()).toBe(false);
    expect(sim.reqs.live).toBe(0);
    expect(sim.stream.liveEvents).toBe(1);
    expect(lateNotStuck(sim)).toBe(true);
    // A copy the event waits for but nothing will deliver: the check must no longer excuse it.
    let ev = -1;
    sim.engine.calendar.forEachPending((_t, kind, arg) => {
      if (sim.engine.kindNames[kind] === 'readStore.replicate') ev = arg;
    });
    expect(ev).toBeGreaterThanOrEqual(0);
    sim.stream.pendingReplicas[ev]++;
    expect(lateNotStuck(sim)).toBe(false);
  });
});
