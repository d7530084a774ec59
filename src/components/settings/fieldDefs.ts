/** Every scenario field, grouped by the part of the system it belongs to. */
import { FIXED_DURING_RUN as ENGINE_FIXED } from 'virtual:engine-facts';
import { fieldAt } from '../../../simulation/fields';
import { PART_DECLARATIONS as PARTS } from 'virtual:part-declarations';
import type { PartDeclaration as Part } from '../../../simulation/index';
import type { PartId } from '../../state/uiStore';

export type FieldDef =
  | { kind: 'number'; path: string; label: string; unit?: string; step?: number; stepper?: boolean; integer?: boolean }
  | { kind: 'select'; path: string; label: string; options: readonly string[] }
  | { kind: 'bool'; path: string; label: string }
  | { kind: 'latency'; path: string; label: string }
  | { kind: 'text'; path: string; label: string }
  | { kind: 'profile'; path: string; label: string }
  | { kind: 'autoscaling'; path: string; label: string; metrics: readonly string[] }
  | { kind: 'faults'; path: string; label: string }
  | { kind: 'heading'; path: string; label: string }
  | { kind: 'group'; path: string; label: string; hint?: string; defaults: object; fields: FieldDef[] };

export interface Section {
  title: string;
  about: string;
  fields: FieldDef[];
}

/** Fields that cannot change during a run (the engine's list, and the fault timeline): editing one starts a new run. */
export const FIXED_DURING_RUN = new Set<string>([...ENGINE_FIXED, 'faults']);

const service = (p: 'commandService' | 'queryService'): FieldDef[] => [
  { kind: 'number', path: `${p}.instances`, label: 'Instances', stepper: true },
  { kind: 'number', path: `${p}.vcpus`, label: 'vCPUs per instance', stepper: true },
  { kind: 'number', path: `${p}.speed`, label: 'Speed per vCPU', unit: '×', step: 0.25, stepper: true },
  { kind: 'number', path: `${p}.contention`, label: 'Contention σ (within an instance)', step: 0.01 },
  { kind: 'number', path: `${p}.coherency`, label: 'Coherency κ (within an instance)', step: 0.0001 },
  { kind: 'number', path: `${p}.queueCapacity`, label: 'Queue capacity', unit: 'requests' },
  { kind: 'latency', path: `${p}.serviceTimeMs`, label: 'Service time' },
  choice(`${p}.loadBalancer`, 'Load balancer'),
  { kind: 'autoscaling', path: `${p}.autoscaling`, label: 'Auto-scaling', metrics: ['cpu', 'rps', 'queue', 'memory'] },
  ...partSettings(p),
  { kind: 'heading', path: `${p}.memory`, label: 'Memory and restarts' },
  { kind: 'number', path: `${p}.baseMemoryMb`, label: 'Base memory', unit: 'MB' },
  { kind: 'number', path: `${p}.memoryPerRequestMb`, label: 'Memory per request', unit: 'MB' },
  { kind: 'number', path: `${p}.memoryLimitMb`, label: 'Memory limit', unit: 'MB' },
  { kind: 'number', path: `${p}.restartS`, label: 'Restart for a vertical change', unit: 's' },
  ...partGroups(p),
];

/**
 * The groups the parts put on every service that is always there (`Part.serviceGroup.page`, not
 * optional: the health checks): a heading and the group's fields, after the service's auto-scaling.
 */
function partSettings(p: 'commandService' | 'queryService'): FieldDef[] {
  return PARTS.flatMap((part) => {
    const g = part.serviceGroup;
    if (!g?.page || g.optional) return [];
    const path = `${p}.${g.name}`;
    return [{ kind: 'heading' as const, path, label: g.page.label }, ...g.page.fields.map((f) => sectionField(`${path}.${f[0]}`, f))];
  });
}

/** The optional groups the parts put on each service (`Part.serviceGroup.page`), in the parts' order. */
function partGroups(p: 'commandService' | 'queryService'): FieldDef[] {
  return PARTS.flatMap((part) => {
    const g = part.serviceGroup;
    return g?.optional && g.page ? [optionalGroup(`${p}.${g.name}`, g.page)] : [];
  });
}

type GroupPage = NonNullable<NonNullable<Part['serviceGroup']>['page']>;
type PageField = GroupPage['fields'][number];

/** The registry's entry of a field the settings panel shows; an unknown one is refused, naming it. */
function registered(path: string) {
  const f = fieldAt(path);
  if (!f) throw new Error(`${path}: the settings panel shows a field the engine's field registry lacks`);
  return f;
}

/** A choice, its values as the registry has them. */
const choice = (path: string, label: string): FieldDef => ({ kind: 'select', path, label, options: registered(path).choices ?? [] });

/**
 * The page's editors checked against the registry: every field it shows is one (a heading is
 * not), and a number is whole where the registry says so.
 */
function checked(defs: FieldDef[]): FieldDef[] {
  return defs.map((d) => {
    if (d.kind === 'heading') return d;
    const f = registered(d.path);
    if (d.kind === 'group') return { ...d, fields: checked(d.fields) };
    return d.kind === 'number' && f.kind === 'integer' ? { ...d, integer: true } : d;
  });
}

/** A number's unit from the engine's field registry (a ratio shows none). */
const unitOf = (p: string) => (fieldAt(p)?.unit === 'ratio' ? undefined : fieldAt(p)?.unit);

/** An optional group whose units and help come from the engine's field registry. */
function optionalGroup(path: string, page: GroupPage, field = (p: string, [, l, step]: PageField): FieldDef => ({ kind: 'number', path: p, label: l, unit: unitOf(p), step })): FieldDef {
  return {
    kind: 'group',
    path,
    label: page.label,
    hint: fieldAt(path)?.help,
    defaults: page.whenOn,
    fields: page.fields.map((f) => field(`${path}.${f[0]}`, f)),
  };
}

/** A field of a part's own section, its editor by its kind in the field registry (yes/no, a choice, an integer, a number). */
function sectionField(path: string, [, label, step]: PageField): FieldDef {
  const f = fieldAt(path);
  if (!f) throw new Error(`${path}: the settings panel shows a field the engine's field registry lacks`);
  if (f.kind === 'boolean') return { kind: 'bool', path, label };
  if (f.kind === 'choice') return { kind: 'select', path, label, options: f.choices ?? [] };
  return { kind: 'number', path, label, unit: unitOf(path), step, ...(f.kind === 'integer' ? { integer: true } : {}) };
}

/**
 * The page's settings sections, each editor checked against the field registry (`checked`), with
 * the parts' own sections added (`Part.section.page`): each an optional group at the end of the
 * settings section it names (`in`), in the parts' order.
 */
export function sectionsOf(parts: readonly Part[], sections: Record<PartId, Section> = PAGE_SECTIONS): Record<PartId, Section> {
  const out = Object.fromEntries(Object.entries(sections).map(([id, s]) => [id, { ...s, fields: checked(s.fields) }])) as Record<PartId, Section>;
  for (const part of parts) {
    const spec = part.section;
    if (!spec?.page) continue;
    if (!Object.hasOwn(out, spec.page.in)) throw new Error(`part ${part.name}: its section's page is in "${spec.page.in}", which is not a settings section (${Object.keys(out).join(', ')})`);
    out[spec.page.in as PartId].fields.push(optionalGroup(spec.name, spec.page, sectionField));
  }
  return out;
}

const PAGE_SECTIONS: Record<PartId, Section> = {
  run: {
    title: 'Run',
    about: 'Changing any of these starts a new run.',
    fields: [
      { kind: 'text', path: 'name', label: 'Name' },
      { kind: 'number', path: 'seed', label: 'Seed', stepper: true },
      { kind: 'number', path: 'durationS', label: 'Duration', unit: 's' },
      { kind: 'number', path: 'warmupS', label: 'Warm-up (not in the report)', unit: 's' },
      { kind: 'heading', path: 'pricing', label: 'Pricing' },
      { kind: 'number', path: 'pricing.vcpuHourUsd', label: 'Price per vCPU-hour (up to 4 vCPUs)', unit: 'USD', step: 0.01 },
      { kind: 'number', path: 'pricing.sizePremium', label: 'Premium per doubling of instance size', step: 0.05 },
    ],
  },
  workload: {
    title: 'Clients (workload)',
    about: 'Open-loop Poisson arrivals, split into commands and queries.',
    fields: [
      { kind: 'number', path: 'workload.rps', label: 'Request rate', unit: 'req/s', step: 50, stepper: true },
      { kind: 'profile', path: 'workload.profile', label: 'Rate profile' },
      { kind: 'number', path: 'workload.writeRatio', label: 'Write ratio (commands)', step: 0.05, stepper: true },
      choice('workload.keys.distribution', 'Key distribution'),
      { kind: 'number', path: 'workload.keys.zipfS', label: 'Zipf skew s', step: 0.1, stepper: true },
      { kind: 'number', path: 'workload.keys.count', label: 'Keys' },
      { kind: 'number', path: 'workload.followUpReads.ratio', label: 'Follow-up read ratio', step: 0.05 },
      { kind: 'number', path: 'workload.followUpReads.afterMs', label: 'Follow-up read after', unit: 'ms' },
      { kind: 'number', path: 'workload.timeoutMs', label: 'Client timeout', unit: 'ms' },
      choice('workload.arrivals', 'Arrivals'),
      { kind: 'heading', path: 'workload.retries', label: 'Client retries' },
      { kind: 'number', path: 'workload.retries.max', label: 'Retries per request (max)', stepper: true },
      { kind: 'number', path: 'workload.retries.backoffMs', label: 'Backoff', unit: 'ms' },
      { kind: 'number', path: 'workload.retries.jitter', label: 'Jitter (0 exact, 1 full)', step: 0.1 },
      { kind: 'number', path: 'workload.retries.budget', label: 'Retry budget (per request)', step: 0.05 },
      { kind: 'bool', path: 'workload.retries.keepServiceTime', label: 'A retry needs the same work (inherently slow requests)' },
    ],
  },
  commandService: { title: 'Command service', about: 'Handles writes: instances behind a load balancer.', fields: service('commandService') },
  queryService: { title: 'Query service', about: 'Handles reads: instances behind a load balancer.', fields: service('queryService') },
  writeStore: {
    title: 'Write store',
    about: 'Sharded by key. Range partitioning with Zipf keys makes a hot shard.',
    fields: [
      { kind: 'number', path: 'writeStore.shards', label: 'Shards', stepper: true },
      choice('writeStore.partitioning', 'Partitioning'),
      { kind: 'number', path: 'writeStore.connectionsPerShard', label: 'Connections per shard', stepper: true },
      { kind: 'latency', path: 'writeStore.writeLatencyMs', label: 'Write latency' },
    ],
  },
  eventStream: {
    title: 'Event stream',
    about: 'Key-ordered partitions; a group of projectors applies events to the read model.',
    fields: [
      { kind: 'number', path: 'eventStream.partitions', label: 'Partitions', stepper: true },
      { kind: 'number', path: 'eventStream.projectors', label: 'Projectors', stepper: true },
      { kind: 'latency', path: 'eventStream.appendLatencyMs', label: 'Append latency' },
      { kind: 'bool', path: 'eventStream.synchronousAppend', label: 'Command waits for the append' },
      { kind: 'latency', path: 'eventStream.applyLatencyMs', label: 'Apply latency (per event)' },
      { kind: 'number', path: 'eventStream.rebalanceMs', label: 'Rebalance pause', unit: 'ms' },
      { kind: 'autoscaling', path: 'eventStream.autoscaling', label: 'Auto-scaling (projectors)', metrics: ['lag', 'cpu'] },
    ],
  },
  readStore: {
    title: 'Read store',
    about: 'A primary fed by the projectors, and replicas fed after a replication lag.',
    fields: [
      { kind: 'number', path: 'readStore.replicas', label: 'Replicas', stepper: true },
      { kind: 'number', path: 'readStore.connectionsPerReplica', label: 'Connections per node', stepper: true },
      { kind: 'latency', path: 'readStore.queryLatencyMs', label: 'Query latency' },
      { kind: 'bool', path: 'readStore.indexed', label: 'Indexed read model' },
      { kind: 'number', path: 'readStore.unindexedFactor', label: 'Unindexed slowdown', unit: '×' },
      { kind: 'latency', path: 'readStore.replicationLagMs', label: 'Replication lag' },
      { kind: 'autoscaling', path: 'readStore.autoscaling', label: 'Auto-scaling (replicas)', metrics: ['cpu', 'rps'] },
    ],
  },
  cache: {
    title: 'Cache',
    about: 'In front of the read store, spread over nodes by key.',
    fields: [
      { kind: 'bool', path: 'cache.enabled', label: 'Cache on' },
      { kind: 'number', path: 'cache.nodes', label: 'Nodes', stepper: true },
      { kind: 'number', path: 'cache.capacityPerNode', label: 'Capacity per node', unit: 'keys' },
      { kind: 'number', path: 'cache.ttlS', label: 'TTL', unit: 's' },
      choice('cache.invalidation', 'Invalidation'),
      choice('cache.onEvent', 'On an event'),
      { kind: 'latency', path: 'cache.hitLatencyMs', label: 'Hit latency' },
    ],
  },
  faults: {
    title: 'Faults',
    about: 'Crashes, slow instances, injected errors, shard outages, cache flushes, stream cuts and lagging replicas, at set times.',
    fields: [{ kind: 'faults', path: 'faults', label: 'Faults' }],
  },
};

export const SECTIONS: Record<PartId, Section> = sectionsOf(PARTS);

/**
 * The settings section that shows a field: the one with an editor of it, or of the group, the
 * latency or the policy it is inside (`deadLetter.failureRate` is in the event stream's, where the
 * part's group sits; `pricing.sizePremium` in the run's). A field no editor shows goes by its
 * path's head when that names a section, else to the run's.
 */
export function sectionOfField(path: string, sections: Record<PartId, Section> = SECTIONS): PartId {
  const shows = (defs: FieldDef[]): boolean =>
    defs.some((d) => d.kind !== 'heading' && (d.path === path || path.startsWith(`${d.path}.`) || (d.kind === 'group' && shows(d.fields))));
  for (const [id, s] of Object.entries(sections) as [PartId, Section][]) if (shows(s.fields)) return id;
  const head = path.split('.')[0];
  return Object.hasOwn(sections, head) ? (head as PartId) : 'run';
}

export const PART_ORDER: PartId[] = ['run', 'workload', 'commandService', 'writeStore', 'eventStream', 'readStore', 'cache', 'queryService', 'faults'];
export const PART_NAMES: Record<PartId, string> = {
  run: 'Run',
  workload: 'Clients',
  commandService: 'Commands',
  writeStore: 'Write store',
  eventStream: 'Stream',
  readStore: 'Read store',
  cache: 'Cache',
  queryService: 'Queries',
  faults: 'Faults',
};

/**
 * Every editor of the settings panel (the groups' fields included, headings left out), each
 * labelled with its part ("Query service: Instances"), for places where the editors of several
 * parts stand side by side or a field is named on its own.
 */
export function labelledEditors(): FieldDef[] {
  const out: FieldDef[] = [];
  const walk = (defs: FieldDef[], part: string) => {
    for (const d of defs) {
      if (d.kind !== 'heading') out.push({ ...d, label: `${part}: ${d.label}` });
      if (d.kind === 'group') walk(d.fields, part);
    }
  };
  for (const s of Object.values(SECTIONS)) walk(s.fields, s.title);
  return out;
}

/** A field's name as the page shows it, with its part; the path when no editor shows it. */
export function fieldLabel(path: string): string {
  return labelledEditors().find((d) => d.path === path)?.label ?? path;
}
