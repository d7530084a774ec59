/**
 * The consistent-hash ring of a load balancer: 64 points per instance in the routing set, a key
 * going to the owner of the first point at or after its hash (clockwise), wrapping to the start.
 * The ring is brought up to date on first use after a change of the routing set, by removing the
 * points of the instances that left and merging in those of the ones that joined: O(points) per
 * change, not a sort of the whole ring.
 */
import { grown } from '../engine/grown';
import { hash32 } from '../engine/hash';

/** Virtual nodes per instance on the ring. */
const VNODES = 64;
/**
 * A ring point is one float64: its 32-bit hash times 2^20 plus its owner (an instance slot, far
 * below 2^20 since slots are reused), exact below 2^53. Sorting the numbers sorts by (hash,
 * owner), the order a ring of pairs would have, with the engine's native typed-array sort.
 */
const OWNER_SPAN = 1_048_576;

export class HashRing {
  /** The ring's points, sorted, in `points[0..length)`; `inRing` marks their owners. */
  private points: Float64Array = new Float64Array(0);
  private length = 0;
  private inRing: Uint8Array = new Uint8Array(0);
  private stale = true;

  /** `salt` seeds the keys' hashes (the points' hashes use a salt derived from it). */
  constructor(private readonly salt: number) {}

  /** The routing set changed: the ring follows it at its next use. */
  markStale(): void {
    this.stale = true;
  }

  /** The instance that owns `key`, among `routable` (of the group's `n` slots; at least one). */
  owner(key: number, routable: readonly number[], n: number): number {
    if (this.stale) this.update(routable, n);
    const h = hash32(key, this.salt) * OWNER_SPAN;
    const ring = this.points;
    const len = this.length;
    let lo = 0;
    let hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ring[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    return ring[lo === len ? 0 : lo] % OWNER_SPAN;
  }

  /** Brings the ring in line with the routing set: drops the points of instances that left, merges in those that joined. */
  private update(routable: readonly number[], n: number): void {
    this.stale = false;
    if (this.inRing.length < n) this.inRing = grown(this.inRing, Math.max(8, 2 * n));
    const want = new Uint8Array(n);
    for (const i of routable) want[i] = 1;
    const inRing = this.inRing;
    let leaving = false;
    const joining: number[] = [];
    for (let i = 0; i < n; i++) {
      if (inRing[i] && !want[i]) leaving = true;
      else if (!inRing[i] && want[i]) joining.push(i);
    }
    let ring = this.points;
    let len = this.length;
    if (leaving) {
      let kept = 0;
      for (let j = 0; j < len; j++) if (want[ring[j] % OWNER_SPAN]) ring[kept++] = ring[j];
      len = kept;
    }
    if (joining.length > 0) {
      const added = new Float64Array(joining.length * VNODES);
      let k = 0;
      for (const i of joining) {
        for (let v = 0; v < VNODES; v++) added[k++] = hash32(i * VNODES + v, this.salt ^ 0x5bd1e995) * OWNER_SPAN + i;
      }
      added.sort();
      // Merge from the back, in place, into an array with room for both.
      if (ring.length < len + added.length) {
        const bigger = new Float64Array(Math.max(2 * ring.length, len + added.length));
        bigger.set(ring.subarray(0, len));
        ring = bigger;
      }
      let a = len - 1;
      let b = added.length - 1;
      for (let out = len + added.length - 1; b >= 0; out--) ring[out] = a >= 0 && ring[a] > added[b] ? ring[a--] : added[b--];
      len += added.length;
    }
    this.points = ring;
    this.length = len;
    for (let i = 0; i < n; i++) inRing[i] = want[i];
  }
}
