/**
 * The clients' open-loop arrival process: the times at which new client requests arrive, at the
 * rate profile's rate, Poisson (one uniform draw per arrival) or evenly spaced. A change of rate
 * restarts it from now (Poisson is memoryless); a drain stops it for good. Arrivals already on the
 * calendar carry the generation they were scheduled in, so a restart or stop makes them stale.
 */
import { ln } from '../engine/detMath';
import type { Uniform } from '../engine/random';
import type { Scenario } from '../scenario';
import { RateProfile } from './rateProfile';

export class Arrivals {
  /** Increases with every restart and stop: an arrival of an older generation is dropped. */
  gen = 0;
  private rate: RateProfile;
  private poisson: boolean;
  private stopped = false;

  constructor(
    private readonly uniform: Uniform,
    workload: Scenario['workload'],
  ) {
    this.rate = new RateProfile(workload);
    this.poisson = workload.arrivals === 'poisson';
  }

  /** The time of the arrival after one at `nowMs`, ms; Infinity once stopped. */
  next(nowMs: number): number {
    if (this.stopped) return Infinity;
    const e = this.poisson ? -ln(1 - this.uniform()) : 1;
    return this.rate.next(nowMs, e);
  }

  /** Arrivals stop for good (a drain). */
  stop(): void {
    this.stopped = true;
    this.gen++;
  }

  /** Starts over from `nowMs` under `workload`; arrivals already scheduled become stale. */
  restart(workload: Scenario['workload'], nowMs: number): void {
    this.rate = new RateProfile(workload, nowMs);
    this.poisson = workload.arrivals === 'poisson';
    this.gen++;
  }
}
