/**
 * Auto-scaling of the four scalable groups (command instances, query instances, projectors,
 * read replicas): target tracking with scheduled floors, each group measured and resized
 * through its own adapter. Projectors and replicas scale in at once and out once the new ones
 * have booted; services boot their own instances. Keeps each group's seen range and actions.
 */
import type { Engine } from '../engine/core';
import { Area } from '../metrics/area';
import { ActionLog, Autoscaler, type Scalable } from '../model/autoscaler';
import type { Autoscaling, Scenario, ScalingMetric } from '../scenario';
import type { Projection } from './projection';
import type { ReadStore } from './readStore';
import type { Service } from './service';
import type { World } from './world';

export const GROUP_NAMES = ['commandService', 'queryService', 'projectors', 'replicas'] as const;
export type GroupName = (typeof GROUP_NAMES)[number];

/** Seen range of a group's serving count. */
export interface Range {
  min: number;
  max: number;
}

/** One scalable group: its policy, its actions, and its events on the calendar. */
class ScaledGroup {
  scaler: Autoscaler | null = null;
  /** The group's scaling actions, whatever policies came and went. */
  readonly log = new ActionLog();
  readonly range: Range = { min: Infinity, max: 0 };
  chainRunning = false;
  /** Bumped whenever the policy changes, so its old scheduled events are ignored. */
  generation = 0;
  autoscaleKind = -1;
  scheduledKind = -1;

  constructor(
    readonly name: GroupName,
    /** The group's policy in a scenario. */
    readonly policy: (s: Scenario) => Autoscaling | undefined,
    /** Builds the adapter an autoscaler measures and resizes the group through. */
    readonly scalable: () => Scalable,
    /** Serving now. */
    readonly size: () => number,
  ) {}
}

export class Elasticity {
  readonly groups: readonly ScaledGroup[];
  /** Active replicas as an integral (their cost). */
  readonly replicaArea = new Area();
  /** Desired projectors and replicas, booting ones included. */
  private projectorTarget: number;
  private replicaTarget: number;
  private readonly engine: Engine;
  private readonly projectorsReadyKind: number;
  private readonly replicasReadyKind: number;

  constructor(
    private readonly world: World,
    command: Service,
    query: Service,
    private readonly projection: Projection,
    private readonly readStore: ReadStore,
  ) {
    const s = world.scenario;
    this.engine = world.engine;
    this.projectorTarget = s.eventStream.projectors;
    this.replicaTarget = s.readStore.replicas;
    this.replicaArea.set(0, s.readStore.replicas);
    this.groups = [
      new ScaledGroup('commandService', (x) => x.commandService.autoscaling, () => this.serviceScalable(command), () => command.group.readyCount),
      new ScaledGroup('queryService', (x) => x.queryService.autoscaling, () => this.serviceScalable(query), () => query.group.readyCount),
      new ScaledGroup('projectors', (x) => x.eventStream.autoscaling, () => this.projectorScalable(), () => projection.stream.consumers),
      new ScaledGroup('replicas', (x) => x.readStore.autoscaling, () => this.replicaScalable(), () => this.world.scenario.readStore.replicas),
    ];
    for (const g of this.groups) {
      g.log.onAdd = (a) => world.happenings.add({ kind: 'scale', what: g.name, from: a.from, to: a.to, reason: a.reason });
      g.autoscaleKind = this.engine.on(`${g.name}.autoscale`, () => this.onAutoscale(g));
      // A scheduled floor: arg is the capacity, arg2 the policy's generation (stale ones are ignored).
      g.scheduledKind = this.engine.on(`${g.name}.scheduledScale`, (n, gen) => {
        if (gen === g.generation) g.scaler?.schedule(this.engine.nowMs, n);
      });
    }
    this.projectorsReadyKind = this.engine.on('projectors.ready', (n) => this.onReady('projectors', n));
    this.replicasReadyKind = this.engine.on('replicas.ready', (n) => this.onReady('replicas', n));
  }

  group(name: GroupName): ScaledGroup {
    return this.groups[GROUP_NAMES.indexOf(name)];
  }

  /** (Re)builds the autoscalers from the scenario; a changed policy starts afresh. */
  configure(s: Scenario, prev?: Scenario): void {
    const now = this.engine.nowMs;
    for (const g of this.groups) {
      const cfg = g.policy(s);
      if (prev && JSON.stringify(cfg) === JSON.stringify(g.policy(prev))) continue;
      g.generation++;
      g.scaler = null;
      if (!cfg) continue;
      const scalable = g.scalable();
      scalable.measure(cfg.metric, now); // the first interval starts now, not at 0
      g.scaler = new Autoscaler(cfg, scalable, g.log);
      if (!g.chainRunning) {
        g.chainRunning = true;
        this.engine.schedule(now + cfg.intervalS * 1000, g.autoscaleKind, 0);
      }
      for (const e of cfg.schedule) {
        if (e.atS * 1000 >= now) this.engine.schedule(e.atS * 1000, g.scheduledKind, e.instances, g.generation);
      }
    }
  }

  private onAutoscale(g: ScaledGroup): void {
    const scaler = g.scaler;
    if (!scaler) {
      g.chainRunning = false;
      return;
    }
    scaler.evaluate(this.engine.nowMs);
    this.engine.schedule(this.engine.nowMs + scaler.cfg.intervalS * 1000, g.autoscaleKind, 0);
  }

  /** Measures the change of cumulative values between evaluations. */
  private deltas(): { delta: (key: object, value: number) => number; grew: (a: Area, now: number) => number; interval: (now: number) => number } {
    let lastMs = this.engine.nowMs;
    const last = new Map<object, number>();
    const delta = (key: object, value: number) => {
      const d = value - (last.get(key) ?? 0);
      last.set(key, value);
      return d;
    };
    return {
      delta,
      grew: (a: Area, now: number) => delta(a, a.at(now)),
      /** The evaluation interval just ended, ms (never 0). */
      interval: (now: number) => {
        const dt = Math.max(1e-9, now - lastMs);
        lastMs = now;
        return dt;
      },
    };
  }

  private serviceScalable(svc: Service): Scalable {
    const { delta, grew, interval } = this.deltas();
    const g = svc.group;
    const attempts = {};
    return {
      current: () => g.desiredCount,
      measure: (metric: ScalingMetric, now: number) => {
        const dt = interval(now);
        const busy = grew(g.busyArea, now);
        const cap = grew(g.capacityArea, now);
        const queue = grew(g.queueArea, now);
        const inFlight = grew(g.outstandingArea, now);
        const serving = grew(g.servingArea, now) / dt;
        const offered = delta(attempts, svc.tally.attemptsEver);
        const per = (total: number) => ({ value: serving > 0 ? total / serving : total, total });
        switch (metric) {
          case 'cpu':
            return { value: cap > 0 ? busy / cap : 0, total: busy / dt / g.vcpus };
          case 'rps':
            return per(offered / (dt / 1000));
          case 'queue':
            return per(queue / dt);
          case 'memory': {
            const usedMb = (g.baseMemoryMb * serving * dt + g.memoryPerRequestMb * inFlight) / dt;
            return per(usedMb / g.memoryLimitMb);
          }
          case 'lag':
            return { value: 0, total: 0 };
        }
      },
      scaleTo: (n: number, _nowMs: number, bootMs: number) => svc.resize(n, bootMs),
    };
  }

  private projectorScalable(): Scalable {
    const { grew, interval } = this.deltas();
    const st = this.projection.stream;
    return {
      current: () => this.projectorTarget,
      measure: (metric: ScalingMetric, now: number) => {
        const dt = interval(now);
        const busy = grew(st.busyArea, now);
        const members = grew(st.consumerArea, now);
        if (metric === 'cpu') return { value: members > 0 ? busy / members : 0, total: busy / dt };
        return { value: st.lagEvents, total: st.lagEvents };
      },
      scaleTo: (n: number, now: number, bootMs: number) => this.resize('projectors', n, now, bootMs),
    };
  }

  private replicaScalable(): Scalable {
    const { delta, grew, interval } = this.deltas();
    const rs = this.readStore;
    const reads = {};
    return {
      current: () => this.replicaTarget,
      measure: (metric: ScalingMetric, now: number) => {
        const dt = interval(now);
        let busy = 0;
        let cap = 0;
        let ops = 0;
        const cfg = this.world.scenario.readStore;
        // The nodes that serve reads: the replicas, or the primary when there are none.
        const serving = cfg.replicas > 0;
        rs.nodes.forEach((p, node) => {
          if ((node === 0) === serving || !rs.nodeActive[node]) return;
          busy += grew(p.busyArea, now);
          cap += grew(p.capacityArea, now);
          ops += p.ops;
        });
        const served = delta(reads, ops);
        const active = Math.max(1, cfg.replicas);
        if (metric === 'cpu') return { value: cap > 0 ? busy / cap : 0, total: busy / dt / cfg.connectionsPerReplica };
        const total = served / (dt / 1000);
        return { value: total / active, total };
      },
      scaleTo: (n: number, now: number, bootMs: number) => this.resize('replicas', n, now, bootMs),
    };
  }

  /** Projectors or replicas: scale in at once, scale out once the new ones have booted. */
  private resize(name: 'projectors' | 'replicas', n: number, now: number, bootMs: number): void {
    const live = this.group(name).size();
    if (name === 'projectors') this.projectorTarget = n;
    else this.replicaTarget = n;
    if (n < live || bootMs === 0) this.setGroupSize(name, n);
    else this.engine.schedule(now + bootMs, name === 'projectors' ? this.projectorsReadyKind : this.replicasReadyKind, n);
  }

  private onReady(name: 'projectors' | 'replicas', n: number): void {
    const target = name === 'projectors' ? this.projectorTarget : this.replicaTarget;
    const next = Math.min(n, target);
    const before = this.group(name).size();
    if (next > before) {
      this.setGroupSize(name, next);
      this.world.happenings.add({ kind: 'ready', what: name, from: before, to: next });
    }
  }

  private setGroupSize(name: 'projectors' | 'replicas', n: number): void {
    const w = this.world;
    // The scenario records the live size, so snapshots, reports and later changes agree.
    if (name === 'projectors') {
      w.scenario = { ...w.scenario, eventStream: { ...w.scenario.eventStream, projectors: n } };
      this.projection.resize(n);
    } else {
      w.scenario = { ...w.scenario, readStore: { ...w.scenario.readStore, replicas: n } };
      this.readStore.setReplicas(n);
    }
    this.sampleRanges();
  }

  /** A live change: the autoscalers (a changed policy starts afresh), the targets set by hand, the ranges. */
  reconfigure(next: Scenario, prev: Scenario): void {
    this.configure(next, prev);
    this.syncTargets(prev, next);
    this.sampleRanges();
  }

  /** Called after a live change: projectors or replicas set by hand become the targets. */
  syncTargets(prev: Scenario, s: Scenario): void {
    if (prev.eventStream.projectors !== s.eventStream.projectors) this.projectorTarget = s.eventStream.projectors;
    if (prev.readStore.replicas !== s.readStore.replicas) this.replicaTarget = s.readStore.replicas;
    this.replicaArea.set(this.engine.nowMs, s.readStore.replicas);
    this.projection.resumeAfterPause();
  }

  /** Notes each group's serving count in its range (and the replicas' cost integral). */
  sampleRanges(): void {
    for (const g of this.groups) {
      const n = g.size();
      if (n < g.range.min) g.range.min = n;
      if (n > g.range.max) g.range.max = n;
    }
    this.replicaArea.set(this.engine.nowMs, this.world.scenario.readStore.replicas);
  }
}
