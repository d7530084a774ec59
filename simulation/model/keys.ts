/**
 * Which key a new client request touches: uniform over the key space, or Zipf-skewed (a few hot
 * keys take most requests), drawn from the workload's key stream.
 */
import type { Uniform } from '../engine/random';
import { Zipf } from '../engine/zipf';
import type { Scenario } from '../scenario';

/** Draws a key (`next`). Classes, not closures: see `Uniform`. */
export interface KeySampler {
  next(): number;
}

class UniformKeys implements KeySampler {
  constructor(
    private readonly n: number,
    private readonly u: Uniform,
  ) {}
  next(): number {
    return Math.floor(this.u.next() * this.n);
  }
}

class ZipfKeys implements KeySampler {
  private readonly z: Zipf;
  constructor(keys: Scenario['workload']['keys'], u: Uniform) {
    this.z = new Zipf(keys.count, keys.zipfS, u);
  }
  next(): number {
    return this.z.next() - 1;
  }
}

/** Draws keys in `[0, keys.count)` from `u` as `keys.distribution` says. */
export function keySampler(keys: Scenario['workload']['keys'], u: Uniform): KeySampler {
  return keys.distribution === 'zipf' ? new ZipfKeys(keys, u) : new UniformKeys(keys.count, u);
}
