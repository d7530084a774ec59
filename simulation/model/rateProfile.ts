/**
 * The arrival rate over time, piecewise linear, and the exact next arrival of a Poisson process
 * with that rate (inversion of the cumulative rate, so one uniform draw per arrival).
 *
 * With a profile, each point's ramp starts at its `atS`: the rate goes linearly from the level
 * before it to the point's `rps` over `rampS` seconds and holds from `atS + rampS` on (a next
 * point that comes earlier cuts the ramp where it stands); the first point's level also holds
 * before it. Without one, the rate is the constant `rps`.
 */
import type { Scenario } from '../scenario';

interface Segment {
  startMs: number;
  endMs: number;
  /** Rate at startMs, per ms. */
  rate: number;
  /** Change of rate per ms over the segment. */
  slope: number;
}

export class RateProfile {
  private segments: Segment[] = [];
  private index = 0;
  /** The rate per ms when it never changes (the common case, and the fast path); else 0. */
  readonly constantRate: number = 0;

  constructor(workload: Scenario['workload'], fromMs = 0) {
    const perMs = (rps: number) => rps / 1000;
    const points = workload.profile;
    if (!points || points.length === 0) {
      this.segments.push({ startMs: fromMs, endMs: Infinity, rate: perMs(workload.rps), slope: 0 });
      this.constantRate = perMs(workload.rps);
      return;
    }
    let t = 0;
    let level = perMs(points[0].rps);
    const add = (endMs: number, endLevel: number) => {
      if (endMs > t) this.segments.push({ startMs: t, endMs, rate: level, slope: (endLevel - level) / (endMs - t) });
      t = endMs;
      level = endLevel;
    };
    for (let i = 0; i < points.length; i++) {
      const at = points[i].atS * 1000;
      const target = perMs(points[i].rps);
      add(at, level);
      const rampEnd = at + points[i].rampS * 1000;
      const cut = i + 1 < points.length ? Math.min(rampEnd, points[i + 1].atS * 1000) : rampEnd;
      if (rampEnd > at) add(cut, level + (target - level) * ((cut - at) / (rampEnd - at)));
      else level = target;
      if (cut === rampEnd) level = target;
    }
    this.segments.push({ startMs: t, endMs: Infinity, rate: level, slope: 0 });
  }

  /** The rate at `tMs`, in requests per second. */
  rpsAt(tMs: number): number {
    for (const s of this.segments) {
      if (tMs < s.endMs) return Math.max(0, (s.rate + s.slope * (Math.max(tMs, s.startMs) - s.startMs)) * 1000);
    }
    return 0;
  }

  /**
   * The time of the next arrival after `nowMs`, given `e`, a standard exponential draw:
   * the t where the integral of the rate from nowMs to t equals e. Infinity if never.
   * Calls must come with non-decreasing `nowMs`.
   */
  next(nowMs: number, e: number): number {
    if (this.constantRate > 0) return nowMs + e / this.constantRate;
    const segs = this.segments;
    while (segs[this.index].endMs <= nowMs) this.index++;
    let t = nowMs;
    for (let i = this.index; i < segs.length; i++) {
      const s = segs[i];
      const r = s.rate + s.slope * (t - s.startMs);
      const span = s.endMs - t;
      const mass = span === Infinity ? (r > 0 ? Infinity : 0) : r * span + 0.5 * s.slope * span * span;
      if (mass >= e) {
        // Solve r d + slope d^2 / 2 = e for d, in the form that stays stable when slope is 0.
        return t + (2 * e) / (r + Math.sqrt(Math.max(0, r * r + 2 * s.slope * e)));
      }
      e -= mass;
      t = s.endMs;
    }
    return Infinity;
  }
}
