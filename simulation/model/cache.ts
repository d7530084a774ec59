/**
 * The distributed cache in front of the read store: keys are placed on nodes by hash, each node
 * an LRU of `capacity` entries. An entry holds the version of the key it was filled with and the
 * time it expires (TTL counted from when it was stored, as in Redis and Memcached).
 *
 * Entries live in typed arrays linked into one doubly linked list per node; `slotOfKey` finds a
 * key's entry in O(1). Memory is bounded by min(keys, nodes x capacity).
 */
import { grown } from '../engine/grown';
import { hash32 } from '../engine/hash';

const NONE = -1;

export class Cache {
  private slotOfKey: Int32Array;
  private keyOf = new Int32Array(64);
  private versionOf = new Int32Array(64);
  private expiresMs = new Float64Array(64);
  private prev = new Int32Array(64);
  private next = new Int32Array(64);
  private used = 0;
  private free: number[] = [];
  /** Most and least recently used entry per node. */
  private head: Int32Array;
  private tail: Int32Array;
  readonly sizes: Int32Array;
  /** Lookups and hits per node, ever (for the page's per-node view). */
  readonly lookups: Float64Array;
  readonly hits: Float64Array;

  /** Set by `get` on a hit: the cached version. */
  hitVersion = 0;

  constructor(
    keyCount: number,
    readonly nodes: number,
    public capacity: number,
  ) {
    this.slotOfKey = new Int32Array(keyCount).fill(NONE);
    this.head = new Int32Array(nodes).fill(NONE);
    this.tail = new Int32Array(nodes).fill(NONE);
    this.sizes = new Int32Array(nodes);
    this.lookups = new Float64Array(nodes);
    this.hits = new Float64Array(nodes);
  }

  nodeOf(key: number): number {
    return hash32(key, 0x1ca7e) % this.nodes;
  }

  /** Looks `key` up at `nowMs`. On a hit, sets `hitVersion` and refreshes recency. */
  get(key: number, nowMs: number): boolean {
    const node = this.nodeOf(key);
    this.lookups[node]++;
    const s = this.slotOfKey[key];
    if (s === NONE) return false;
    if (this.expiresMs[s] <= nowMs) {
      this.remove(s, node);
      return false;
    }
    this.hits[node]++;
    this.hitVersion = this.versionOf[s];
    this.unlink(s, node);
    this.linkFront(s, node);
    return true;
  }

  /** Stores `version` of `key`, expiring at `expiresMs` (Infinity for no TTL). */
  put(key: number, version: number, expiresMs: number): void {
    const node = this.nodeOf(key);
    let s = this.slotOfKey[key];
    if (s !== NONE) {
      this.unlink(s, node);
    } else {
      if (this.sizes[node] >= this.capacity) this.remove(this.tail[node], node);
      s = this.allocSlot();
      this.keyOf[s] = key;
      this.slotOfKey[key] = s;
      this.sizes[node]++;
    }
    this.versionOf[s] = version;
    this.expiresMs[s] = expiresMs;
    this.linkFront(s, node);
  }

  /** Updates `key` only if it is cached with an older version (event-driven "update" invalidation). */
  update(key: number, version: number, expiresMs: number): void {
    const s = this.slotOfKey[key];
    if (s !== NONE && this.versionOf[s] < version) this.put(key, version, expiresMs);
  }

  /** The version cached for `key` (expired or not), or -1 when it is not cached. */
  peek(key: number): number {
    const s = this.slotOfKey[key];
    return s === NONE ? -1 : this.versionOf[s];
  }

  delete(key: number): void {
    const s = this.slotOfKey[key];
    if (s !== NONE) this.remove(s, this.nodeOf(key));
  }

  /** Empties every node. */
  flush(): void {
    for (let node = 0; node < this.nodes; node++) while (this.tail[node] !== NONE) this.remove(this.tail[node], node);
  }

  /** Lowers (or raises) the per-node capacity, evicting least recently used entries. */
  setCapacity(capacity: number): void {
    this.capacity = capacity;
    for (let node = 0; node < this.nodes; node++) while (this.sizes[node] > capacity) this.remove(this.tail[node], node);
  }

  private remove(s: number, node: number): void {
    this.unlink(s, node);
    this.slotOfKey[this.keyOf[s]] = NONE;
    this.sizes[node]--;
    this.free.push(s);
  }

  private allocSlot(): number {
    const f = this.free.pop();
    if (f !== undefined) return f;
    if (this.used === this.keyOf.length) this.grow();
    return this.used++;
  }

  private unlink(s: number, node: number): void {
    const p = this.prev[s];
    const n = this.next[s];
    if (p !== NONE) this.next[p] = n;
    else this.head[node] = n;
    if (n !== NONE) this.prev[n] = p;
    else this.tail[node] = p;
  }

  private linkFront(s: number, node: number): void {
    const h = this.head[node];
    this.prev[s] = NONE;
    this.next[s] = h;
    if (h !== NONE) this.prev[h] = s;
    else this.tail[node] = s;
    this.head[node] = s;
  }

  private grow(): void {
    const n = this.keyOf.length * 2;
    this.keyOf = grown(this.keyOf, n);
    this.versionOf = grown(this.versionOf, n);
    this.expiresMs = grown(this.expiresMs, n);
    this.prev = grown(this.prev, n);
    this.next = grown(this.next, n);
  }
}
