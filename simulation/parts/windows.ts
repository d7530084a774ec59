/**
 * The time series and the warm-up: at the end of warm-up it notes every cumulative integral (the
 * report subtracts them); every window (1 s of simulated time) it closes the windows' counts and
 * takes per-instance and per-node utilisation, which the topology shows between windows.
 */
import type { Engine } from '../engine/core';
import type { Area } from '../metrics/area';
import { CORE_FAILURE_CAUSES, type FailureCause } from '../metrics/classTally';
import { BOOTING, DRAINING, RESTARTING } from '../model/instanceGroup';
import type { ConnectionPool } from '../model/connectionPool';
import type { GroupWindow, WindowStats } from '../types';
import type { Elasticity } from './elasticity';
import type { PartRuntime } from './part';
import type { Projection } from './projection';
import type { ReadStore } from './readStore';
import type { Service } from './service';
import type { World } from './world';
import type { WriteStore } from './writeStore';

/** Length of one window of the time series, in simulated ms. */
export const WINDOW_MS = 1000;

export class Windows {
  /** Values of cumulative integrals at the end of warm-up, subtracted in the report. */
  readonly atWarmup = new Map<object, number>();
  lastWindow: WindowStats | null = null;
  /**
   * Utilisation of each instance (keyed by its busy integral) and each storage node (keyed by
   * its pool) over the last complete window: what the topology shows, steady between windows.
   */
  readonly lastWindowUtilization = new Map<object, number>();
  /** Failure causes in each window's `errors`; a part adds its own, shown once it is in use. */
  readonly errorCauses: FailureCause[] = [...CORE_FAILURE_CAUSES];
  readonly isCauseShown = new Map<FailureCause, () => boolean>();
  /** The parts that add keys to each window (`PartRuntime.window`), in the order of the parts list. */
  partWindows: readonly PartRuntime[] = [];

  private readonly engine: Engine;
  private readonly windowStart = new Map<object, number>();
  private lastWindowMs = 0;
  private pending: WindowStats[] = [];
  /** Per-instance busy integrals at the start of the current window (for per-instance load). */
  private readonly instanceWindowStart = new Map<object, number>();
  private readonly warmupKind: number;
  private readonly windowKind: number;

  constructor(
    private readonly world: World,
    private readonly command: Service,
    private readonly query: Service,
    private readonly writeStore: WriteStore,
    private readonly projection: Projection,
    private readonly readStore: ReadStore,
    private readonly elasticity: Elasticity,
  ) {
    this.engine = world.engine;
    this.warmupKind = this.engine.on('windows.warmup', this.onWarmup, this);
    this.windowKind = this.engine.on('windows.close', this.onWindow, this);
  }

  /** Puts the end of warm-up and the first window on the calendar. */
  start(): void {
    this.engine.schedule(this.world.warmupMs, this.warmupKind, 0);
    this.engine.schedule(Math.min(WINDOW_MS, this.world.durationMs), this.windowKind, 0);
  }

  /** Windows completed since the last call (the caller keeps them). */
  take(): WindowStats[] {
    const w = this.pending;
    this.pending = [];
    return w;
  }

  private pools(): ConnectionPool[] {
    return [...this.writeStore.shards, ...this.readStore.nodes];
  }

  /** Every cumulative integral the report and the windows take differences of. */
  integrals(): Area[] {
    const st = this.projection.stream;
    const list = [this.command.inSystem, this.query.inSystem, st.busyArea, st.consumerArea];
    for (const { group: g } of [this.command, this.query]) {
      list.push(g.busyArea, g.capacityArea, g.queueArea, g.outstandingArea, g.servingArea, g.instanceArea, g.vcpuArea, g.pricedVcpuArea);
    }
    list.push(this.elasticity.replicaArea);
    for (const p of this.pools()) list.push(p.busyArea, p.capacityArea);
    return list;
  }

  private onWarmup(): void {
    const now = this.engine.nowMs;
    for (const a of this.integrals()) this.atWarmup.set(a, a.at(now));
    for (const p of this.pools()) p.opsAtWarmup = p.ops;
  }

  private onWindow(): void {
    const now = this.engine.nowMs;
    const spanMs = now - this.lastWindowMs;
    const since = (a: Area) => a.at(now) - (this.windowStart.get(a) ?? 0);
    const group = (svc: Service): GroupWindow => {
      const g = svc.group;
      const cap = since(g.capacityArea);
      return {
        utilization: cap > 0 ? since(g.busyArea) / cap : 0,
        meanQueueLength: spanMs > 0 ? since(g.queueArea) / spanMs : 0,
        instances: g.readyCount,
        booting: g.count(BOOTING),
        draining: g.count(DRAINING) + g.count(RESTARTING),
      };
    };
    const c = this.command.tally;
    const q = this.query.tally;
    const errors = {} as WindowStats['errors'];
    for (const cause of this.errorCauses) {
      if (this.isCauseShown.get(cause)?.() === false) continue;
      errors[cause] = c.windowFailedBy[cause] + q.windowFailedBy[cause];
    }
    const hours = (a: Area) => a.at(now) / 3_600_000;
    const st = this.projection.stream;
    const lag = this.projection.windowLag;
    const replicaLag = this.readStore.windowReplicaLag;
    let readBusy = 0;
    let readCapacity = 0;
    // The primary and the replicas in service now (a removed replica's idle connections would dilute the load).
    this.readStore.nodes.forEach((node, i) => {
      if (i > 0 && !this.readStore.nodeActive[i]) return;
      readBusy += since(node.busyArea);
      readCapacity += since(node.capacityArea);
    });
    const commands = c.closeWindow();
    const queries = q.closeWindow();
    const w: WindowStats = {
      tS: now / 1000,
      commands,
      queries,
      consistencyLagP50Ms: lag.quantile(0.5),
      consistencyLagP99Ms: lag.quantile(0.99),
      replicaLagP50Ms: replicaLag.quantile(0.5),
      replicaLagP99Ms: replicaLag.quantile(0.99),
      streamLagEvents: st.lagEvents,
      streamLagMs: this.projection.lagMs(now),
      cacheHitRatio: q.windowHitRatio(),
      staleReadRatio: q.windowStaleRatio(),
      commandService: group(this.command),
      queryService: group(this.query),
      readStoreUtilization: readCapacity > 0 ? Math.min(1, readBusy / readCapacity) : 0,
      projectors: st.consumers,
      replicas: this.readStore.activeCount,
      errors,
      costVcpuHours:
        hours(this.command.group.vcpuArea) + hours(this.query.group.vcpuArea) + hours(st.consumerArea) + hours(this.elasticity.replicaArea),
      costUsd:
        Math.max(0, hours(this.command.group.pricedVcpuArea) + hours(this.query.group.pricedVcpuArea) + hours(st.consumerArea) + hours(this.elasticity.replicaArea)) *
        this.world.scenario.pricing.vcpuHourUsd,
      stages: {
        commands: c.windowSplits!,
        queries: q.windowSplits!,
        consistencyLagMs: this.projection.windowLagStages.split(lag),
        replicaLagMs: this.readStore.windowReplicaStages.split(replicaLag),
      },
    };
    for (const part of this.partWindows) Object.assign(w, part.window!());
    const { happenings, dropped } = this.world.happenings.take();
    if (happenings.length > 0) w.happenings = happenings;
    if (dropped > 0) w.happeningsDropped = dropped;
    this.elasticity.sampleRanges();
    q.resetWindowRatios();
    lag.reset();
    replicaLag.reset();
    this.projection.windowLagStages.reset();
    this.readStore.windowReplicaStages.reset();
    if (now >= this.world.warmupMs && w.streamLagMs > this.projection.maxLagMs) this.projection.maxLagMs = w.streamLagMs;
    for (const { group: g } of [this.command, this.query]) {
      g.busyAreas.forEach((a, i) => {
        const busyMs = a.at(now) - (this.instanceWindowStart.get(a) ?? 0);
        this.lastWindowUtilization.set(a, spanMs > 0 ? Math.min(1, busyMs / (spanMs * g.vcpusOf[i])) : 0);
        this.instanceWindowStart.set(a, a.at(now));
      });
    }
    for (const p of this.pools()) {
      const cap = since(p.capacityArea);
      this.lastWindowUtilization.set(p, cap > 0 ? Math.min(1, since(p.busyArea) / cap) : 0);
    }
    for (const a of this.integrals()) this.windowStart.set(a, a.at(now));
    this.lastWindow = w;
    this.pending.push(w);
    this.lastWindowMs = now;
    if (now < this.world.durationMs) this.engine.schedule(Math.min(now + WINDOW_MS, this.world.durationMs), this.windowKind, 0);
  }
}
