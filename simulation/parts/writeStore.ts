/**
 * The write store (command side), sharded by hash or range of key: each shard a pool of
 * connections with a write latency. A command's write waits for a connection, commits version
 * v+1 of its key, and hands the change to the event stream; the command's answer goes back at
 * commit (or at append, if the append is synchronous).
 */
import type { Engine } from '../engine/core';
import type { EventQueue } from '../engine/eventQueue';
import { hash32 } from '../engine/hash';
import { sampler, stream, type Sampler, type Uniform } from '../engine/random';
import { ConnectionPool } from '../model/connectionPool';
import type { RequestPool } from '../model/requestPool';
import { S_APPEND, S_WRITE, S_WRITE_WAIT } from '../model/stageSlots';
import type { Scenario } from '../scenario';
import type { Downstream, Outcomes } from './ports';
import type { Projection } from './projection';
import type { World } from './world';

export class WriteStore implements Downstream {
  readonly shards: ConnectionPool[];
  /** Latest committed version per key (0 = never written). */
  readonly writeVersion: Int32Array;
  /** When each key's latest version was committed. */
  readonly lastCommitMs: Float64Array;
  /** 1 while a shard is down (a fault). */
  readonly shardDown: Uint8Array;
  outcomes!: Outcomes;

  private readonly engine: Engine;
  private readonly calendar: EventQueue;
  private readonly reqs: RequestPool;
  private readonly uWrite: Uniform;
  private writeLatency!: Sampler;
  /** Keys placed on shards by range (else by hash). */
  private byRange = false;
  private readonly doneKind: number;

  constructor(
    world: World,
    private readonly projection: Projection,
  ) {
    const s = world.scenario;
    this.engine = world.engine;
    this.calendar = world.engine.calendar;
    this.reqs = world.reqs;
    this.shards = Array.from({ length: s.writeStore.shards }, () => new ConnectionPool(s.writeStore.connectionsPerShard));
    this.writeVersion = new Int32Array(s.workload.keys.count);
    this.lastCommitMs = new Float64Array(s.workload.keys.count);
    this.shardDown = new Uint8Array(s.writeStore.shards);
    this.uWrite = stream(s.seed, 'writeStore.latency');
    this.doneKind = world.engine.on('writeStore.done', this.onDone, this);
    this.configure(s);
  }

  configure(s: Scenario): void {
    this.writeLatency = sampler(s.writeStore.writeLatencyMs, this.uWrite);
    this.byRange = s.writeStore.partitioning === 'range';
  }

  shardOf(key: number): number {
    const n = this.shards.length;
    if (this.byRange) {
      return Math.floor((key * n) / this.writeVersion.length);
    }
    return hash32(key, 0x5a4d) % n;
  }

  /** A command done on its instance writes its key's shard. */
  handle(id: number): void {
    const r = this.reqs;
    const now = this.engine.nowMs;
    const shard = this.shardOf(r.key[id]);
    r.resource[id] = shard;
    if (this.shardDown[shard] === 1) return this.outcomes.respondFailed(id, 'shardDown');
    r.enter(id, S_WRITE_WAIT);
    if (this.shards[shard].acquire(id, this.engine)) this.startWrite(id, now);
  }

  /** The write takes its connection and runs for the write latency. */
  private startWrite(id: number, now: number): void {
    this.reqs.enter(id, S_WRITE);
    this.calendar.push(now + this.writeLatency.draw(), this.doneKind, id);
  }

  private onDone(id: number): void {
    const r = this.reqs;
    const now = this.engine.nowMs;
    const next = this.shards[r.resource[id]].release(this.engine);
    if (next >= 0) this.startWrite(next, now);
    // Commit: the new version exists from now; its event goes to the stream.
    const key = r.key[id];
    const v = ++this.writeVersion[key];
    this.lastCommitMs[key] = now;
    r.version[id] = v;
    const waits = this.projection.publish(id, key, v, now);
    if (!waits) this.outcomes.respond(id);
    else r.enter(id, S_APPEND);
  }

  /** A shard goes down (the writes waiting for its connections fail) or comes back. */
  setShardDown(shard: number, down: boolean): void {
    this.shardDown[shard] = down ? 1 : 0;
    if (!down) return;
    const waiting = this.shards[shard].waiting;
    while (waiting.length > 0) this.outcomes.respondFailed(waiting.shift(), 'shardDown');
  }

  /** A live change: the samplers and the connection limits. */
  reconfigure(s: Scenario): void {
    this.configure(s);
    for (const shard of this.shards) shard.setConnections(s.writeStore.connectionsPerShard, this.engine.nowMs);
  }

  /** Starts writes waiting for a connection on the capacity a change added. */
  resume(): void {
    const now = this.engine.nowMs;
    for (const shard of this.shards) {
      for (let id = shard.admitWaiting(now); id >= 0; id = shard.admitWaiting(now)) this.startWrite(id, now);
    }
  }
}
