/**
 * A storage node's connection limit: `connections` operations run at once, the rest wait in
 * FIFO order (unbounded: clients time out, the store does not reject).
 */
import { IntQueue } from '../engine/intQueue';
import { Area, type Clock } from '../metrics/area';

export class ConnectionPool {
  busy = 0;
  readonly waiting = new IntQueue();
  readonly busyArea = new Area();
  readonly capacityArea = new Area();
  /** Operations completed (writes on a shard, reads on a replica), ever. */
  ops = 0;
  /** `ops` when warm-up ended. */
  opsAtWarmup = 0;

  constructor(
    public connections: number,
    nowMs = 0,
  ) {
    this.capacityArea.set(nowMs, connections);
  }

  /**
   * True when the caller may start its operation now; otherwise it was queued. Per operation, so
   * it takes the clock, not the time (see `Area.addNow`).
   */
  acquire(id: number, clock: Clock): boolean {
    if (this.busy < this.connections) {
      this.busy++;
      this.busyArea.addNow(clock, 1);
      return true;
    }
    this.waiting.push(id);
    return false;
  }

  /** Frees a connection; returns the next waiting id now holding it, or -1. */
  release(clock: Clock): number {
    this.ops++;
    if (this.waiting.length > 0 && this.busy <= this.connections) return this.waiting.shift();
    this.busy--;
    this.busyArea.addNow(clock, -1);
    return -1;
  }

  /** After the limit was raised: takes the next waiting id onto a free connection, or -1. */
  admitWaiting(nowMs: number): number {
    if (this.busy >= this.connections || this.waiting.length === 0) return -1;
    this.busy++;
    this.busyArea.add(nowMs, 1);
    return this.waiting.shift();
  }

  setConnections(n: number, nowMs: number): void {
    this.connections = n;
    this.capacityArea.set(nowMs, n);
  }
}
