/**
 * The event stream (Kafka-like): P partitions keyed by aggregate, each a FIFO log of events not
 * yet applied, and a consumer group of projectors. Partition p belongs to consumer p mod C
 * (consumers beyond P sit idle); a consumer applies one event at a time, taking the oldest head
 * among its partitions, so each key's events are applied in commit order.
 *
 * Events are stored column-wise with a free list: memory is bounded by events in flight.
 */
import { grown } from '../engine/grown';
import { hash32 } from '../engine/hash';
import { IntQueue } from '../engine/intQueue';
import { Area } from '../metrics/area';
import { EVENT_SLOTS, V_APPEND, V_APPLY } from './stageSlots';

/** Told of the way of a traced request's write to visibility (output/trace.ts). */
export interface EventTracer {
  published(request: number, ev: number, nowMs: number): void;
  eventStage(ev: number, slot: number, startMs: number, endMs: number): void;
  replicated(ev: number, node: number, nowMs: number): void;
  visible(ev: number, nowMs: number, outcome?: string): void;
}

export class EventStream {
  // Event columns.
  key = new Int32Array(256);
  /** The partition of the event's key (`partitionOf`, kept rather than hashed again at each step). */
  partition = new Int32Array(256);
  version = new Int32Array(256);
  commitMs = new Float64Array(256);
  /** The command waiting for this append (synchronous append), or -1. */
  waitingRequest = new Int32Array(256);
  /** Replicas still to receive this event. */
  pendingReplicas = new Int32Array(256);
  /** Per event, its time so far in each stage of its way to visibility (`EVENT_SLOTS` a slot, see stageSlots.ts). */
  stageMs = new Float64Array(256 * EVENT_SLOTS);
  /** Per event, the stages whose time is not 0, as bits (see `RequestPool.stageMask`). */
  stageMask = new Uint8Array(256);
  /** When the event entered its open stage, and that stage. */
  markMs = new Float64Array(256);
  open = new Uint8Array(256);
  /** The tracer, when a trace sample is kept. */
  tracer: EventTracer | null = null;
  /** The engine's clock (see RequestPool.clock). */
  clock: { readonly nowMs: number } = { nowMs: 0 };
  private free: number[] = [];
  private top = 0;

  readonly partitions: IntQueue[];
  /** The event each partition has in apply (its consumer is working on it), or -1. */
  readonly inApply: Int32Array;
  /** Per consumer: the event it is applying (-1 when idle). */
  current: Int32Array = new Int32Array(0);
  consumers = 0;
  /** Events appended and not yet applied (the consumer lag, in events). */
  lagEvents = 0;
  /** Events alive anywhere (being appended, unapplied, or still shipping to replicas). */
  liveEvents = 0;
  /** The stream is cut from the projectors (a fault): nothing is consumed until it heals. */
  cut = false;
  /** Consumers take nothing before this time (a rebalance pause). */
  pausedUntilMs = 0;
  /** Consumers applying an event, as an integral (projector utilisation); a wait for a retry is not counted. */
  readonly busyArea = new Area();
  /** Consumers in the group, as an integral (projector cost). */
  readonly consumerArea = new Area();

  constructor(partitionCount: number, consumers: number) {
    this.partitions = Array.from({ length: partitionCount }, () => new IntQueue());
    this.inApply = new Int32Array(partitionCount).fill(-1);
    this.setConsumers(consumers, 0, 0);
  }

  partitionOf(key: number): number {
    return hash32(key, 0x57ea) % this.partitions.length;
  }

  ownerOf(partition: number): number {
    return this.consumers === 0 ? -1 : partition % this.consumers;
  }

  alloc(key: number, version: number, commitMs: number, waitingRequest: number): number {
    let id = this.free.pop();
    if (id === undefined) {
      if (this.top === this.key.length) this.grow();
      id = this.top++;
    }
    this.key[id] = key;
    this.partition[id] = this.partitionOf(key);
    this.version[id] = version;
    this.commitMs[id] = commitMs;
    this.waitingRequest[id] = waitingRequest;
    this.pendingReplicas[id] = 0;
    const o = id * EVENT_SLOTS;
    for (let k = 0; k < EVENT_SLOTS; k++) this.stageMs[o + k] = 0;
    this.stageMask[id] = 0;
    this.markMs[id] = commitMs;
    this.open[id] = V_APPEND;
    this.liveEvents++;
    return id;
  }

  /** Event `ev` enters stage `slot` now: the time since it entered its open stage goes to that one. */
  enter(ev: number, slot: number): void {
    const nowMs = this.clock.nowMs;
    if (this.tracer !== null) this.tracer.eventStage(ev, this.open[ev], this.markMs[ev], nowMs);
    const open = this.open[ev];
    const d = nowMs - this.markMs[ev];
    if (d !== 0) {
      this.stageMs[ev * EVENT_SLOTS + open] += d;
      this.stageMask[ev] |= 1 << open;
    }
    this.markMs[ev] = nowMs;
    this.open[ev] = slot;
  }

  release(id: number): void {
    this.liveEvents--;
    this.free.push(id);
  }

  /** Appends an event to its partition's log; returns the consumer that owns it (-1 if none). */
  append(ev: number): number {
    const p = this.partition[ev];
    this.partitions[p].push(ev);
    this.lagEvents++;
    return this.ownerOf(p);
  }

  /**
   * An idle consumer takes the oldest head among its partitions not already in apply.
   * Returns the event, or -1 when it has nothing to do.
   */
  take(consumer: number, nowMs: number): number {
    if (consumer >= this.consumers || this.current[consumer] !== -1) return -1;
    if (this.cut || nowMs < this.pausedUntilMs) return -1;
    let best = -1;
    let bestMs = Infinity;
    const P = this.partitions.length;
    for (let p = consumer; p < P; p += this.consumers) {
      if (this.inApply[p] !== -1) continue;
      const head = this.partitions[p].peek();
      if (head !== -1 && this.commitMs[head] < bestMs) {
        best = p;
        bestMs = this.commitMs[head];
      }
    }
    if (best === -1) return -1;
    const ev = this.partitions[best].shift();
    this.inApply[best] = ev;
    this.current[consumer] = ev;
    this.busyArea.add(nowMs, 1);
    this.enter(ev, V_APPLY);
    return ev;
  }

  /** The consumer finished applying its event; returns that event. */
  finish(consumer: number, nowMs: number): number {
    const ev = this.current[consumer];
    this.current[consumer] = -1;
    this.busyArea.add(nowMs, -1);
    this.inApply[this.partition[ev]] = -1;
    this.lagEvents--;
    return ev;
  }

  /**
   * Changes the number of consumers: a rebalance, during which the group takes nothing for
   * `pauseMs`. Consumers with an event in apply finish it; its partition stays blocked until
   * they do, so per-key order holds.
   */
  setConsumers(n: number, nowMs: number, pauseMs: number): void {
    if (n === this.consumers) return;
    const cur = new Int32Array(Math.max(n, this.current.length)).fill(-1);
    cur.set(this.current);
    this.current = cur;
    this.consumerArea.set(nowMs, n);
    this.consumers = n;
    this.pausedUntilMs = Math.max(this.pausedUntilMs, nowMs + pauseMs);
  }

  /** Commit time of the oldest unapplied event, or Infinity when none. */
  oldestCommitMs(): number {
    let oldest = Infinity;
    for (let p = 0; p < this.partitions.length; p++) {
      const a = this.inApply[p];
      if (a !== -1 && this.commitMs[a] < oldest) oldest = this.commitMs[a];
      const h = this.partitions[p].peek();
      if (h !== -1 && this.commitMs[h] < oldest) oldest = this.commitMs[h];
    }
    return oldest;
  }

  /** Unapplied events in partition p, counting the one in apply. */
  lagOf(p: number): number {
    return this.partitions[p].length + (this.inApply[p] === -1 ? 0 : 1);
  }

  private grow(): void {
    const n = this.key.length * 2;
    this.key = grown(this.key, n);
    this.partition = grown(this.partition, n);
    this.version = grown(this.version, n);
    this.commitMs = grown(this.commitMs, n);
    this.waitingRequest = grown(this.waitingRequest, n);
    this.pendingReplicas = grown(this.pendingReplicas, n);
    this.stageMs = grown(this.stageMs, n * EVENT_SLOTS);
    this.stageMask = grown(this.stageMask, n);
    this.markMs = grown(this.markMs, n);
    this.open = grown(this.open, n);
  }
}
