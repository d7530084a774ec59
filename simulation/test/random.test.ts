import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { stream } from '../engine/random';

describe('stream()', () => {
  it('stream(seed, name) draws exactly alea\'s sequence for "seed/name", across many refills of its batch', () => {
    for (const [seed, name] of [
      [1, 'workload.arrivals'],
      [4294967295, 'queryService.serviceTime'],
      [0, ''],
    ] as const) {
      const u = stream(seed, name);
      const ref = alea(`${seed}/${name}`);
      const got: number[] = [];
      const want: number[] = [];
      for (let i = 0; i < 1000; i++) {
        got.push(u.next());
        want.push(ref());
      }
      expect(got).toEqual(want);
    }
  });

  it('stream() gives streams of different names different sequences, and the same name the same one', () => {
    const a = stream(7, 'a');
    const b = stream(7, 'b');
    const a2 = stream(7, 'a');
    const xs = Array.from({ length: 300 }, () => [a.next(), b.next(), a2.next()]);
    expect(xs.every(([x, , z]) => x === z)).toBe(true);
    expect(xs.filter(([x, y]) => x === y).length).toBe(0);
  });
});
