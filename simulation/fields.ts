/**
 * The addressable fields of a scenario: every path that an intervention, a live change, a
 * locked field or a host page may name. Paths are resolved only against this list, never by
 * walking whatever object a name leads to, so a path such as `__proto__.toString` or
 * `constructor.prototype.x` is refused before anything is read or written.
 *
 * This module has no dependencies (no zod), so the page's main thread can use it at no cost.
 * A test checks that the list matches the scenario schema: every field of a scenario with every
 * optional part filled in is here, and every path here is accepted by the schema.
 */

/** What a field holds. `group` is an object of settings; `list` an array (a profile, a schedule). */
export type FieldKind = 'number' | 'integer' | 'boolean' | 'choice' | 'text' | 'latency' | 'group' | 'list';

export interface FieldEntry {
  /** Dotted path from the scenario's root, such as `queryService.instances`. */
  readonly path: string;
  readonly kind: FieldKind;
  /** Fixed for the length of a run: changing it means a new run (a new scenario). */
  readonly fixedDuringRun: boolean;
  /** May be absent from a scenario (auto-scaling, a rate profile, a retry budget). */
  readonly optional: boolean;
}

type Spec = [name: string, kind: FieldKind, flags?: 'fixed' | 'optional'];

const LATENCY_PARAMS: Spec[] = [
  ['type', 'choice'],
  ['ms', 'number'],
  ['meanMs', 'number'],
  ['minMs', 'number'],
  ['maxMs', 'number'],
  ['medianMs', 'number'],
  ['p99Ms', 'number'],
];

const AUTOSCALING: Spec[] = [
  ['metric', 'choice'],
  ['target', 'number'],
  ['min', 'integer'],
  ['max', 'integer'],
  ['intervalS', 'number'],
  ['cooldownOutS', 'number'],
  ['cooldownInS', 'number'],
  ['bootS', 'number'],
  ['schedule', 'list'],
];

const SERVICE: Spec[] = [
  ['instances', 'integer'],
  ['vcpus', 'integer'],
  ['speed', 'number'],
  ['queueCapacity', 'integer'],
  ['serviceTimeMs', 'latency'],
  ['loadBalancer', 'choice'],
  ['healthCheck', 'group'],
  ['healthCheck.intervalMs', 'number'],
  ['healthCheck.unhealthyAfter', 'integer'],
  ['healthCheck.healthyAfter', 'integer'],
  ['baseMemoryMb', 'number'],
  ['memoryPerRequestMb', 'number'],
  ['memoryLimitMb', 'number'],
  ['restartS', 'number'],
  ['autoscaling', 'group', 'optional'],
];

const SECTIONS: Record<string, Spec[]> = {
  '': [
    ['version', 'integer', 'fixed'],
    ['name', 'text', 'fixed'],
    ['seed', 'integer', 'fixed'],
    ['durationS', 'number', 'fixed'],
    ['warmupS', 'number', 'fixed'],
  ],
  workload: [
    ['rps', 'number'],
    ['profile', 'list', 'optional'],
    ['arrivals', 'choice'],
    ['writeRatio', 'number'],
    ['keys', 'group'],
    ['keys.count', 'integer', 'fixed'],
    ['keys.distribution', 'choice'],
    ['keys.zipfS', 'number'],
    ['followUpReads', 'group'],
    ['followUpReads.ratio', 'number'],
    ['followUpReads.afterMs', 'number'],
    ['timeoutMs', 'number'],
    ['retries', 'group'],
    ['retries.max', 'integer'],
    ['retries.backoffMs', 'number'],
    ['retries.jitter', 'number'],
    ['retries.budget', 'number', 'optional'],
  ],
  commandService: SERVICE,
  queryService: SERVICE,
  writeStore: [
    ['shards', 'integer', 'fixed'],
    ['partitioning', 'choice', 'fixed'],
    ['connectionsPerShard', 'integer'],
    ['writeLatencyMs', 'latency'],
  ],
  eventStream: [
    ['partitions', 'integer', 'fixed'],
    ['appendLatencyMs', 'latency'],
    ['synchronousAppend', 'boolean'],
    ['projectors', 'integer'],
    ['applyLatencyMs', 'latency'],
    ['rebalanceMs', 'number'],
    ['autoscaling', 'group', 'optional'],
  ],
  readStore: [
    ['replicas', 'integer'],
    ['connectionsPerReplica', 'integer'],
    ['queryLatencyMs', 'latency'],
    ['indexed', 'boolean'],
    ['unindexedFactor', 'number'],
    ['replicationLagMs', 'latency'],
    ['autoscaling', 'group', 'optional'],
  ],
  cache: [
    ['enabled', 'boolean'],
    ['nodes', 'integer'],
    ['capacityPerNode', 'integer'],
    ['ttlS', 'number'],
    ['invalidation', 'choice'],
    ['onEvent', 'choice'],
    ['hitLatencyMs', 'latency'],
  ],
};

function build(): FieldEntry[] {
  const out: FieldEntry[] = [];
  const add = (path: string, kind: FieldKind, fixedDuringRun: boolean, optional: boolean) =>
    out.push({ path, kind, fixedDuringRun, optional });
  for (const [section, specs] of Object.entries(SECTIONS)) {
    if (section !== '') add(section, 'group', false, false);
    for (const [name, kind, flag] of specs) {
      const path = section === '' ? name : `${section}.${name}`;
      const optional = flag === 'optional';
      add(path, kind, flag === 'fixed', optional);
      // The parts of a distribution or an auto-scaling policy are fields of their own.
      if (kind === 'latency') for (const [p, k] of LATENCY_PARAMS) add(`${path}.${p}`, k, false, true);
      if (name === 'autoscaling') for (const [p, k] of AUTOSCALING) add(`${path}.${p}`, k, false, optional);
    }
  }
  // The fault timeline is set as a whole, and only before a run (it is the run's script).
  add('faults', 'list', true, false);
  return out;
}

/** Every addressable field, in the order of the scenario file. */
export const FIELDS: readonly FieldEntry[] = build();

const BY_PATH: ReadonlyMap<string, FieldEntry> = new Map(FIELDS.map((f) => [f.path, f]));

/** The field at `path`, or undefined when no such field exists (a Map: nothing inherited is found). */
export function fieldAt(path: unknown): FieldEntry | undefined {
  return typeof path === 'string' ? BY_PATH.get(path) : undefined;
}

/**
 * Fields fixed for the length of a run, the fault timeline aside (it is not a setting: it is
 * kept apart from live changes altogether).
 */
export const FIXED_DURING_RUN: readonly string[] = FIELDS.filter((f) => f.fixedDuringRun && f.path !== 'faults').map(
  (f) => f.path,
);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The value of field `path` in `obj` (own properties only), or undefined. Unknown paths read nothing. */
export function getField(obj: unknown, path: string): unknown {
  if (!BY_PATH.has(path)) return undefined;
  let o: unknown = obj;
  for (const p of path.split('.')) o = isObj(o) && Object.hasOwn(o, p) ? o[p] : undefined;
  return o;
}

export type SetFieldResult = { ok: true; value: Obj } | { ok: false; path: string; message: string };

/**
 * A deep copy of `obj` (plain JSON data) with field `path` set to `value`; `undefined` or `null`
 * removes it (an optional field goes away; others take their default when validated). A group on
 * the way that is missing is created only where `createGroups` says so (the page's editors);
 * otherwise it is an error, as a live change of `autoscaling.target` with no policy is.
 */
export function withField(obj: unknown, path: string, value: unknown, createGroups = false): SetFieldResult {
  if (!BY_PATH.has(path)) return { ok: false, path, message: 'unknown field' };
  const copy: Obj = isObj(obj) ? (JSON.parse(JSON.stringify(obj)) as Obj) : {};
  const parts = path.split('.');
  let o = copy;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i];
    const child = Object.hasOwn(o, p) ? o[p] : undefined;
    if (!isObj(child)) {
      if (!createGroups) return { ok: false, path: parts.slice(0, i + 1).join('.'), message: 'unknown field (not a group of settings)' };
      o[p] = {};
    }
    o = o[p] as Obj;
  }
  const last = parts[parts.length - 1];
  if (value === null || value === undefined) delete o[last];
  else o[last] = value;
  return { ok: true, value: copy };
}
