/**
 * Elasticity and failure: auto-scaling of the four scalable groups, health checks, rolling
 * restarts for vertical changes, and the scenario's faults. Everything here happens through
 * events on the simulation's calendar, so it is as deterministic as the rest.
 */
import { stream, type Uniform } from './engine/random';
import { Area } from './metrics/area';
import { ActionLog, Autoscaler, type Scalable } from './model/autoscaler';
import { BOOTING, READY, RESTARTING, type InstanceGroup } from './model/instanceGroup';
import type { Autoscaling, Fault, Scenario, ScalingMetric } from './scenario';
import { AUTOSCALE, BOOT_DONE, FAULT, FAULT_END, GROUP_READY, HEALTH_CHECK, SCHEDULED_SCALE, STREAM_RESUME } from './events';
import type { Simulation } from './simulation';

/** The scalable groups, in the order of `Elasticity.scalers`. */
export const GROUPS = ['commandService', 'queryService', 'projectors', 'replicas'] as const;
const PROJECTORS = 2;
const REPLICAS = 3;

/** Seen range of a group's serving count. */
export interface Range {
  min: number;
  max: number;
}

export class Elasticity {
  readonly scalers: (Autoscaler | null)[] = [null, null, null, null];
  /** Each group's scaling actions, whatever policies came and went. */
  readonly logs = GROUPS.map(() => new ActionLog());
  private readonly chainRunning = [false, false, false, false];
  /** Bumped whenever a group's policy changes, so its old scheduled events are ignored. */
  private readonly generation = [0, 0, 0, 0];
  /** Desired projectors and replicas, booting ones included. */
  private projectorTarget: number;
  private replicaTarget: number;
  private readonly uInjected: Uniform;
  private readonly injectedFraction = [0, 0];
  readonly shardDown: Uint8Array;
  /** Crash -> marked down by health checks, ms. */
  detectionCount = 0;
  detectionSumMs = 0;
  detectionMaxMs = 0;
  /** Vertical changes roll through instances one at a time. */
  private readonly restartQueue: number[][] = [[], []];
  private readonly restarting = [-1, -1];
  readonly ranges: Range[] = GROUPS.map(() => ({ min: Infinity, max: 0 }));
  /** Active replicas as an integral (their cost). */
  readonly replicaArea = new Area();

  constructor(private readonly sim: Simulation) {
    const s = sim.scenario;
    this.uInjected = stream(s.seed, 'faults.injected');
    this.shardDown = new Uint8Array(s.writeStore.shards);
    this.projectorTarget = s.eventStream.projectors;
    this.replicaTarget = s.readStore.replicas;
    this.replicaArea.set(0, s.readStore.replicas);
    for (const gi of [0, 1]) sim.schedule(this.group(gi).health.intervalMs, HEALTH_CHECK, gi);
    this.configureScalers(s);
    s.faults.forEach((f, i) => sim.schedule(f.atS * 1000, FAULT, i));
    this.sampleRanges();
  }

  private group(gi: number): InstanceGroup {
    return gi === 0 ? this.sim.cmd : this.sim.qry;
  }

  dispatch(kind: number, arg: number, arg2: number): void {
    switch (kind) {
      case BOOT_DONE:
        return this.onBootDone(arg, arg2);
      case HEALTH_CHECK:
        return this.onHealthCheck(arg);
      case AUTOSCALE:
        return this.onAutoscale(arg);
      case SCHEDULED_SCALE: {
        // arg is the group plus 4 x the capacity (at most 1,000 by the schema: below 4,004);
        // arg2 the policy's generation (stale ones are ignored), at most one per intervention.
        const gi = arg & 3;
        if (arg2 !== this.generation[gi]) return;
        return this.scalers[gi]?.schedule(this.sim.nowMs, arg >> 2);
      }
      case FAULT:
        return this.applyFault(this.sim.scenario.faults[arg], arg);
      case FAULT_END:
        return this.endFault(this.sim.scenario.faults[arg]);
      case STREAM_RESUME:
        return this.kickConsumers();
      case GROUP_READY:
        return this.onGroupReady(arg, arg2);
    }
  }

  // ---- Auto-scaling -----------------------------------------------------------------------

  private configOf(s: Scenario, gi: number): Autoscaling | undefined {
    return [s.commandService.autoscaling, s.queryService.autoscaling, s.eventStream.autoscaling, s.readStore.autoscaling][gi];
  }

  /** (Re)builds the autoscalers from the scenario; a changed policy starts afresh. */
  configureScalers(s: Scenario, prev?: Scenario): void {
    for (let gi = 0; gi < 4; gi++) {
      const cfg = this.configOf(s, gi);
      if (prev && JSON.stringify(cfg) === JSON.stringify(this.configOf(prev, gi))) continue;
      this.generation[gi]++;
      this.scalers[gi] = null;
      if (!cfg) continue;
      const group = this.scalable(gi);
      group.measure(cfg.metric, this.sim.nowMs); // the first interval starts now, not at 0
      this.scalers[gi] = new Autoscaler(cfg, group, this.logs[gi]);
      if (!this.chainRunning[gi]) {
        this.chainRunning[gi] = true;
        this.sim.schedule(this.sim.nowMs + cfg.intervalS * 1000, AUTOSCALE, gi);
      }
      for (const e of cfg.schedule) {
        if (e.atS * 1000 >= this.sim.nowMs) this.sim.schedule(e.atS * 1000, SCHEDULED_SCALE, gi + 4 * e.instances, this.generation[gi]);
      }
    }
  }

  private onAutoscale(gi: number): void {
    const scaler = this.scalers[gi];
    if (!scaler) {
      this.chainRunning[gi] = false;
      return;
    }
    scaler.evaluate(this.sim.nowMs);
    this.sim.schedule(this.sim.nowMs + scaler.cfg.intervalS * 1000, AUTOSCALE, gi);
  }

  /** The adapter an autoscaler uses to measure and resize group `gi`. */
  private scalable(gi: number): Scalable {
    const sim = this.sim;
    let lastMs = sim.nowMs;
    const last = new Map<object, number>();
    /** How much a cumulative value grew since the previous evaluation. */
    const delta = (key: object, value: number) => {
      const d = value - (last.get(key) ?? 0);
      last.set(key, value);
      return d;
    };
    const grew = (a: Area, now: number) => delta(a, a.at(now));
    /** The evaluation interval just ended, ms (never 0). */
    const interval = (now: number) => {
      const dt = Math.max(1e-9, now - lastMs);
      lastMs = now;
      return dt;
    };
    if (gi < 2) {
      const g = this.group(gi);
      const tally = gi === 0 ? sim.commands : sim.queries;
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
          const offered = delta(attempts, tally.attemptsEver);
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
        scaleTo: (n: number, _nowMs: number, bootMs: number) => this.resizeService(gi, n, bootMs),
      };
    }
    if (gi === PROJECTORS) {
      const st = sim.stream;
      return {
        current: () => this.projectorTarget,
        measure: (metric: ScalingMetric, now: number) => {
          const dt = interval(now);
          const busy = grew(st.busyArea, now);
          const members = grew(st.consumerArea, now);
          if (metric === 'cpu') return { value: members > 0 ? busy / members : 0, total: busy / dt };
          return { value: st.lagEvents, total: st.lagEvents };
        },
        scaleTo: (n: number, now: number, bootMs: number) => this.resize(PROJECTORS, n, now, bootMs),
      };
    }
    const reads = {};
    return {
      current: () => this.replicaTarget,
      measure: (metric: ScalingMetric, now: number) => {
        const dt = interval(now);
        let busy = 0;
        let cap = 0;
        let ops = 0;
        // The nodes that serve reads: the replicas, or the primary when there are none.
        const serving = sim.scenario.readStore.replicas > 0;
        sim.readNodes.forEach((p, node) => {
          if ((node === 0) === serving || !sim.nodeActive[node]) return;
          busy += grew(p.busyArea, now);
          cap += grew(p.capacityArea, now);
          ops += p.ops;
        });
        const served = delta(reads, ops);
        const active = Math.max(1, sim.scenario.readStore.replicas);
        if (metric === 'cpu') return { value: cap > 0 ? busy / cap : 0, total: busy / dt / sim.scenario.readStore.connectionsPerReplica };
        const total = served / (dt / 1000);
        return { value: total / active, total };
      },
      scaleTo: (n: number, now: number, bootMs: number) => this.resize(REPLICAS, n, now, bootMs),
    };
  }

  /** Projectors or replicas: scale in at once, scale out once the new ones have booted. */
  private resize(gi: number, n: number, now: number, bootMs: number): void {
    const live = gi === PROJECTORS ? this.sim.stream.consumers : this.sim.scenario.readStore.replicas;
    if (gi === PROJECTORS) this.projectorTarget = n;
    else this.replicaTarget = n;
    if (n < live || bootMs === 0) this.setGroupSize(gi, n);
    else this.sim.schedule(now + bootMs, GROUP_READY, gi, n);
  }

  private onGroupReady(gi: number, n: number): void {
    const target = gi === PROJECTORS ? this.projectorTarget : this.replicaTarget;
    const live = gi === PROJECTORS ? this.sim.stream.consumers : this.sim.scenario.readStore.replicas;
    const next = Math.min(n, target);
    if (next > live) this.setGroupSize(gi, next);
  }

  private setGroupSize(gi: number, n: number): void {
    const sim = this.sim;
    const now = sim.nowMs;
    // The scenario records the live size, so snapshots, reports and later changes agree.
    if (gi === PROJECTORS) {
      sim.scenario = { ...sim.scenario, eventStream: { ...sim.scenario.eventStream, projectors: n } };
      sim.stream.setConsumers(n, now, sim.scenario.eventStream.rebalanceMs);
      sim.schedule(sim.stream.pausedUntilMs, STREAM_RESUME, 0);
    } else {
      sim.scenario = { ...sim.scenario, readStore: { ...sim.scenario.readStore, replicas: n } };
      sim.setReplicas(n);
    }
    this.sampleRanges();
  }

  /**
   * A service's size changes (by its autoscaler or by hand): new instances boot for `bootMs`.
   * A restart in progress whose instance was cancelled moves on to the next one.
   */
  resizeService(gi: number, n: number, bootMs: number): void {
    const g = this.group(gi);
    const now = this.sim.nowMs;
    for (const i of g.setInstances(n, now, bootMs)) this.sim.schedule(g.readyAtMs[i], BOOT_DONE, i, gi);
    const r = this.restarting[gi];
    if (r >= 0 && g.state[r] !== BOOTING && g.state[r] !== RESTARTING) {
      this.restarting[gi] = -1;
      this.nextRestart(gi);
    }
    this.sampleRanges();
  }

  /** Called after a live change: projectors or replicas set by hand become the targets. */
  syncTargets(prev: Scenario, s: Scenario): void {
    if (prev.eventStream.projectors !== s.eventStream.projectors) this.projectorTarget = s.eventStream.projectors;
    if (prev.readStore.replicas !== s.readStore.replicas) this.replicaTarget = s.readStore.replicas;
    this.replicaArea.set(this.sim.nowMs, s.readStore.replicas);
    if (this.sim.stream.pausedUntilMs > this.sim.nowMs) this.sim.schedule(this.sim.stream.pausedUntilMs, STREAM_RESUME, 0);
  }

  sampleRanges(): void {
    const sizes = [this.sim.cmd.readyCount, this.sim.qry.readyCount, this.sim.stream.consumers, this.sim.scenario.readStore.replicas];
    sizes.forEach((n, gi) => {
      const r = this.ranges[gi];
      if (n < r.min) r.min = n;
      if (n > r.max) r.max = n;
    });
    this.replicaArea.set(this.sim.nowMs, sizes[REPLICAS]);
  }

  // ---- Instances: boots, restarts, health checks ------------------------------------------

  private onBootDone(i: number, gi: number): void {
    const g = this.group(gi);
    if (!g.finishBoot(i, this.sim.nowMs)) return;
    this.sampleRanges();
    if (this.restarting[gi] === i) {
      this.restarting[gi] = -1;
      this.nextRestart(gi);
    }
  }

  /** Instance i of group g has no request left on it. */
  instanceIdle(g: InstanceGroup, i: number): void {
    const gi = g === this.sim.cmd ? 0 : 1;
    const restartMs = (gi === 0 ? this.sim.scenario.commandService : this.sim.scenario.queryService).restartS * 1000;
    if (g.onIdle(i, this.sim.nowMs, restartMs)) this.sim.schedule(g.readyAtMs[i], BOOT_DONE, i, gi);
  }

  /** A vertical change (vCPUs or speed): restart the instances one at a time to apply it. */
  rollingRestart(gi: number): void {
    const g = this.group(gi);
    const queue: number[] = [];
    for (let i = 0; i < g.size; i++) {
      if (g.state[i] === READY && (g.vcpusOf[i] !== g.vcpus || g.speedOf[i] !== g.speed)) queue.push(i);
    }
    this.restartQueue[gi] = queue;
    if (this.restarting[gi] < 0) this.nextRestart(gi);
  }

  private nextRestart(gi: number): void {
    const g = this.group(gi);
    const queue = this.restartQueue[gi];
    while (queue.length > 0) {
      const i = queue.shift()!;
      if (g.state[i] !== READY) continue;
      this.restarting[gi] = i;
      g.setState(i, RESTARTING, this.sim.nowMs);
      this.sampleRanges();
      if (g.outstanding[i] === 0) this.instanceIdle(g, i);
      return;
    }
  }

  private onHealthCheck(gi: number): void {
    const g = this.group(gi);
    const now = this.sim.nowMs;
    const { unhealthyAfter, healthyAfter, intervalMs } = g.health;
    let changed = false;
    for (let i = 0; i < g.size; i++) {
      if (g.state[i] !== READY) continue;
      // A slow instance still answers its probe: only a dead one fails it.
      if (g.alive[i]) {
        g.probeFails[i] = 0;
        g.probeOks[i]++;
        if (!g.up[i] && g.probeOks[i] >= healthyAfter) {
          g.up[i] = 1;
          changed = true;
        }
      } else {
        g.probeOks[i] = 0;
        g.probeFails[i]++;
        if (g.up[i] && g.probeFails[i] >= unhealthyAfter) {
          g.up[i] = 0;
          changed = true;
          const detectedMs = now - g.crashedAtMs[i];
          this.detectionCount++;
          this.detectionSumMs += detectedMs;
          this.detectionMaxMs = Math.max(this.detectionMaxMs, detectedMs);
        }
      }
    }
    if (changed) g.healthChanged();
    this.sim.schedule(now + intervalMs, HEALTH_CHECK, gi);
  }

  // ---- Faults -------------------------------------------------------------------------------

  injectedFailure(g: InstanceGroup): boolean {
    const fraction = this.injectedFraction[g === this.sim.cmd ? 0 : 1];
    return fraction > 0 && this.uInjected() < fraction;
  }

  shardIsDown(shard: number): boolean {
    return this.shardDown[shard] === 1;
  }

  private serviceIndex(f: Fault): number {
    return f.target === 'commandService' ? 0 : 1;
  }

  private applyFault(f: Fault, index: number): void {
    const sim = this.sim;
    const now = sim.nowMs;
    switch (f.kind) {
      case 'crash': {
        const g = this.group(this.serviceIndex(f));
        const i = f.instance!;
        // Only a serving instance can crash (a booting one has nothing to lose yet).
        if (i >= g.size || g.state[i] !== READY || !g.alive[i]) return;
        g.crashedAtMs[i] = now;
        sim.crashInstance(g, i);
        break;
      }
      case 'recover': {
        const g = this.group(this.serviceIndex(f));
        const i = f.instance!;
        // Alive again; the balancer takes it back once its probes pass `healthyAfter` times.
        if (i < g.size) g.alive[i] = 1;
        if (i < g.size && g.up[i]) g.healthChanged();
        break;
      }
      case 'slow': {
        const g = this.group(this.serviceIndex(f));
        if (f.instance! < g.size) g.slowFactor[f.instance!] = f.factor!;
        break;
      }
      case 'errors':
        this.injectedFraction[this.serviceIndex(f)] = f.fraction!;
        break;
      case 'shardDown':
        this.shardDown[f.shard!] = 1;
        sim.failWaitingWrites(f.shard!);
        break;
      case 'shardUp':
        this.shardDown[f.shard!] = 0;
        break;
      case 'cacheFlush':
        sim.cache?.flush();
        break;
      case 'streamCut':
        sim.stream.cut = true;
        break;
      case 'streamHeal':
        sim.stream.cut = false;
        this.kickConsumers();
        break;
      case 'replicaLag': {
        const node = f.instance! + 1;
        if (node < sim.extraReplicationMs.length) sim.extraReplicationMs[node] = f.ms!;
        break;
      }
    }
    if (f.forS !== undefined) sim.schedule(now + f.forS * 1000, FAULT_END, index);
  }

  /** Undoes a fault after its `forS`. */
  private endFault(f: Fault): void {
    const undo: Partial<Record<Fault['kind'], Fault['kind']>> = {
      crash: 'recover',
      shardDown: 'shardUp',
      streamCut: 'streamHeal',
    };
    const sim = this.sim;
    switch (f.kind) {
      case 'slow': {
        const g = this.group(this.serviceIndex(f));
        if (f.instance! < g.size) g.slowFactor[f.instance!] = 1;
        return;
      }
      case 'errors':
        this.injectedFraction[this.serviceIndex(f)] = 0;
        return;
      case 'replicaLag':
        if (f.instance! + 1 < sim.extraReplicationMs.length) sim.extraReplicationMs[f.instance! + 1] = 0;
        return;
    }
    const kind = undo[f.kind];
    if (kind) this.applyFault({ ...f, kind, forS: undefined }, -1);
  }

  private kickConsumers(): void {
    for (let c = 0; c < this.sim.stream.consumers; c++) this.sim.consume(c);
  }
}
