/**
 * The distributed cache in front of the read store: a query done on its instance looks here
 * first (hit latency); a hit answers, a miss reads the read store and then fills the cache with
 * what it read. Invalidation by TTL, by the projectors' events (delete or update), or both; the
 * stale refill after an event-driven delete is left visible, as in real systems.
 */
import type { Engine } from '../engine/core';
import type { EventQueue } from '../engine/eventQueue';
import { sampler, stream, type Sampler, type Uniform } from '../engine/random';
import type { ClassTally } from '../metrics/classTally';
import { Cache } from '../model/cache';
import { F_CACHE_MISS, F_COUNTED, type RequestPool } from '../model/requestPool';
import { S_CACHE } from '../model/stageSlots';
import type { Scenario } from '../scenario';
import type { CacheFill, Downstream, Outcomes, Reader } from './ports';
import type { World } from './world';

export class CacheLayer implements Downstream, CacheFill {
  /** The cache, or null while it is off. */
  cache: Cache | null = null;
  outcomes!: Outcomes;

  private readonly engine: Engine;
  private readonly calendar: EventQueue;
  private readonly reqs: RequestPool;
  private readonly uHit: Uniform;
  private hitLatency!: Sampler;
  private readonly doneKind: number;

  constructor(
    private readonly world: World,
    /** The query service's tally: lookups and hits are counted there. */
    private readonly queries: ClassTally,
    private readonly readStore: Reader,
  ) {
    const s = world.scenario;
    this.engine = world.engine;
    this.calendar = world.engine.calendar;
    this.reqs = world.reqs;
    this.uHit = stream(s.seed, 'cache.hit');
    this.doneKind = world.engine.on('cache.lookupDone', this.onLookupDone, this);
    this.configure(s);
    this.resize(s);
  }

  configure(s: Scenario): void {
    this.hitLatency = sampler(s.cache.hitLatencyMs, this.uHit);
  }

  /** A live change: the hit latency, and the cache switched on or off or resized. */
  reconfigure(s: Scenario): void {
    this.configure(s);
    this.resize(s);
  }

  /** Switches the cache on or off, or changes its nodes or capacity. */
  resize(s: Scenario): void {
    const c = s.cache;
    if (!c.enabled) {
      this.cache = null;
    } else if (this.cache === null || this.cache.nodes !== c.nodes) {
      this.cache = new Cache(s.workload.keys.count, c.nodes, c.capacityPerNode);
    } else if (this.cache.capacity !== c.capacityPerNode) {
      this.cache.setCapacity(c.capacityPerNode);
    }
  }

  /** A query done on its instance: look in the cache, or read the store when there is none. */
  handle(id: number): void {
    if (this.cache !== null) {
      const now = this.engine.nowMs;
      this.reqs.enter(id, S_CACHE);
      this.calendar.push(now + this.hitLatency.draw(), this.doneKind, id);
    } else this.readStore.read(id);
  }

  private onLookupDone(id: number): void {
    const r = this.reqs;
    const cache = this.cache;
    const counted = (r.flags[id] & F_COUNTED) !== 0;
    if (cache !== null && cache.get(r.key[id], this.engine.nowMs)) {
      this.queries.lookup(counted, true);
      r.version[id] = cache.hitVersion;
      this.outcomes.respond(id);
      return;
    }
    // The cache may have been switched off while this lookup was on its way: a plain miss.
    this.queries.lookup(counted, false);
    r.flags[id] |= F_CACHE_MISS;
    this.readStore.read(id);
  }

  /**
   * Fills the cache with what a missed query read, even if it is older than what the cache was
   * told about meanwhile: the stale-refill race of event-driven invalidation, left visible.
   */
  fill(id: number, nowMs: number): void {
    const r = this.reqs;
    if (this.cache !== null && r.flags[id] & F_CACHE_MISS) this.cache.put(r.key[id], r.version[id], this.expiryFrom(nowMs));
  }

  /** A projector applied a change of `key`: event-driven invalidation deletes or updates it. */
  onEventApplied(key: number, version: number, nowMs: number): void {
    const c = this.world.scenario.cache;
    if (this.cache !== null && c.invalidation !== 'ttl') {
      if (c.onEvent === 'delete') this.cache.delete(key);
      else this.cache.update(key, version, this.expiryFrom(nowMs));
    }
  }

  flush(): void {
    this.cache?.flush();
  }

  private expiryFrom(nowMs: number): number {
    const c = this.world.scenario.cache;
    return c.invalidation === 'event' ? Infinity : nowMs + c.ttlS * 1000;
  }
}
