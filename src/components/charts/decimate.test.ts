import { describe, expect, it } from 'vitest';
import { decimate } from './decimate';

describe('decimate', () => {
  it('decimate() leaves short series alone', () => {
    const pts: [number, number][] = [[1, 1], [2, 2]];
    expect(decimate(pts, 10)).toBe(pts);
  });
  it('decimate() keeps each bucket\'s peak and the last point', () => {
    const pts = Array.from({ length: 100 }, (_, i) => [i, i === 37 ? 50 : 1] as [number, number]);
    const out = decimate(pts, 10);
    expect(out.length).toBeLessThanOrEqual(11);
    expect(out).toContainEqual([37, 50]);
    expect(out[out.length - 1]).toEqual([99, 1]);
  });
});
