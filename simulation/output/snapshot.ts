/** The live state of every part of the model, as small plain data for drawing the topology. */
import type { InstanceGroup } from '../model/instanceGroup';
import type { ConnectionPool } from '../model/connectionPool';
import type { Simulation } from '../simulation';
import type { GroupView, Snapshot } from '../types';

function groupView(sim: Simulation, g: InstanceGroup): GroupView {
  const instances = [];
  for (let i = 0; i < g.size; i++) {
    instances.push({
      state: g.stateOf(i),
      up: g.up[i] === 1,
      slowFactor: g.slowFactor[i],
      memoryMb: g.memoryOf(i),
      vcpus: g.vcpusOf[i],
      busy: g.busy[i],
      queue: g.queues[i].length,
      outstanding: g.outstanding[i],
      utilization: sim.windows.lastWindowUtilization.get(g.busyAreas[i]) ?? 0,
    });
  }
  return { algorithm: g.algorithm, instances };
}

/** Over the last complete window (instantaneous busy counts flicker too much to read). */
function utilization(sim: Simulation, p: ConnectionPool): number {
  return sim.windows.lastWindowUtilization.get(p) ?? 0;
}

export function buildSnapshot(sim: Simulation): Snapshot {
  const s = sim.projection.stream;
  const now = sim.nowMs;
  const totalWrites = sim.writeStore.shards.reduce((n, p) => n + p.ops, 0);
  const cache = sim.cacheLayer.cache;
  const snap: Snapshot = {
    tMs: now,
    durationMs: sim.durationMs,
    done: sim.done,
    events: sim.events,
    commandService: groupView(sim, sim.command.group),
    queryService: groupView(sim, sim.query.group),
    writeStore: {
      partitioning: sim.scenario.writeStore.partitioning,
      shards: sim.writeStore.shards.map((p) => ({
        writesShare: totalWrites > 0 ? p.ops / totalWrites : 0,
        utilization: utilization(sim, p),
        waiting: p.waiting.length,
      })),
    },
    eventStream: {
      partitions: s.partitions.map((_, p) => {
        const head = s.inApply[p] !== -1 ? s.inApply[p] : s.partitions[p].peek();
        return { lagEvents: s.lagOf(p), lagMs: head === -1 ? 0 : now - s.commitMs[head], owner: s.ownerOf(p) };
      }),
      projectors: Array.from({ length: s.consumers }, (_, c) => ({
        busy: s.current[c] !== -1,
        partitions: c < s.partitions.length ? Math.ceil((s.partitions.length - c) / s.consumers) : 0,
      })),
    },
    readStore: {
      nodes: sim.readStore.nodes.map((p, i) => ({
        role: i === 0 ? ('primary' as const) : ('replica' as const),
        active: sim.readStore.nodeActive[i],
        utilization: utilization(sim, p),
        waiting: p.waiting.length,
      })),
    },
    cache: {
      enabled: cache !== null,
      nodes:
        cache === null
          ? []
          : Array.from({ length: cache.nodes }, (_, i) => ({
              size: cache.sizes[i],
              capacity: cache.capacity,
              hitRatio: cache.lookups[i] > 0 ? cache.hits[i] / cache.lookups[i] : 0,
            })),
    },
    window: sim.windows.lastWindow,
  };
  // Then what each part adds (its keys at the end, in the parts list's order; nothing when off).
  for (const { runtime } of sim.parts) if (runtime.snapshot) Object.assign(snap, runtime.snapshot());
  return snap;
}
