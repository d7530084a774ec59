import { describe, expect, it } from 'vitest';
import { figureLabel } from '../output/figureLabels';

describe('figureLabel', () => {
  it('labels a registry id from its parts', () => {
    expect(figureLabel('queries.latencyMs.p99')).toMatch(/^Query p99/);
  });

  it('finds only its own words: parts named like Object.prototype members are put into words', () => {
    expect(figureLabel('constructor.toString')).toBe('Constructor to string');
    expect(figureLabel('queries.hasOwnProperty')).toBe('Query has own property');
  });
});
