/**
 * The scenario's faults, each applied at its time and undone after its `forS`: crash and
 * recover an instance, slow one down (gray failure), inject errors at a service, take a shard
 * down, flush the cache, cut the stream from the projectors and heal it, delay a replica.
 * The parts do the work; this part keeps the timeline and the random draws of injected errors.
 */
import type { Engine } from '../engine/core';
import { stream, type Uniform } from '../engine/random';
import { READY } from '../model/instanceGroup';
import type { Fault } from '../scenario';
import type { Happening } from '../types';
import type { CacheLayer } from './cacheLayer';
import type { InjectedFailures } from './ports';
import type { Projection } from './projection';
import type { ReadStore } from './readStore';
import type { Service, ServiceName } from './service';
import type { World } from './world';
import type { WriteStore } from './writeStore';

/** A fault that ends after `forS` is undone by its opposite, or by resetting what it set. */
const UNDO: Partial<Record<Fault['kind'], Fault['kind']>> = { crash: 'recover', shardDown: 'shardUp', streamCut: 'streamHeal' };

export class Faults implements InjectedFailures {
  private readonly engine: Engine;
  /** One stream for the injected errors of both services. */
  private readonly uInjected: Uniform;
  private readonly faultKind: number;
  private readonly endKind: number;

  constructor(
    private readonly world: World,
    private readonly services: Record<ServiceName, Service>,
    private readonly writeStore: WriteStore,
    private readonly projection: Projection,
    private readonly readStore: ReadStore,
    private readonly cache: CacheLayer,
  ) {
    this.engine = world.engine;
    this.uInjected = stream(world.scenario.seed, 'faults.injected');
    this.faultKind = this.engine.on('faults.start', (i) => this.apply(this.world.scenario.faults[i], i));
    this.endKind = this.engine.on('faults.end', (i) => this.end(this.world.scenario.faults[i]));
  }

  /** Puts every fault of the scenario on the calendar. */
  start(): void {
    this.world.scenario.faults.forEach((f, i) => this.engine.schedule(f.atS * 1000, this.faultKind, i));
  }

  injectedFailure(fraction: number): boolean {
    return fraction > 0 && this.uInjected.next() < fraction;
  }

  private service(f: Fault): Service {
    return this.services[f.target === 'commandService' ? 'commandService' : 'queryService'];
  }

  private apply(f: Fault, index: number): void {
    const now = this.engine.nowMs;
    switch (f.kind) {
      case 'crash': {
        const svc = this.service(f);
        const g = svc.group;
        const i = f.instance!;
        // Only a serving instance can crash (a booting one has nothing to lose yet).
        if (i >= g.size || g.state[i] !== READY || !g.alive[i]) return;
        g.crashedAtMs[i] = now;
        svc.crash(i);
        break;
      }
      case 'recover': {
        const g = this.service(f).group;
        const i = f.instance!;
        // Alive again; the balancer takes it back once its probes pass `healthyAfter` times.
        if (i < g.size) g.alive[i] = 1;
        if (i < g.size && g.up[i]) g.healthChanged();
        break;
      }
      case 'slow': {
        const g = this.service(f).group;
        if (f.instance! < g.size) g.slowFactor[f.instance!] = f.factor!;
        break;
      }
      case 'errors':
        this.service(f).injectedFraction = f.fraction!;
        break;
      case 'shardDown':
        this.writeStore.setShardDown(f.shard!, true);
        break;
      case 'shardUp':
        this.writeStore.setShardDown(f.shard!, false);
        break;
      case 'cacheFlush':
        this.cache.flush();
        break;
      case 'streamCut':
        this.projection.stream.cut = true;
        break;
      case 'streamHeal':
        this.projection.stream.cut = false;
        this.projection.kickConsumers();
        break;
      case 'replicaLag': {
        const node = f.instance! + 1;
        if (node < this.readStore.extraReplicationMs.length) this.readStore.extraReplicationMs[node] = f.ms!;
        break;
      }
    }
    if (index >= 0) this.world.happenings.add(this.note('fault', f));
    if (f.forS !== undefined) this.engine.schedule(now + f.forS * 1000, this.endKind, index);
  }

  /** A fault's entry in the run's "what happened" log. */
  private note(kind: 'fault' | 'faultEnd', f: Fault): Omit<Happening, 'atS'> {
    const h: Omit<Happening, 'atS'> = { kind, what: f.kind, target: f.target };
    const index = f.instance ?? f.shard;
    if (index !== undefined) h.index = index;
    return h;
  }

  /** Undoes a fault after its `forS`. */
  private end(f: Fault): void {
    this.world.happenings.add(this.note('faultEnd', f));
    switch (f.kind) {
      case 'slow': {
        const g = this.service(f).group;
        if (f.instance! < g.size) g.slowFactor[f.instance!] = 1;
        return;
      }
      case 'errors':
        this.service(f).injectedFraction = 0;
        return;
      case 'replicaLag':
        if (f.instance! + 1 < this.readStore.extraReplicationMs.length) this.readStore.extraReplicationMs[f.instance! + 1] = 0;
        return;
    }
    const kind = UNDO[f.kind];
    if (kind) this.apply({ ...f, kind, forS: undefined }, -1);
  }
}
