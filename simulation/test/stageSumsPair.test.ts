/**
 * `StageSums.record(…, also)` keeps a window's and the run's sums in one pass (`add` with a second
 * set of sums) when both have the same columns. It must give, to the bit, what two records of the
 * same samples give, one into each: the reports' stage figures were made that way before, and a sum added in another order
 * would differ in its last bits.
 */
import { describe, expect, it } from 'vitest';
import { Histogram } from '../metrics/histogram';
import { StageSums } from '../metrics/stageSums';
import { stream } from '../engine/random';

const IDS = ['queueWait', 'service', 'cache', 'readConnWait', 'read', 'failedAttempts', 'backoff'];
const SLOTS = [0, 1, 2, 3, 4, 8, 9];
const VALUE = 10;

/** What two sums hold, to compare them whole: totals, rows, the buckets touched and their range (private fields, read for the check alone). */
function inside(s: StageSums): unknown {
  const o = s as unknown as { total: Float64Array; rows: Float64Array | null; touched: Int32Array; nTouched: number; lo: number; hi: number };
  return { total: [...o.total], rows: o.rows === null ? null : [...o.rows], touched: [...o.touched.subarray(0, o.nTouched)], lo: o.lo, hi: o.hi };
}

/** `n` samples of random stages (some 0, as in a run), each with its mask, value and open stage. */
function feed(n: number, seed: number, record: (vec: Float64Array, open: number, mask: number, h: number) => void): void {
  const u = stream(seed, 'stageSumsPair');
  const vec = new Float64Array(12);
  for (let i = 0; i < n; i++) {
    let mask = 0;
    let sum = 0;
    vec.fill(0);
    for (const s of SLOTS) {
      if (u.next() < 0.5) continue;
      const x = u.next() < 0.9 ? -Math.log1p(-u.next()) * 3 : u.next() * 400; // a few slow ones: a tail
      vec[s] = x;
      sum += x;
      mask |= 1 << s;
    }
    // The value is not the sum of the stages in slot order (a request's value is its own
    // difference of times): what rounding leaves over goes to the open stage, and must be added alike.
    vec[VALUE] = sum * (1 + (u.next() - 0.5) * 1e-12);
    const open = SLOTS[Math.floor(u.next() * SLOTS.length)];
    record(vec, open, mask, i);
  }
}

describe('stage sums of a window and the run in one pass', () => {
  it('equal, bit for bit, two separate records: every sum and row, the buckets touched, the splits, after resets, with all stages read and only the attempt\'s', () => {
    for (const used of [SLOTS.length, 5]) {
      const run1 = new StageSums(IDS, SLOTS, used);
      const win1 = new StageSums(IDS, SLOTS, used);
      const run2 = new StageSums(IDS, SLOTS, used);
      const win2 = new StageSums(IDS, SLOTS, used);
      const hRun = new Histogram();
      const hWin = new Histogram();
      const splits: [unknown, unknown][] = [];
      // Samples arrive at both in the same order; every 500th a window closes; a tenth of them are not counted in the run.
      const both = (vec: Float64Array, open: number, mask: number, i: number) => {
        const counted = i % 10 !== 3;
        win1.record(vec, 0, VALUE, open, mask, counted ? run1 : null);
        win2.record(vec, 0, VALUE, open, mask);
        if (counted) run2.record(vec, 0, VALUE, open, mask);
        hWin.record(vec[VALUE]);
        if (counted) hRun.record(vec[VALUE]);
        if (i % 500 === 499) {
          splits.push([win1.split(hWin), win2.split(hWin)]);
          expect(inside(win1)).toEqual(inside(win2));
          expect(inside(run1)).toEqual(inside(run2));
          win1.reset();
          win2.reset();
          hWin.reset();
        }
      };
      feed(5_000, 17 + used, both);
      expect(run1.count).toBe(run2.count);
      expect(run1.count).toBeGreaterThan(4_000);
      expect(run1.split(hRun)).toEqual(run2.split(hRun));
      // toEqual compares numbers with Object.is: equal to the bit (and the tail is there to compare).
      expect(run1.split(hRun).tail.count).toBeGreaterThan(40);
      expect(inside(run1)).toEqual(inside(run2));
      run1.reset();
      run2.reset();
      expect(inside(run1)).toEqual(inside(run2));
      expect(splits).toHaveLength(10);
      for (const [a, b] of splits) expect(a).toEqual(b);
    }
  });
});
