/**
 * Which key a new client request touches: uniform over the key space, or Zipf-skewed (a few hot
 * keys take most requests), drawn from the workload's key stream.
 */
import type { Uniform } from '../engine/random';
import { zipfSampler } from '../engine/zipf';
import type { Scenario } from '../scenario';

/** Draws keys in `[0, keys.count)` from `u` as `keys.distribution` says. */
export function keySampler(keys: Scenario['workload']['keys'], u: Uniform): () => number {
  if (keys.distribution === 'zipf') {
    const z = zipfSampler(keys.count, keys.zipfS, u);
    return () => z() - 1;
  }
  const n = keys.count;
  return () => Math.floor(u() * n);
}
