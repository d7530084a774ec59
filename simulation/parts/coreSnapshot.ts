/**
 * What each built-in part shows of its live state in the snapshot the topology draws
 * (`output/snapshot.ts` joins them, in the order `parts/core.ts` lists them, then what the parts
 * on the contract add). Small plain data; reading it changes nothing.
 */
import type { ConnectionPool } from '../model/connectionPool';
import type { InstanceGroup } from '../model/instanceGroup';
import type { GroupView, Snapshot } from '../types';
import type { CacheLayer } from './cacheLayer';
import type { Projection } from './projection';
import type { ReadStore } from './readStore';
import type { Service } from './service';
import type { WriteStore } from './writeStore';

/** Load over the last complete window, by instance (its busy integral) or store node: instantaneous counts flicker too much to read. */
export type LastLoad = ReadonlyMap<object, number>;

function groupView(g: InstanceGroup, load: LastLoad): GroupView {
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
      utilization: load.get(g.busyAreas[i]) ?? 0,
    });
  }
  return { algorithm: g.algorithm, instances };
}

const loadOf = (load: LastLoad, p: ConnectionPool) => load.get(p) ?? 0;

/** A service's balancer and instances. */
export const serviceSnapshot = (svc: Service, load: LastLoad): Partial<Snapshot> => ({ [svc.name]: groupView(svc.group, load) });

/** The write store's shards: each one's share of the writes so far, its load and its waiting writes. */
export function writeStoreSnapshot(writeStore: WriteStore, partitioning: Snapshot['writeStore']['partitioning'], load: LastLoad): Partial<Snapshot> {
  const totalWrites = writeStore.shards.reduce((n, p) => n + p.ops, 0);
  return {
    writeStore: {
      partitioning,
      shards: writeStore.shards.map((p) => ({ writesShare: totalWrites > 0 ? p.ops / totalWrites : 0, utilization: loadOf(load, p), waiting: p.waiting.length })),
    },
  };
}

/** The stream's partitions (lag, owner) and the projectors (busy, partitions owned). */
export function projectionSnapshot(projection: Projection, now: number): Partial<Snapshot> {
  const s = projection.stream;
  return {
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
  };
}

/** The read store's primary and replicas: in service or not, load, waiting reads. */
export function readStoreSnapshot(readStore: ReadStore, load: LastLoad): Partial<Snapshot> {
  return {
    readStore: {
      nodes: readStore.nodes.map((p, i) => ({
        role: i === 0 ? ('primary' as const) : ('replica' as const),
        active: readStore.nodeActive[i],
        utilization: loadOf(load, p),
        waiting: p.waiting.length,
      })),
    },
  };
}

/** The cache's nodes: fill and hit ratio so far. */
export function cacheSnapshot(cacheLayer: CacheLayer): Partial<Snapshot> {
  const cache = cacheLayer.cache;
  const nodes =
    cache === null
      ? []
      : Array.from({ length: cache.nodes }, (_, i) => ({ size: cache.sizes[i], capacity: cache.capacity, hitRatio: cache.lookups[i] > 0 ? cache.hits[i] / cache.lookups[i] : 0 }));
  return { cache: { enabled: cache !== null, nodes } };
}
