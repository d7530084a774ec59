/**
 * A service's instances over time: boots after a resize (by the autoscaler or by hand), rolling
 * restarts that apply a vertical change one instance at a time, and what an instance does once
 * its last request leaves (a draining one stops, a restarting one boots again). The service owns
 * one; the requests' own path through the service stays in service.ts.
 */
import type { Engine } from '../engine/core';
import { BOOTING, type InstanceGroup, READY, RESTARTING } from '../model/instanceGroup';
import type { ServiceName } from './ports';
import type { World } from './world';

export class ServiceLifeCycle {
  /** How long an instance takes to restart once idle (a vertical change), ms. */
  restartMs = 0;

  private readonly engine: Engine;
  private readonly bootKind: number;
  /** Vertical changes roll through the instances one at a time. */
  private restartQueue: number[] = [];
  private restarting = -1;
  /** When each booting instance's boot began (for the "what happened" log). */
  private readonly bootFromMs = new Map<number, number>();

  /** `sizeChanged` is told whenever the number of serving instances may have changed. */
  constructor(
    private readonly world: World,
    private readonly name: ServiceName,
    private readonly group: InstanceGroup,
    private readonly sizeChanged: () => void,
  ) {
    this.engine = world.engine;
    this.bootKind = world.engine.on(`${name}.bootDone`, this.onBootDone, this);
  }

  /**
   * The service's size changes: new instances boot for `bootMs`. A restart in progress whose
   * instance was cancelled moves on to the next one.
   */
  resize(n: number, bootMs: number): void {
    const g = this.group;
    for (const i of g.setInstances(n, this.engine.nowMs, bootMs)) {
      this.bootFromMs.set(i, this.engine.nowMs);
      this.engine.calendar.push(g.readyAtMs[i], this.bootKind, i);
    }
    const r = this.restarting;
    if (r >= 0 && g.state[r] !== BOOTING && g.state[r] !== RESTARTING) {
      this.restarting = -1;
      this.nextRestart();
    }
    this.sizeChanged();
  }

  private onBootDone(i: number): void {
    if (!this.group.finishBoot(i, this.engine.nowMs)) return;
    const from = this.bootFromMs.get(i);
    this.bootFromMs.delete(i);
    this.world.happenings.add({
      kind: 'ready',
      what: this.name,
      index: i,
      ...(from !== undefined ? { afterS: (this.engine.nowMs - from) / 1000 } : {}),
      ...(this.restarting === i ? { reason: 'restart' } : {}),
    });
    this.sizeChanged();
    if (this.restarting === i) {
      this.restarting = -1;
      this.nextRestart();
    }
  }

  /** Instance i has no request left on it: a draining one stops, a restarting one boots again. */
  instanceIdle(i: number): void {
    const g = this.group;
    if (g.onIdle(i, this.engine.nowMs, this.restartMs)) {
      this.bootFromMs.set(i, this.engine.nowMs);
      this.engine.calendar.push(g.readyAtMs[i], this.bootKind, i);
    }
  }

  /** A vertical change (vCPUs or speed): restart the instances one at a time to apply it. */
  rollingRestart(): void {
    const g = this.group;
    const queue: number[] = [];
    for (let i = 0; i < g.size; i++) {
      if (g.state[i] === READY && (g.vcpusOf[i] !== g.vcpus || g.speedOf[i] !== g.speed)) queue.push(i);
    }
    this.restartQueue = queue;
    if (this.restarting < 0) this.nextRestart();
  }

  private nextRestart(): void {
    const g = this.group;
    const queue = this.restartQueue;
    while (queue.length > 0) {
      const i = queue.shift()!;
      if (g.state[i] !== READY) continue;
      this.restarting = i;
      g.setState(i, RESTARTING, this.engine.nowMs);
      this.sizeChanged();
      if (g.outstanding[i] === 0) this.instanceIdle(i);
      return;
    }
  }
}
