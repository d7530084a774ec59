import { describe, expect, it } from 'vitest';
import { isolated } from './isolated';

describe('isolated', () => {
  it('isolated() finds a lone point (one window after a step), which a line cannot draw', () => {
    expect(isolated([[5, 12]])).toEqual([[5, 12]]);
  });
  it('isolated() finds points between gaps and leaves joined points to the line', () => {
    expect(isolated([[1, 1], [2, 2], [3, NaN], [4, 4], [5, NaN], [6, 6], [7, 7]])).toEqual([[4, 4]]);
    expect(isolated([])).toEqual([]);
  });
});
