/**
 * The registry of addressable fields of a scenario: every path that an intervention, a live
 * change, a locked field, the settings panel or a host page may name, with its kind, bounds, unit,
 * help text and whether it may change during a run (figures are in `figures.ts`). Paths are resolved only against this list, never by
 * walking whatever object a name leads to, so a path such as `__proto__.toString` or
 * `constructor.prototype.x` is refused before anything is read or written.
 *
 * This module has no dependencies (no zod), so the page's main thread can use it at no cost.
 * A test checks that the list matches the scenario schema: every field of a scenario with every
 * optional part filled in is here, and every path here is accepted by the schema.
 */

/** What a field holds. `group` is an object of settings; `list` an array (a profile, a schedule). */
export type FieldKind = 'number' | 'integer' | 'boolean' | 'choice' | 'text' | 'latency' | 'group' | 'list';

/** The choices of the scenario's enumerated fields (the schema in `scenario.ts` uses these lists). */
export const LOAD_BALANCER_ALGORITHMS = ['round-robin', 'random', 'least-connections', 'power-of-two', 'consistent-hash'] as const;
export const SCALING_METRICS = ['cpu', 'rps', 'queue', 'lag', 'memory'] as const;
export const LATENCY_TYPES = ['constant', 'exponential', 'uniform', 'lognormal'] as const;

/**
 * One addressable field: a stable id (its dotted path, PhET-iO style), what it holds, its bounds
 * and unit, a sentence of help, and whether it may change during a run.
 */
export interface FieldEntry {
  /** Dotted path from the scenario's root, such as `queryService.instances`: the field's stable id. */
  readonly path: string;
  readonly kind: FieldKind;
  /** Fixed for the length of a run: changing it means a new run (a new scenario). */
  readonly fixedDuringRun: boolean;
  /** May be absent from a scenario (auto-scaling, a rate profile, a retry budget). */
  readonly optional: boolean;
  /** Least and greatest values of a number (`minExclusive`: the least is not allowed itself). */
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  /** The unit of a number: ms, s, rps, MB, ratio (0..1), x (a factor), or what it counts. */
  readonly unit?: string;
  /** The values a choice may take. */
  readonly choices?: readonly string[];
  /** One sentence: what it is and what changing it does. */
  readonly help: string;
}

/** A field's spec: name, kind, flags, then [unit, min, max] (a min written as `>0` is exclusive), help. */
type Spec = [name: string, kind: FieldKind, flags: '' | 'fixed' | 'optional', range: Range | null, help: string, choices?: readonly string[]];
type Range = [unit: string, min?: number | '>0', max?: number];

const HOUR_MS = 3_600_000;
const MAX_S = 1_000_000;
const MAX_MB = 10_000_000;

const LATENCY_PARAMS: Spec[] = [
  ['type', 'choice', '', null, 'The distribution: constant, exponential, uniform or lognormal.', LATENCY_TYPES],
  ['ms', 'number', '', ['ms', 0, HOUR_MS], 'A constant delay.'],
  ['meanMs', 'number', '', ['ms', 0, HOUR_MS], 'The mean of an exponential delay.'],
  ['minMs', 'number', '', ['ms', 0, HOUR_MS], 'The least delay of a uniform distribution.'],
  ['maxMs', 'number', '', ['ms', 0, HOUR_MS], 'The greatest delay of a uniform distribution.'],
  ['medianMs', 'number', '', ['ms', 0.001, HOUR_MS], 'The median of a lognormal delay.'],
  ['p99Ms', 'number', '', ['ms', '>0', HOUR_MS], 'The 99th percentile of a lognormal delay (above the median).'],
];

const AUTOSCALING: Spec[] = [
  ['metric', 'choice', '', null, 'What to track: cpu or memory (utilisation), rps or queue (per instance), lag (events per projector).', SCALING_METRICS],
  ['target', 'number', '', ['per instance', '>0', 1e9], 'The value of the metric to hold (a utilisation in (0, 1] for cpu and memory).'],
  ['min', 'integer', '', ['instances', 0, 1000], 'Never fewer than this.'],
  ['max', 'integer', '', ['instances', 0, 1000], 'Never more than this.'],
  ['intervalS', 'number', '', ['s', 0.1, 3600], 'How often the metric is evaluated.'],
  ['cooldownOutS', 'number', '', ['s', 0, MAX_S], 'Least time between two scale-outs.'],
  ['cooldownInS', 'number', '', ['s', 0, MAX_S], 'Least time from any scaling to a scale-in.'],
  ['bootS', 'number', '', ['s', 0, 3600], 'Time before a new instance serves.'],
  ['schedule', 'list', '', null, 'Floors of capacity from given times on (pre-warming).'],
];

const CIRCUIT_BREAKER: Spec[] = [
  ['failureRatio', 'number', '', ['ratio', '>0', 1], 'Opens when at least this share of the last window of attempts failed.'],
  ['window', 'integer', '', ['attempts', 1, 10_000], 'How many recent attempts the failure ratio is taken over.'],
  ['openS', 'number', '', ['s', '>0', 3600], 'How long it stays open (failing fast) before trying again.'],
  ['trials', 'integer', '', ['attempts', 1, 1000], 'Attempts let through half-open; all answered in time closes it.'],
];

const ADMISSION: Spec[] = [
  ['rps', 'number', '', ['rps', '>0', 10_000_000], 'Attempts admitted per second (the bucket refill rate); the rest are shed.'],
  ['burst', 'number', '', ['tokens', 1, 1_000_000], 'Bucket size: how many attempts may pass at once after a quiet spell.'],
];

/** The settings inside an optional group, by the group's name. */
const GROUP_PARAMS: Record<string, Spec[]> = { autoscaling: AUTOSCALING, circuitBreaker: CIRCUIT_BREAKER, admission: ADMISSION };

const SERVICE: Spec[] = [
  ['instances', 'integer', '', ['instances', 0, 1000], 'Instances behind the load balancer (horizontal scaling); new ones boot first.'],
  ['vcpus', 'integer', '', ['vCPUs', 1, 256], 'Workers per instance (vertical scaling); a change restarts instances one at a time.'],
  ['speed', 'number', '', ['x', '>0', 100], 'Speed of each vCPU: service time is divided by it.'],
  ['queueCapacity', 'integer', '', ['requests', 0, 1_000_000], 'Requests an instance may queue; when full, the next is rejected.'],
  ['serviceTimeMs', 'latency', '', ['ms'], 'CPU time of one request on one vCPU at speed 1.'],
  ['loadBalancer', 'choice', '', null, 'How the load balancer picks an instance.', LOAD_BALANCER_ALGORITHMS],
  ['healthCheck', 'group', '', null, 'The load balancer\'s health checks of its instances.'],
  ['healthCheck.intervalMs', 'number', '', ['ms', 10, 600_000], 'Time between two probes of each instance.'],
  ['healthCheck.unhealthyAfter', 'integer', '', ['probes', 1, 100], 'Failed probes in a row that mark an instance down.'],
  ['healthCheck.healthyAfter', 'integer', '', ['probes', 1, 100], 'Passed probes in a row that mark it up again.'],
  ['baseMemoryMb', 'number', '', ['MB', 0, MAX_MB], 'Memory an idle instance uses.'],
  ['memoryPerRequestMb', 'number', '', ['MB', 0, MAX_MB], 'Memory each request in flight holds on its instance.'],
  ['memoryLimitMb', 'number', '', ['MB', '>0', MAX_MB], 'A request that would go over this is rejected.'],
  ['restartS', 'number', '', ['s', 0, 3600], 'Time an instance is out of service when it restarts for a vertical change.'],
  ['autoscaling', 'group', 'optional', null, 'Target-tracking auto-scaling of the instances.'],
  ['circuitBreaker', 'group', 'optional', null, 'A circuit breaker in the clients of this service: it fails attempts fast while the service is failing.'],
  ['admission', 'group', 'optional', null, 'Admission control at the load balancer: a token bucket; attempts beyond it are shed (429).'],
];

const SECTIONS: Record<string, Spec[]> = {
  '': [
    ['version', 'integer', 'fixed', ['', 1, 1], 'The scenario format version (1).'],
    ['name', 'text', 'fixed', null, 'A name for the scenario, carried into its report.'],
    ['seed', 'integer', 'fixed', ['', 0, 2 ** 32 - 1], 'The seed of every random stream: the same seed gives the same run.'],
    ['durationS', 'number', 'fixed', ['s', '>0', MAX_S], 'Simulated length of the run.'],
    ['warmupS', 'number', 'fixed', ['s', 0, MAX_S], 'The start of the run left out of the report (below durationS).'],
  ],
  workload: [
    ['rps', 'number', '', ['rps', 0, 1_000_000], 'Client requests per second; setting it replaces a rate profile.'],
    ['profile', 'list', 'optional', null, 'Rate over time: points of { atS, rps, rampS }.'],
    ['arrivals', 'choice', '', null, 'Poisson (random gaps) or deterministic (evenly spaced).', ['poisson', 'deterministic']],
    ['writeRatio', 'number', '', ['ratio', 0, 1], 'Share of requests that are commands (writes).'],
    ['keys', 'group', '', null, 'The keys (ids) requests are about.'],
    ['keys.count', 'integer', 'fixed', ['keys', 1, 2_000_000], 'How many keys there are.'],
    ['keys.distribution', 'choice', '', null, 'Uniform, or Zipf-skewed (hot keys).', ['uniform', 'zipf']],
    ['keys.zipfS', 'number', '', ['', '>0', 10], 'The Zipf exponent: larger is more skewed.'],
    ['followUpReads', 'group', '', null, 'Reads of a key by the client that just wrote it (read-your-writes).'],
    ['followUpReads.ratio', 'number', '', ['ratio', 0, 1], 'Share of commands followed by a read of the same key.'],
    ['followUpReads.afterMs', 'number', '', ['ms', 0, HOUR_MS], 'Pause between the answer to the command and the follow-up read.'],
    ['timeoutMs', 'number', '', ['ms', '>0', MAX_S * 1000], 'A client gives up on an attempt after this long.'],
    ['retries', 'group', '', null, 'Client retries with exponential backoff.'],
    ['retries.max', 'integer', '', ['retries', 0, 100], 'Retries per request at most (0: none).'],
    ['retries.backoffMs', 'number', '', ['ms', 0, HOUR_MS], 'Backoff before the first retry; it doubles for each next one.'],
    ['retries.jitter', 'number', '', ['ratio', 0, 1], 'Random share taken off each backoff (0 exact, 1 full jitter).'],
    ['retries.budget', 'number', 'optional', ['tokens', 0, 10], 'Retry budget: tokens per new request, one per retry (bucket of 100).'],
    [
      'retries.keepServiceTime',
      'boolean',
      '',
      null,
      'Off (the default): a retry is a fresh attempt that draws its own service time, so a request that was only unlucky usually succeeds the second time. On: a retry needs exactly the work its first attempt needed, as for an inherently slow request (a huge report, a hot account); then a retry that timed out once times out again, and retrying only adds load.',
    ],
  ],
  commandService: SERVICE,
  queryService: SERVICE,
  writeStore: [
    ['shards', 'integer', 'fixed', ['shards', 1, 1024], 'Shards of the write store.'],
    ['partitioning', 'choice', 'fixed', null, 'Keys to shards by hash, or by range (hot shards with Zipf keys).', ['hash', 'range']],
    ['connectionsPerShard', 'integer', '', ['connections', 1, 10_000], 'Writes one shard runs at once; others wait.'],
    ['writeLatencyMs', 'latency', '', ['ms'], 'Time of one write on its shard.'],
  ],
  eventStream: [
    ['partitions', 'integer', 'fixed', ['partitions', 1, 1024], 'Partitions of the stream (key-ordered).'],
    ['appendLatencyMs', 'latency', '', ['ms'], 'Time to append a committed change to the stream.'],
    ['synchronousAppend', 'boolean', '', null, 'A command answers only once its event is appended.'],
    ['projectors', 'integer', '', ['projectors', 0, 1024], 'Consumers applying events to the read model; a change pauses them for a rebalance.'],
    ['applyLatencyMs', 'latency', '', ['ms'], 'Time a projector takes to apply one event.'],
    ['rebalanceMs', 'number', '', ['ms', 0, HOUR_MS], 'Pause of the consumer group whenever it changes.'],
    ['autoscaling', 'group', 'optional', null, 'Auto-scaling of the projectors (on lag or cpu).'],
  ],
  readStore: [
    ['replicas', 'integer', '', ['replicas', 0, 32], 'Read replicas (0: queries read the primary).'],
    ['connectionsPerReplica', 'integer', '', ['connections', 1, 10_000], 'Reads one node runs at once; others wait.'],
    ['queryLatencyMs', 'latency', '', ['ms'], 'Time of one read.'],
    ['indexed', 'boolean', '', null, 'Whether the read model is indexed for the query (otherwise a full scan).'],
    ['unindexedFactor', 'number', '', ['x', 1, 10_000], 'How many times slower an unindexed read is.'],
    ['replicationLagMs', 'latency', '', ['ms'], 'Delay shipping a change from the primary to each replica.'],
    ['autoscaling', 'group', 'optional', null, 'Auto-scaling of the replicas (on cpu or rps).'],
  ],
  cache: [
    ['enabled', 'boolean', '', null, 'A distributed cache in front of the read store.'],
    ['nodes', 'integer', '', ['nodes', 1, 256], 'Cache nodes; keys are spread over them.'],
    ['capacityPerNode', 'integer', '', ['keys', 1, 10_000_000], 'Keys each node holds (least recently used go first).'],
    ['ttlS', 'number', '', ['s', '>0', MAX_S], 'Time to live of a cached key (TTL invalidation).'],
    ['invalidation', 'choice', '', null, 'By TTL, by the projectors\' events, or both.', ['ttl', 'event', 'ttl+event']],
    ['onEvent', 'choice', '', null, 'What an event does to its key: delete it, or update it in place.', ['delete', 'update']],
    ['hitLatencyMs', 'latency', '', ['ms'], 'Time of a cache lookup.'],
  ],
};

function build(): FieldEntry[] {
  const out: FieldEntry[] = [];
  const add = (path: string, [, kind, , range, help, choices]: Spec, fixedDuringRun: boolean, optional: boolean) => {
    const e: { -readonly [K in keyof FieldEntry]: FieldEntry[K] } = { path, kind, fixedDuringRun, optional, help };
    if (range) {
      const [unit, min, max] = range;
      if (unit) e.unit = unit;
      if (min === '>0') {
        e.min = 0;
        e.minExclusive = true;
      } else if (min !== undefined) e.min = min;
      if (max !== undefined) e.max = max;
    }
    if (choices) e.choices = choices;
    out.push(e);
  };
  for (const [section, specs] of Object.entries(SECTIONS)) {
    if (section !== '') add(section, ['', 'group', '', null, `The ${section} settings.`], false, false);
    for (const spec of specs) {
      const [name, kind, flag] = spec;
      const path = section === '' ? name : `${section}.${name}`;
      const optional = flag === 'optional';
      add(path, spec, flag === 'fixed', optional);
      // The parts of a distribution or of an optional group are fields of their own.
      if (kind === 'latency') for (const p of LATENCY_PARAMS) add(`${path}.${p[0]}`, p, false, true);
      const params = GROUP_PARAMS[name];
      if (params) for (const p of params) add(`${path}.${p[0]}`, p, false, optional);
    }
  }
  // The fault timeline is set as a whole, and only before a run (it is the run's script).
  add('faults', ['', 'list', 'fixed', null, 'The timeline of faults: crashes, slow instances, errors, shards down, stream cuts...'], true, false);
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
 * A deep copy of `obj` (plain JSON data) with field `path` set to `value` (and any field it
 * replaces removed: see REPLACES); `undefined` or `null` removes it (an optional field goes away; others take their default when validated). A group on
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
  const replaced = REPLACES.get(path);
  if (replaced !== undefined) {
    const at = replaced.lastIndexOf('.');
    const parent = getField(copy, replaced.slice(0, at));
    if (isObj(parent)) delete parent[replaced.slice(at + 1)];
  }
  return { ok: true, value: copy };
}

/** Setting one field removes another: a constant request rate replaces a rate profile (the person asked for this rate from now on). */
const REPLACES: ReadonlyMap<string, string> = new Map([['workload.rps', 'workload.profile']]);
