/**
 * Least-connections: from a rotating start in the routing set, the first instance whose requests
 * in flight are the least, wrapping round (so that ties do not always favour one instance).
 *
 * A small set is scanned (`scanLeast`). A large one keeps an index (`LeastLoaded`), a segment tree
 * of the loads by position in the set, which finds the same instance in O(log n): with 1,000 busy
 * instances the scan read all 1,000 for every request. Below `INDEX_FROM` instances the scan,
 * which stops at the first idle one, costs less than keeping the tree up to date (the default
 * scenario's two query instances cost 3% more instructions per request with the tree).
 */

/** The routing set's size from which least-connections keeps an index. */
export const INDEX_FROM = 32;

/** A leaf past the routing set's end: never the least. */
const EMPTY = 0x7fffffff;

/** The position in `ready` of the first least loaded instance from `start`, wrapping; the first idle one ends the scan. */
export function scanLeast(ready: readonly number[], load: Int32Array, start: number): number {
  // Start to the end, then the beginning up to start: two loops, where an index modulo n cost a division per step.
  const n = ready.length;
  let best = start;
  let bestLoad = load[ready[start]];
  for (let j = start + 1; j < n && bestLoad > 0; j++) {
    if (load[ready[j]] < bestLoad) {
      best = j;
      bestLoad = load[ready[j]];
    }
  }
  for (let j = 0; j < start && bestLoad > 0; j++) {
    if (load[ready[j]] < bestLoad) {
      best = j;
      bestLoad = load[ready[j]];
    }
  }
  return best;
}

export class LeastLoaded {
  /** Leaves: positions 0..size-1 at tree[size + p]; each inner node holds its children's least. */
  private size = 1;
  private tree = new Int32Array(2);
  /** Each instance's position in the routing set, -1 when it is not in it. */
  private posOf = new Int32Array(0);

  /** Indexes the routing set `ready` (instance numbers by position), with loads from `load`. */
  reset(ready: readonly number[], load: Int32Array, instances: number): void {
    let size = 1;
    while (size < ready.length) size <<= 1;
    if (this.tree.length < 2 * size) this.tree = new Int32Array(2 * size);
    if (this.posOf.length < instances) this.posOf = new Int32Array(Math.max(instances, 2 * this.posOf.length));
    this.size = size;
    const t = this.tree;
    t.fill(EMPTY, size, 2 * size);
    this.posOf.fill(-1);
    ready.forEach((i, p) => {
      t[size + p] = load[i];
      this.posOf[i] = p;
    });
    for (let k = size - 1; k >= 1; k--) t[k] = Math.min(t[2 * k], t[2 * k + 1]);
  }

  /** Instance i's load is now `value` (nothing to do when it is not in the routing set). */
  set(i: number, value: number): void {
    const p = i < this.posOf.length ? this.posOf[i] : -1;
    if (p < 0) return;
    const t = this.tree;
    let k = this.size + p;
    t[k] = value;
    // Up to the first ancestor whose least does not change: those above it do not either.
    for (k >>= 1; k >= 1; k >>= 1) {
      const m = Math.min(t[2 * k], t[2 * k + 1]);
      if (t[k] === m) break;
      t[k] = m;
    }
  }

  /** The position of the first least loaded instance at or after `start`, else from the beginning. */
  pick(start: number): number {
    const least = this.tree[1];
    const p = this.firstAtMost(start, least);
    return p >= 0 ? p : this.firstAtMost(0, least);
  }

  /** The first position at or after `from` whose load is at most `m`, or -1. */
  private firstAtMost(from: number, m: number): number {
    const t = this.tree;
    const size = this.size;
    let k = from + size;
    // Right along the leaves' level: up while k is a right child, then over to the next subtree.
    while (t[k] > m) {
      while (k & 1) k >>= 1;
      if (k === 0) return -1;
      k++;
    }
    // Down to the leftmost leaf of that subtree within the bound.
    while (k < size) {
      k <<= 1;
      if (t[k] > m) k++;
    }
    return k - size;
  }
}
