/**
 * The stage sums read only the stages a request's (or an event's) mask names (`StageSums.record`):
 * a writer of a stage vector that forgot the mask would lose that stage's time from every sum
 * without breaking the identity (the open stage takes what the others miss). So every record of
 * a run is checked here: no stage outside the mask holds time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../examples/catalogue';
import { drawScenario } from '../fuzz/draw';
import { INTERRUPT_EVERY } from '../limits';
import { StageSums } from '../metrics/stageSums';
import { parseScenario, runScenario } from '../index';

type Record = StageSums['record'];
const original: Record = StageSums.prototype.record;

/** Stages (by slot) the sums read that hold time outside the mask, over every record since `watch`. */
let unmasked: string[] = [];
let records = 0;

/** The slots a `StageSums` reads: its first `used` stages (private; read here for the check alone). */
const slotsOf = new WeakMap<StageSums, number[]>();
function readSlots(sums: StageSums): number[] {
  let slots = slotsOf.get(sums);
  if (slots === undefined) {
    const { column, used } = sums as unknown as { column: Int32Array; used: number };
    slots = [];
    for (let s = 0; s < 32; s++) if (column[s] >= 2 && column[s] < used + 2) slots.push(s);
    slotsOf.set(sums, slots);
  }
  return slots;
}

function watch(): void {
  unmasked = [];
  records = 0;
  StageSums.prototype.record = function (this: StageSums, vec, off, valueSlot, open, mask, also) {
    records++;
    for (const s of readSlots(this)) {
      if (vec[off + s] !== 0 && !(mask & (1 << s)) && unmasked.length < 20) unmasked.push(`slot ${s} = ${vec[off + s]} (mask ${mask})`);
    }
    original.call(this, vec, off, valueSlot, open, mask, also);
  };
}

function runCapped(input: unknown, maxEvents: number): void {
  const parsed = parseScenario(input);
  if (!parsed.ok) return;
  let asked = 0;
  runScenario(parsed.scenario, undefined, false, () => (++asked * INTERRUPT_EVERY >= maxEvents ? 'event budget' : null));
}

describe('stage masks', () => {
  beforeEach(watch);
  afterEach(() => {
    StageSums.prototype.record = original;
  });

  it('the check sees a stage whose time is outside the mask', () => {
    const sums = new StageSums(['a', 'b'], [0, 1]);
    const vec = new Float64Array([1, 2, 3]);
    sums.record(vec, 0, 2, 1, 0b10);
    expect(unmasked).toEqual(['slot 0 = 1 (mask 2)']);
  });

  it('every example, with retries, faults, replicas and the dead-letter queue: every stage with time is in its mask', () => {
    for (const ex of EXAMPLES) runCapped(ex.scenario, 100_000);
    expect(records).toBeGreaterThan(50_000);
    expect(unmasked).toEqual([]);
  });

  it('60 fuzzed scenarios: every stage with time is in its mask', () => {
    for (let i = 0; i < 60; i++) runCapped(drawScenario(4321, i), 300_000);
    expect(records).toBeGreaterThan(50_000);
    expect(unmasked).toEqual([]);
  });
});
