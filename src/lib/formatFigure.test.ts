import { describe, expect, it } from 'vitest';
import { FIGURES } from '../../simulation/figures';
import { formatByUnit, formatFigure } from './formatFigure';

describe('formatFigure', () => {
  it('formatFigure() shows instance counts as counts, not milliseconds (the "All figures" bug)', () => {
    expect(formatFigure('queryService.instances.max', 4)).toBe('4 instances');
    expect(formatFigure('projectors.instances.min', 2)).toBe('2 projectors');
  });
  it('formatFigure() formats each unit: ms, ratio, s, rps, counts', () => {
    expect(formatFigure('queries.latencyMs.p99', 16.94)).toBe('16.9 ms');
    expect(formatFigure('queries.cacheHitRatio', 0.5)).toBe('50.0%');
    expect(formatFigure('commandService.scalingActions[2].atS', 20)).toBe('20 s');
    expect(formatFigure('queries.throughputRps', 331.7)).toBe('332 /s');
    expect(formatFigure('commands.offered', 4330)).toBe('4,330 attempts');
    expect(formatFigure('commandService.cost.vcpuHours', 0.0123)).toBe('0.012 vCPU-hours');
    expect(formatFigure('no.such.figure', 3)).toBe('3');
    expect(formatFigure('queryService.cost.usd', 0.0052)).toBe('$0.0052');
    expect(formatFigure('queryService.cost.usd', 12.345)).toBe('$12.35');
  });
  it('formatByUnit() gives every registry unit a reading that is not "ms" unless the unit is ms', () => {
    for (const f of FIGURES) {
      const text = formatByUnit(f.unit, 4);
      expect(text.endsWith(' ms'), f.id).toBe(f.unit === 'ms');
    }
  });
});
