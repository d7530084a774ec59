/**
 * Seeded random streams and the distributions drawn from them.
 *
 * Every purpose in the model has its own named stream derived from (scenario seed, name), so a
 * change to one component never reshuffles another's draws (common random numbers: adding a
 * replica leaves the arrival sequence as it was).
 */
import alea from 'seedrandom/lib/alea.js';
import type { Latency } from '../scenario';
import { exp, ln } from './detMath';

/** Uniforms drawn ahead at a time by a stream (a power of two). */
const BATCH = 128;

/**
 * A uniform generator on [0, 1): the stream named `name` for a scenario seed, alea's sequence,
 * seeded by alea itself, but drawn `BATCH` at a time into a typed array by the same recurrence.
 * Drawing ahead changes nothing: a stream has one consumer, which sees the same numbers in the
 * same order.
 *
 * A class, not a closure: a run makes a dozen streams, and V8 does not inline a call to a
 * function made as many closures (V8's "many closures" feedback), so a closure's draw was a call that
 * returned a newly allocated number. A method of one class is inlined at every call site, where a
 * draw is a load.
 */
export class Uniform {
  /** The generator's state (c, s0, s1, s2), in a typed array so that refills allocate nothing. */
  private readonly state: Float64Array;
  private readonly buf = new Float64Array(BATCH);
  private at = BATCH;

  constructor(seed: number, name: string) {
    const st = alea(`${seed}/${name}`, { state: true }).state();
    this.state = new Float64Array([st.c, st.s0, st.s1, st.s2]);
  }

  /** The next draw. */
  next(): number {
    if (this.at === BATCH) this.refill();
    return this.buf[this.at++];
  }

  private refill(): void {
    const state = this.state;
    const buf = this.buf;
    let c = state[0];
    let s0 = state[1];
    let s1 = state[2];
    let s2 = state[3];
    for (let i = 0; i < BATCH; i++) {
      // alea's step, operation for operation (seedrandom/lib/alea.js).
      const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      buf[i] = s2;
    }
    state[0] = c;
    state[1] = s0;
    state[2] = s1;
    state[3] = s2;
    this.at = 0;
  }
}

/** The stream named `name` for a scenario seed (see `Uniform`). */
export function stream(seed: number, name: string): Uniform {
  return new Uniform(seed, name);
}

/** The z-score of the 99th percentile of the standard normal distribution. */
const Z99 = 2.3263478740408408;

/** A sampler of latencies in ms for one distribution, drawing from one stream. */
export interface Sampler {
  draw(): number;
}

/**
 * Builds a sampler for a latency distribution. Constants draw nothing from the stream.
 *
 * One class per kind of distribution (at most four shapes at a call site, which V8 still
 * inlines), each running only its kind's code. Classes rather than closures for the reason
 * `Uniform` gives: a run builds several samplers of each kind.
 */
export function sampler(dist: Latency, u: Uniform): Sampler {
  switch (dist.type) {
    case 'constant':
      return new Fixed(dist.ms);
    case 'exponential':
      // A mean of 0 is the constant 0 (and draws nothing).
      return dist.meanMs === 0 ? new Fixed(0) : new Exponential(dist.meanMs, u);
    case 'uniform':
      return new UniformLatency(dist.minMs, dist.maxMs - dist.minMs, u);
    case 'lognormal': {
      const mu = ln(dist.medianMs);
      return new Lognormal(mu, (ln(dist.p99Ms) - mu) / Z99, u);
    }
  }
}

/** A constant latency. */
class Fixed implements Sampler {
  constructor(private readonly ms: number) {}
  draw(): number {
    return this.ms;
  }
}

class Exponential implements Sampler {
  constructor(
    private readonly mean: number,
    private readonly u: Uniform,
  ) {}
  draw(): number {
    return -this.mean * ln(1 - this.u.next());
  }
}

class UniformLatency implements Sampler {
  constructor(
    private readonly lo: number,
    private readonly span: number,
    private readonly u: Uniform,
  ) {}
  draw(): number {
    return this.lo + this.span * this.u.next();
  }
}

/**
 * A lognormal draw of parameters mu and sigma, by Marsaglia's polar method: a normal from pairs
 * of uniforms in the unit disc, with no trigonometry (whose last bits differ between engines).
 * One normal per accepted pair.
 */
class Lognormal implements Sampler {
  constructor(
    private readonly mu: number,
    private readonly sigma: number,
    private readonly u: Uniform,
  ) {}
  draw(): number {
    const u = this.u;
    for (;;) {
      const a = 2 * u.next() - 1;
      const b = 2 * u.next() - 1;
      const q = a * a + b * b;
      if (q > 0 && q < 1) return exp(this.mu + this.sigma * a * Math.sqrt((-2 * ln(q)) / q));
    }
  }
}
