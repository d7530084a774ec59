/** Turns a snapshot into the items the topology draws, with the words a screen reader gets. */
import type { GroupView, InstanceView, Scenario, Snapshot } from '../../../simulation/index';
import type { Item } from './StackView';

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** What the load balancer and the person should know about an instance, in a word or two. */
function condition(inst: InstanceView): string {
  const parts: string[] = [];
  if (inst.state !== 'ready') parts.push(inst.state);
  else if (!inst.up) parts.push('marked down');
  if (inst.slowFactor > 1) parts.push(`slow ×${inst.slowFactor}`);
  return parts.join(', ');
}

/** One item per instance; `compact` leaves the queue out of the label (too narrow to read), not out of the hover text. */
export function instanceItems(g: GroupView | undefined, prefix: string, count: number, vcpus: number, compact = false): Item[] {
  const list: InstanceView[] =
    g?.instances ??
    Array.from({ length: count }, () => ({ state: 'ready' as const, up: true, slowFactor: 1, memoryMb: 0, utilization: 0, queue: 0, busy: 0, vcpus, outstanding: 0 }));
  return list.map((inst, i) => {
    const cond = condition(inst);
    const bad = inst.state === 'down' || !inst.up || inst.slowFactor > 1;
    return {
      // The queue length has its own word: "q2 25% q1" read as instance q1.
      label: `${prefix}${i + 1} ${cond ? cond.split(',')[0] : `${pct(inst.utilization)}${inst.queue > 0 && !compact ? ` · ${inst.queue} queued` : ''}`}`,
      load: inst.utilization,
      queue: inst.queue,
      className: `${inst.state === 'ready' ? '' : inst.state}${bad ? ' hot' : ''}`.trim(),
      title: `${prefix}${i + 1}: ${inst.state}${cond ? ` (${cond})` : ''}, ${pct(inst.utilization)} busy, ${inst.busy} of ${inst.vcpus} vCPUs working, queue ${inst.queue}, memory ${Math.round(inst.memoryMb)} MB`,
    };
  });
}

/** Counts by state for the group's accessible name: "3 instances (2 ready, 1 down)". */
export function stateSummary(g: GroupView | undefined, fallback: number): string {
  const list = g?.instances ?? [];
  if (!g) return `${fallback} instances (${fallback} ready)`;
  const counts = new Map<string, number>();
  for (const inst of list) {
    const k = inst.state === 'ready' && !inst.up ? 'marked down' : inst.state;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const order = ['ready', 'booting', 'restarting', 'draining', 'marked down', 'down'];
  const parts = order.filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${k}`);
  return `${list.length} instances (${parts.join(', ') || 'none'})`;
}

/** A shard is hot when it takes more than 1.5 times its fair share of writes. */
export function shardItems(snap: Snapshot | null, n: number): Item[] {
  const shards = snap?.writeStore.shards ?? Array.from({ length: n }, () => ({ writesShare: 0, utilization: 0, waiting: 0 }));
  return shards.map((s, i) => {
    const hot = shards.length > 1 && s.writesShare > 1.5 / shards.length;
    return {
      label: `s${i + 1} ${pct(s.writesShare)}${hot ? ' HOT' : ''}`,
      load: s.utilization,
      queue: s.waiting,
      className: hot ? 'hot' : '',
      title: `shard ${i + 1}: ${pct(s.writesShare)} of writes${hot ? ' (hot)' : ''}, connections ${pct(s.utilization)} in use, ${s.waiting} waiting`,
    };
  });
}

/** A partition lags when its oldest unapplied event is over a second old. */
export function partitionItems(snap: Snapshot | null, n: number): Item[] {
  const parts = snap?.eventStream.partitions ?? Array.from({ length: n }, () => ({ lagEvents: 0, lagMs: 0, owner: -1 }));
  return parts.map((p, i) => {
    const lagging = p.lagMs > 1000;
    return {
      label: `p${i + 1} lag ${p.lagEvents}`,
      load: Math.min(1, p.lagMs / 1000),
      className: lagging ? 'hot' : '',
      title: `partition ${i + 1}: lag ${p.lagEvents} events, ${Math.round(p.lagMs)} ms${p.owner >= 0 ? `, projector ${p.owner + 1}` : ', no projector'}`,
    };
  });
}

export function projectorItems(snap: Snapshot | null, n: number): Item[] {
  const list = snap?.eventStream.projectors ?? Array.from({ length: n }, () => ({ busy: false, partitions: 0 }));
  return list.map((p, i) => ({
    label: `pr${i + 1} ${p.partitions} part.${p.busy ? ' busy' : ''}`,
    load: p.busy ? 1 : 0,
    className: p.partitions === 0 ? 'stopped' : '',
    title: `projector ${i + 1}: ${p.partitions} partitions, ${p.busy ? 'applying an event' : 'idle'}`,
  }));
}

export function readNodeItems(snap: Snapshot | null, replicas: number): Item[] {
  const nodes =
    snap?.readStore.nodes.filter((nd) => nd.active || nd.role === 'primary') ??
    Array.from({ length: replicas + 1 }, (_, i) => ({ role: i === 0 ? ('primary' as const) : ('replica' as const), active: true, utilization: 0, waiting: 0 }));
  return nodes.map((nd, i) => ({
    label: `${nd.role === 'primary' ? 'primary' : `replica ${i}`} ${pct(nd.utilization)}`,
    load: nd.utilization,
    queue: nd.waiting,
    title: `${nd.role === 'primary' ? 'primary' : `replica ${i}`}: connections ${pct(nd.utilization)} in use, ${nd.waiting} waiting`,
  }));
}

export function cacheItems(snap: Snapshot | null, s: Scenario): Item[] {
  if (!s.cache.enabled) return [];
  const nodes = snap?.cache.enabled ? snap.cache.nodes : Array.from({ length: s.cache.nodes }, () => ({ size: 0, capacity: s.cache.capacityPerNode, hitRatio: 0 }));
  return nodes.map((nd, i) => ({
    label: `n${i + 1} hit ${pct(nd.hitRatio)}`,
    load: nd.capacity > 0 ? nd.size / nd.capacity : 0,
    title: `cache node ${i + 1}: ${nd.size} of ${nd.capacity} keys, hit ratio ${pct(nd.hitRatio)}`,
  }));
}
