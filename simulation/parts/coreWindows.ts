/**
 * What each built-in part adds to each one-second window of the time series, and what it does
 * when a window closes (`windows.ts` calls them in the order `parts/core.ts` lists them and puts
 * the keys in the window figure registry's order). A part also names the cumulative integrals the
 * report and the windows take differences of, and notes its counts at the end of warm-up.
 */
import type { Area } from '../metrics/area';
import type { FailureCause } from '../metrics/classTally';
import type { ConnectionPool } from '../model/connectionPool';
import { BOOTING, DRAINING, RESTARTING } from '../model/instanceGroup';
import type { GroupWindow, WindowStats } from '../types';
import type { Elasticity } from './elasticity';
import type { Projection } from './projection';
import type { ReadStore } from './readStore';
import type { Service } from './service';
import type { World } from './world';
import type { WriteStore } from './writeStore';

/** What a window is measured against. */
export interface WindowSpan {
  readonly now: number;
  /** The window's length, ms (the last may be shorter). */
  readonly spanMs: number;
  /** An integral's growth over the window. */
  readonly since: (a: Area) => number;
  /** The failure causes each window's `errors` shows now (a part's once it was on). */
  readonly causes: readonly FailureCause[];
  /** Utilisation over the window by instance (keyed by its busy integral) and by store node: what the topology shows. */
  readonly utilization: Map<object, number>;
}

/** A built-in part's share of the windows. */
export interface WindowPart {
  /** Cumulative integrals the report and the windows take differences of. */
  integrals?(): readonly Area[];
  /** At the end of warm-up: note the counts the report counts from there. */
  warmup?(): void;
  /** The keys it adds to the window that closes now. */
  window?(span: WindowSpan): Partial<WindowStats>;
  /** After the window is made: reset what counts per window, note per-instance load. */
  closed?(span: WindowSpan, w: WindowStats): void;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** The classes' windows as the clients see them: attempts, cache hits, staleness, failures by cause, stages. */
export function clientsWindow(command: Service, query: Service): WindowPart {
  const c = command.tally;
  const q = query.tally;
  return {
    window(span) {
      // Read the failures before the tallies close their window (which clears them).
      const errors = {} as WindowStats['errors'];
      for (const cause of span.causes) errors[cause] = c.windowFailedBy[cause] + q.windowFailedBy[cause];
      const commands = c.closeWindow();
      const queries = q.closeWindow();
      const stages = { commands: c.windowSplits!, queries: q.windowSplits! } as WindowStats['stages'];
      return { commands, queries, cacheHitRatio: q.windowHitRatio(), staleReadRatio: q.windowStaleRatio(), errors, stages };
    },
    closed: () => q.resetWindowRatios(),
  };
}

/** A service's instances: utilisation, queue, sizes; and each instance's load, for the topology. */
export function serviceWindow(svc: Service): WindowPart {
  const g = svc.group;
  const instanceStart = new Map<object, number>();
  return {
    integrals: () => [svc.inSystem, g.busyArea, g.capacityArea, g.queueArea, g.outstandingArea, g.servingArea, g.instanceArea, g.vcpuArea, g.pricedVcpuArea],
    window({ since, spanMs }) {
      const cap = since(g.capacityArea);
      const group: GroupWindow = {
        utilization: share(since(g.busyArea), cap),
        meanQueueLength: share(since(g.queueArea), spanMs),
        instances: g.readyCount,
        booting: g.count(BOOTING),
        draining: g.count(DRAINING) + g.count(RESTARTING),
      };
      return { [svc.name]: group };
    },
    closed({ now, spanMs, utilization }) {
      g.busyAreas.forEach((a, i) => {
        const busyMs = a.at(now) - (instanceStart.get(a) ?? 0);
        utilization.set(a, spanMs > 0 ? Math.min(1, busyMs / (spanMs * g.vcpusOf[i])) : 0);
        instanceStart.set(a, a.at(now));
      });
    },
  };
}

/** Store nodes (shards, read nodes): their integrals, their counts at warm-up and their load over each window. */
function poolsWindow(pools: () => readonly ConnectionPool[]): Required<Pick<WindowPart, 'integrals' | 'warmup'>> & Pick<WindowPart, 'closed'> {
  return {
    integrals: () => pools().flatMap((p) => [p.busyArea, p.capacityArea]),
    warmup: () => {
      for (const p of pools()) p.opsAtWarmup = p.ops;
    },
    closed({ since, utilization }) {
      for (const p of pools()) {
        const cap = since(p.capacityArea);
        utilization.set(p, cap > 0 ? Math.min(1, since(p.busyArea) / cap) : 0);
      }
    },
  };
}

/** The write store's shards. */
export const writeStoreWindow = (writeStore: WriteStore): WindowPart => poolsWindow(() => writeStore.shards);

/** The stream and its projectors: the consistency lag and its stages, the stream's lag, the group's size. */
export function projectionWindow(world: World, projection: Projection): WindowPart {
  const st = projection.stream;
  const lag = projection.windowLag;
  return {
    integrals: () => [st.busyArea, st.consumerArea],
    window: ({ now }) => ({
      consistencyLagP50Ms: lag.quantile(0.5),
      consistencyLagP99Ms: lag.quantile(0.99),
      streamLagEvents: st.lagEvents,
      streamLagMs: projection.lagMs(now),
      projectors: st.consumers,
      stages: { consistencyLagMs: projection.windowLagStages.split(lag) } as WindowStats['stages'],
    }),
    closed({ now }, w) {
      lag.reset();
      projection.windowLagStages.reset();
      if (now >= world.warmupMs && w.streamLagMs > projection.maxLagMs) projection.maxLagMs = w.streamLagMs;
    },
  };
}

/** The read store: the replica lag and its stages, the load on the nodes in service, the replicas. */
export function readStoreWindow(readStore: ReadStore): WindowPart {
  const pools = poolsWindow(() => readStore.nodes);
  const lag = readStore.windowReplicaLag;
  return {
    ...pools,
    window({ since }) {
      let busy = 0;
      let capacity = 0;
      // The primary and the replicas in service now (a removed replica's idle connections would dilute the load).
      readStore.nodes.forEach((node, i) => {
        if (i > 0 && !readStore.nodeActive[i]) return;
        busy += since(node.busyArea);
        capacity += since(node.capacityArea);
      });
      return {
        replicaLagP50Ms: lag.quantile(0.5),
        replicaLagP99Ms: lag.quantile(0.99),
        readStoreUtilization: capacity > 0 ? Math.min(1, busy / capacity) : 0,
        replicas: readStore.activeCount,
        stages: { replicaLagMs: readStore.windowReplicaStages.split(lag) } as WindowStats['stages'],
      };
    },
    closed(span, w) {
      lag.reset();
      readStore.windowReplicaStages.reset();
      pools.closed!(span, w);
    },
  };
}

/** The scaled groups' ranges (sampled once a window) and the replicas' cost integral. */
export function elasticityWindow(elasticity: Elasticity): WindowPart {
  return { integrals: () => [elasticity.replicaArea], closed: () => elasticity.sampleRanges() };
}

/**
 * What the capacity has cost from the start: vCPU-hours, and dollars at the scenario's price
 * (`paid`: each group's vCPU integral and its price-weighted one, in the order they are summed).
 */
export function costWindow(world: World, paid: () => readonly (readonly [vcpus: Area, priced: Area])[]): WindowPart {
  return {
    window({ now }) {
      let vcpuHours = 0;
      let pricedHours = 0;
      for (const [vcpus, priced] of paid()) {
        vcpuHours += vcpus.at(now) / 3_600_000;
        pricedHours += priced.at(now) / 3_600_000;
      }
      return { costVcpuHours: vcpuHours, costUsd: Math.max(0, pricedHours) * world.scenario.pricing.vcpuHourUsd };
    },
  };
}
