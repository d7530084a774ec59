/**
 * A rate profile point's ramp starts at its `atS` and reaches its level `rampS` later (the
 * README says so; this pins the engine to it).
 */
import { describe, expect, it } from 'vitest';
import { RateProfile } from '../model/rateProfile';
import { scenario } from './helpers';

const profileOf = (profile: { atS: number; rps: number; rampS?: number }[]) => new RateProfile(scenario({ workload: { profile } }).workload);

describe('RateProfile', () => {
  it('rpsAt(): the ramp starts at atS, is halfway after rampS / 2 and holds the level from atS + rampS', () => {
    const p = profileOf([
      { atS: 0, rps: 100 },
      { atS: 10, rps: 300, rampS: 10 },
    ]);
    expect(p.rpsAt(5_000)).toBeCloseTo(100, 9);
    expect(p.rpsAt(10_000)).toBeCloseTo(100, 9);
    expect(p.rpsAt(15_000)).toBeCloseTo(200, 9);
    expect(p.rpsAt(20_000)).toBeCloseTo(300, 9);
    expect(p.rpsAt(50_000)).toBeCloseTo(300, 9);
  });

  it('rpsAt(): without a ramp the level holds from atS; a later point cuts a ramp where it stands', () => {
    const p = profileOf([
      { atS: 0, rps: 100 },
      { atS: 10, rps: 500, rampS: 20 },
      { atS: 20, rps: 50 },
    ]);
    expect(p.rpsAt(9_999)).toBeCloseTo(100, 9);
    // Halfway up the ramp (100 to 500) when the next point, with no ramp, takes over.
    expect(p.rpsAt(19_999)).toBeCloseTo(100 + 400 * (9.999 / 20), 6);
    expect(p.rpsAt(20_000)).toBeCloseTo(50, 9);
    expect(p.rpsAt(40_000)).toBeCloseTo(50, 9);
  });
});
