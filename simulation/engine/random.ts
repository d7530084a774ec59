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

/** A uniform generator on [0, 1). */
export type Uniform = () => number;

/** The stream named `name` for a scenario seed. */
export function stream(seed: number, name: string): Uniform {
  return alea(`${seed}/${name}`) as Uniform;
}

/** The z-score of the 99th percentile of the standard normal distribution. */
const Z99 = 2.3263478740408408;

/** A sampler of latencies in ms for one distribution, drawing from one stream. */
export type Sampler = () => number;

/** Builds a sampler for a latency distribution. Constants draw nothing from the stream. */
export function sampler(dist: Latency, u: Uniform): Sampler {
  switch (dist.type) {
    case 'constant': {
      const ms = dist.ms;
      return () => ms;
    }
    case 'exponential': {
      const mean = dist.meanMs;
      if (mean === 0) return () => 0;
      return () => -mean * ln(1 - u());
    }
    case 'uniform': {
      const lo = dist.minMs;
      const span = dist.maxMs - dist.minMs;
      return () => lo + span * u();
    }
    case 'lognormal': {
      const mu = ln(dist.medianMs);
      const sigma = (ln(dist.p99Ms) - mu) / Z99;
      // Marsaglia's polar method: a normal from pairs of uniforms in the unit disc, with no
      // trigonometry (whose last bits differ between engines). One normal per accepted pair.
      return () => {
        for (;;) {
          const a = 2 * u() - 1;
          const b = 2 * u() - 1;
          const q = a * a + b * b;
          if (q > 0 && q < 1) return exp(mu + sigma * a * Math.sqrt((-2 * ln(q)) / q));
        }
      };
    }
  }
}
