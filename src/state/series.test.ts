import { describe, expect, it } from 'vitest';
import type { WindowStats } from '../../simulation/index';
import { appendWindows } from './series';

const w = (tS: number) => ({ tS }) as WindowStats;

describe('appendWindows', () => {
  it('appendWindows() returns the same array when nothing is new', () => {
    const s = [w(1)];
    expect(appendWindows(s, [])).toBe(s);
  });
  it('appendWindows() keeps only the latest windows', () => {
    const s = [1, 2, 3].map(w);
    expect(appendWindows(s, [4, 5].map(w), 4).map((x) => x.tS)).toEqual([2, 3, 4, 5]);
  });
});
