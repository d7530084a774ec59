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
  /**
   * The next arrival's time, ms (Infinity once stopped), written by `step`: a double returned from
   * a call V8 does not inline is boxed, an allocation per arrival; a slot of a typed array is not.
   */
  readonly nextMs = new Float64Array(1);
  private rate: RateProfile;
  private poisson: boolean;
  private stopped = false;

  constructor(
    private readonly uniform: Uniform,
    workload: Scenario['workload'],
    private readonly clock: { readonly nowMs: number },
  ) {
    this.rate = new RateProfile(workload);
    this.poisson = workload.arrivals === 'poisson';
  }

  /** Draws the arrival after one now into `nextMs[0]`. */
  step(): void {
    if (this.stopped) {
      this.nextMs[0] = Infinity;
      return;
    }
    const e = this.poisson ? -ln(1 - this.uniform.next()) : 1;
    const nowMs = this.clock.nowMs;
    const rate = this.rate.constantRate;
    this.nextMs[0] = rate > 0 ? nowMs + e / rate : this.rate.next(nowMs, e);
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

/** Whether a change of the workload changes the arrival process (its rate, its kind or its profile). */
export function arrivalsChanged(before: Scenario['workload'], after: Scenario['workload']): boolean {
  return before.rps !== after.rps || before.arrivals !== after.arrivals || JSON.stringify(before.profile) !== JSON.stringify(after.profile);
}
