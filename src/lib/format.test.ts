import { describe, expect, it } from 'vitest';
import { flatten } from './flatten';
import { formatByName, formatMs, formatNum, formatPct, groupThousands } from './format';

describe('format', () => {
  it('formatMs() keeps about 3 significant figures', () => {
    expect([formatMs(0.523), formatMs(12.34), formatMs(245.6), formatMs(NaN)]).toEqual(['0.52', '12.3', '246', '–']);
  });
  it('formatPct() shows a ratio as a percentage', () => {
    expect(formatPct(0.1234)).toBe('12.3%');
  });
  it('formatNum() groups integers and rounds the rest', () => {
    expect([formatNum(12345), formatNum(3.14159), formatNum(331.7)]).toEqual(['12,345', '3.14', '332']);
  });
  it('groupThousands() writes integers as toLocaleString("en-US") does', () => {
    const ns = [0, 7, -7, 999, 1000, -1000, 12345, 999_999, 1_000_000, -123_456_789, 2 ** 53 - 1];
    expect(ns.map(groupThousands)).toEqual(ns.map((n) => n.toLocaleString('en-US')));
  });
  it('formatByName() picks the unit from the report name', () => {
    expect(formatByName('queries.cacheHitRatio', 0.5)).toBe('50.0%');
    expect(formatByName('queries.latencyMs.p99', 16.9)).toBe('16.9 ms');
    expect(formatByName('commands.offered', 4330)).toBe('4,330');
    expect(formatByName('commands.latencyMs.count', 4330)).toBe('4,330');
    expect(formatByName('queryService.memoryUtilization', 0.25)).toBe('25.0%');
  });
});

describe('flatten', () => {
  it('flatten() names nested fields with dots and array indexes', () => {
    expect(flatten({ a: 1, b: { c: 2 }, d: [{ e: 3 }], s: 'x' })).toEqual([
      ['a', 1],
      ['b.c', 2],
      ['d[0].e', 3],
    ]);
  });
});
