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
  ['type', 'choice', '', null, 'How the time varies from one request to the next: constant (always the same), exponential (mostly short, now and then long), uniform (anywhere between a least and a greatest) or lognormal (a typical value with a long slow tail).', LATENCY_TYPES],
  ['ms', 'number', '', ['ms', 0, HOUR_MS], 'The time, the same for every request.'],
  ['meanMs', 'number', '', ['ms', 0, HOUR_MS], 'The average time; single requests vary a lot around it.'],
  ['minMs', 'number', '', ['ms', 0, HOUR_MS], 'The shortest time a request may take.'],
  ['maxMs', 'number', '', ['ms', 0, HOUR_MS], 'The longest time a request may take.'],
  ['medianMs', 'number', '', ['ms', 0.001, HOUR_MS], 'The typical time: half the requests are faster, half slower.'],
  ['p99Ms', 'number', '', ['ms', '>0', HOUR_MS], 'The time only 1 request in 100 exceeds (p99); it must be above the median. The further above, the longer the slow tail.'],
];

const AUTOSCALING: Spec[] = [
  ['metric', 'choice', '', null, 'What the auto-scaler watches: cpu or memory (utilisation of each instance), rps (requests per second per instance), queue (queued requests per instance), or lag (unapplied events per projector).', SCALING_METRICS],
  ['target', 'number', '', ['per instance', '>0', 1e9], 'The level to hold the metric at: it adds instances (scales out) when above, removes them (scales in) when well below. For cpu and memory a share between 0 and 1, such as 0.6.'],
  ['min', 'integer', '', ['instances', 0, 1000], 'The auto-scaler never goes below this many.'],
  ['max', 'integer', '', ['instances', 0, 1000], 'The auto-scaler never goes above this many, whatever the load (a cost ceiling).'],
  ['intervalS', 'number', '', ['s', 0.1, 3600], 'How often the auto-scaler looks at the metric and decides.'],
  ['cooldownOutS', 'number', '', ['s', 0, MAX_S], 'After scaling out, wait at least this long before scaling out again (lets new instances start to help first).'],
  ['cooldownInS', 'number', '', ['s', 0, MAX_S], 'After any scaling, wait at least this long before scaling in (avoids removing capacity that is about to be needed).'],
  ['bootS', 'number', '', ['s', 0, 3600], 'Cold start: how long a new instance boots before it takes requests. Scaling out only helps this long after the decision.'],
  ['schedule', 'list', '', null, 'Scheduled floors: at least this many from a given time on, so capacity is ready before a known peak (pre-warming).'],
];

const CIRCUIT_BREAKER: Spec[] = [
  ['failureRatio', 'number', '', ['ratio', '>0', 1], 'The breaker opens when at least this share of the recent attempts failed.'],
  ['window', 'integer', '', ['attempts', 1, 10_000], 'How many recent attempts the failure share is counted over.'],
  ['openS', 'number', '', ['s', '>0', 3600], 'How long the breaker stays open, failing calls at once, before it lets a few trial calls through.'],
  ['trials', 'integer', '', ['attempts', 1, 1000], 'Trial calls let through after the open time; if all are answered in time the breaker closes again.'],
];

const ADMISSION: Spec[] = [
  ['rps', 'number', '', ['rps', '>0', 10_000_000], 'Requests per second the load balancer lets in (a token bucket\'s refill rate); the rest are turned away with 429 to protect the instances.'],
  ['burst', 'number', '', ['tokens', 1, 1_000_000], 'Burst: how many requests may pass at once after a quiet spell (the bucket\'s size).'],
];

/** The settings inside an optional group, by the group's name. */
const GROUP_PARAMS: Record<string, Spec[]> = { autoscaling: AUTOSCALING, circuitBreaker: CIRCUIT_BREAKER, admission: ADMISSION };

const SERVICE: Spec[] = [
  ['instances', 'integer', '', ['instances', 0, 1000], 'How many copies of this service run behind its load balancer. More instances is horizontal scaling (scaling out); new ones boot before they serve.'],
  [
    'vcpus',
    'integer',
    '',
    ['vCPUs', 1, 192],
    'vCPUs (workers that serve requests side by side) in each instance, up to 192, the largest machines clouds rent. More vCPUs is vertical scaling (scaling up), with limits: the vCPUs of one instance slow each other down (contention, coherency), so one instance of 64 gives far less than 16 instances of 4; it costs more per vCPU-hour (pricing.sizePremium); and its crash takes all of it at once. A change restarts the instances one at a time.',
  ],
  [
    'speed',
    'number',
    '',
    ['x', '>0', 2],
    'How fast each vCPU is compared with a typical cloud vCPU (2 means twice as fast): the service time is divided by it. At most 2: the fastest cores on sale are not much faster than ordinary ones. A faster machine is also vertical scaling.',
  ],
  [
    'contention',
    'number',
    '',
    ['ratio', 0, 1],
    'Contention (σ of the Universal Scalability Law): the share of work that queues for something the vCPUs of one instance share (a lock, the memory bus). A request started while N vCPUs are busy takes 1 + σ(N − 1) + κN(N − 1) times as long. 0 with coherency 0 is an ideal machine.',
  ],
  [
    'coherency',
    'number',
    '',
    ['ratio', 0, 0.1],
    'Coherency (κ of the Universal Scalability Law): the cost of keeping every pair of busy vCPUs in agreement (shared caches and state). It grows with the square of the vCPUs, so past some size adding vCPUs to an instance lowers what it delivers.',
  ],
  ['queueCapacity', 'integer', '', ['requests', 0, 1_000_000], 'How many requests may wait in each instance\'s queue; when it is full, the next one is rejected at once.'],
  ['serviceTimeMs', 'latency', '', ['ms'], 'The work one request needs: its time on one vCPU at speed 1, before any waiting in a queue.'],
  ['loadBalancer', 'choice', '', null, 'How the load balancer picks an instance for each request: in turn (round-robin), at random, the one with fewest in flight (least-connections), the better of two at random (power-of-two), or by the request\'s key (consistent-hash).', LOAD_BALANCER_ALGORITHMS],
  ['healthCheck', 'group', '', null, 'The load balancer\'s health checks: it probes each instance and stops sending it requests once it is marked down.'],
  ['healthCheck.intervalMs', 'number', '', ['ms', 10, 600_000], 'Time between two health checks of each instance. Shorter finds a crash sooner.'],
  ['healthCheck.unhealthyAfter', 'integer', '', ['probes', 1, 100], 'Failed checks in a row before an instance is marked down. Until then requests still go to a crashed instance and fail.'],
  ['healthCheck.healthyAfter', 'integer', '', ['probes', 1, 100], 'Passed checks in a row before an instance marked down gets requests again.'],
  ['baseMemoryMb', 'number', '', ['MB', 0, MAX_MB], 'Memory an instance uses with no requests in it.'],
  ['memoryPerRequestMb', 'number', '', ['MB', 0, MAX_MB], 'Memory each request holds while it is on the instance, queued or served.'],
  ['memoryLimitMb', 'number', '', ['MB', '>0', MAX_MB], 'Memory of one instance; a request that would go over it is rejected.'],
  ['restartS', 'number', '', ['s', 0, 3600], 'How long an instance is out of service while it restarts for a vertical change (new vCPUs or speed).'],
  ['autoscaling', 'group', 'optional', null, 'Auto-scaling: add or remove instances to hold a metric at a target (target tracking).'],
  ['circuitBreaker', 'group', 'optional', null, 'A circuit breaker in the clients: while the service keeps failing, calls fail at once instead of waiting, which gives it room to recover.'],
  ['admission', 'group', 'optional', null, 'Admission control: a rate limit at the load balancer; requests beyond it are turned away (429) rather than queued.'],
];

const SECTIONS: Record<string, Spec[]> = {
  '': [
    ['version', 'integer', 'fixed', ['', 1, 1], 'The version of the scenario format (1).'],
    ['name', 'text', 'fixed', null, 'A name for the scenario; the report carries it.'],
    ['seed', 'integer', 'fixed', ['', 0, 2 ** 32 - 1], 'The seed of every random number in the run: the same scenario and seed give the same run, number for number. Change it to see another run of the same system.'],
    ['durationS', 'number', 'fixed', ['s', '>0', MAX_S], 'How long the run lasts, in simulated seconds.'],
    ['warmupS', 'number', 'fixed', ['s', 0, MAX_S], 'The first seconds of the run, left out of the report\'s figures while queues and caches fill (shorter than the duration).'],
  ],
  workload: [
    ['rps', 'number', '', ['rps', 0, 1_000_000], 'Requests the clients send per second, commands and queries together. Setting it replaces a rate profile.'],
    ['profile', 'list', 'optional', null, 'The request rate over time: from each point\'s time (atS) the rate moves to its rps, in a straight ramp over rampS seconds, and holds it from atS + rampS until the next point. Presets: ramp, spike (a flash sale), sine (a daily cycle), steps.'],
    ['arrivals', 'choice', '', null, 'How requests arrive: poisson (independent, random gaps, as from many users) or deterministic (evenly spaced).', ['poisson', 'deterministic']],
    ['writeRatio', 'number', '', ['ratio', 0, 1], 'Share of requests that are commands (writes to the command model); the rest are queries (reads from the query model).'],
    ['keys', 'group', '', null, 'The keys (user, account or order ids) the requests are about.'],
    ['keys.count', 'integer', 'fixed', ['keys', 1, 2_000_000], 'How many different keys there are.'],
    ['keys.distribution', 'choice', '', null, 'How often each key is used: uniform (all alike) or zipf (a few hot keys get most requests, as popular products do).', ['uniform', 'zipf']],
    ['keys.zipfS', 'number', '', ['', '>0', 10], 'How skewed the Zipf keys are: near 0 is even, 1 is typical, larger makes the hot keys hotter.'],
    ['followUpReads', 'group', '', null, 'Follow-up reads: a client reads back the key it has just written, to check read-your-writes.'],
    ['followUpReads.ratio', 'number', '', ['ratio', 0, 1], 'Share of commands the client follows with a read of the same key.'],
    ['followUpReads.afterMs', 'number', '', ['ms', 0, HOUR_MS], 'How long after the command\'s answer the client reads the key back. Shorter than the replica lag, and it often sees old data.'],
    ['timeoutMs', 'number', '', ['ms', '>0', MAX_S * 1000], 'How long a client waits for an answer before it gives up on the attempt (and retries, if retries are on).'],
    ['retries', 'group', '', null, 'Client retries of failed or timed-out attempts, each after a growing pause (exponential backoff).'],
    ['retries.max', 'integer', '', ['retries', 0, 100], 'Most retries of one request (0: none). Retries add load just when the system is struggling: a retry storm.'],
    ['retries.backoffMs', 'number', '', ['ms', 0, HOUR_MS], 'Backoff: the pause before the first retry; it doubles for each next one.'],
    ['retries.jitter', 'number', '', ['ratio', 0, 1], 'Jitter: a random share taken off each backoff, so clients do not all retry at the same moment (0 none, 1 full).'],
    ['retries.budget', 'number', 'optional', ['tokens', 0, 10], 'Retry budget: each new request earns this many tokens and each retry spends one (up to 100 saved), which caps retries to a share of traffic.'],
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
    ['shards', 'integer', 'fixed', ['shards', 1, 1024], 'Shards (partitions) of the command model\'s write store: each key lives on one shard, so writes spread over them.'],
    ['partitioning', 'choice', 'fixed', null, 'How keys are given to shards: by hash (spread evenly) or by range (neighbouring keys together, so hot Zipf keys make a hot shard).', ['hash', 'range']],
    ['connectionsPerShard', 'integer', '', ['connections', 1, 10_000], 'Writes one shard runs at once; the rest wait for a connection.'],
    ['writeLatencyMs', 'latency', '', ['ms'], 'Time one write takes on its shard, once it has a connection.'],
  ],
  eventStream: [
    ['partitions', 'integer', 'fixed', ['partitions', 1, 1024], 'Partitions of the event stream. Events of one key stay in order in one partition; each partition is read by one projector, so partitions cap how many projectors can work.'],
    ['appendLatencyMs', 'latency', '', ['ms'], 'Time to append a committed change to the event stream as an event.'],
    ['synchronousAppend', 'boolean', '', null, 'The command answers only once its event is in the stream (safer, slower); otherwise it answers at commit.'],
    ['projectors', 'integer', '', ['projectors', 0, 1024], 'Projectors: the consumer group that applies events from the stream to the query model. More than partitions leaves some idle; any change pauses the group for a rebalance.'],
    ['applyLatencyMs', 'latency', '', ['ms'], 'Time a projector takes to apply one event to the query model.'],
    ['rebalanceMs', 'number', '', ['ms', 0, HOUR_MS], 'How long the consumer group stops while partitions are handed out again, whenever projectors are added or removed.'],
    ['autoscaling', 'group', 'optional', null, 'Auto-scaling of the projectors, on stream lag or cpu.'],
  ],
  readStore: [
    ['replicas', 'integer', '', ['replicas', 0, 32], 'Read replicas: copies of the query model that serve reads (0: queries read the primary). Each gets changes after a replication lag.'],
    ['connectionsPerReplica', 'integer', '', ['connections', 1, 10_000], 'Reads one read-store node runs at once; the rest wait for a connection.'],
    ['queryLatencyMs', 'latency', '', ['ms'], 'Time one read takes on a read-store node.'],
    ['indexed', 'boolean', '', null, 'Whether the query model has an index for the query; without one every read scans the whole table.'],
    ['unindexedFactor', 'number', '', ['x', 1, 10_000], 'How many times slower a read is without the index (a full scan).'],
    ['replicationLagMs', 'latency', '', ['ms'], 'Replication lag: how long a change takes from the primary to each replica. Reads from a replica are stale meanwhile (eventual consistency). Changes reach a replica in order, so a change also waits for every earlier one: with a random delay the lag readers see is that of the slowest recent change, and it grows with the write rate. An exponential delay of mean 30 ms gives about 60 ms to one replica at 100 writes/s, 117 ms at 900 writes/s, and about 140 ms to reach both of 2 replicas at 900 writes/s. A constant delay gives exactly that delay.'],
    ['autoscaling', 'group', 'optional', null, 'Auto-scaling of the read replicas, on cpu or reads per second.'],
  ],
  cache: [
    ['enabled', 'boolean', '', null, 'A distributed cache in front of the read store: a hit answers fast without a read, but may be stale.'],
    ['nodes', 'integer', '', ['nodes', 1, 256], 'Cache nodes; the keys are spread over them.'],
    ['capacityPerNode', 'integer', '', ['keys', 1, 10_000_000], 'How many keys each cache node holds; when full, the least recently used key is dropped.'],
    ['ttlS', 'number', '', ['s', '>0', MAX_S], 'TTL (time to live): a cached key is dropped this long after it was stored. Longer gives more hits and more stale reads.'],
    ['invalidation', 'choice', '', null, 'How cached keys are invalidated: by TTL (they expire), by event (a projector deletes or updates the key when it applies a change), or both.', ['ttl', 'event', 'ttl+event']],
    ['onEvent', 'choice', '', null, 'What an event does to its cached key: delete it (the next read fetches it) or update it in place.', ['delete', 'update']],
    ['hitLatencyMs', 'latency', '', ['ms'], 'Time of one cache lookup.'],
  ],
  pricing: [
    ['vcpuHourUsd', 'number', 'fixed', ['USD', 0, 1000], 'Price of one vCPU-hour of an instance of up to 4 vCPUs (projectors and replicas count as one such vCPU each).'],
    [
      'sizePremium',
      'number',
      'fixed',
      ['ratio', 0, 10],
      'How much more a vCPU-hour costs on a bigger instance: this share of the base price is added for each doubling of vCPUs above 4 (0.1: 8 vCPUs cost 1.1x per vCPU-hour, 16 cost 1.2x, 64 cost 1.4x).',
    ],
  ],
};

/** What each part of the system is, for its group entry. */
const SECTION_HELP: Record<string, string> = {
  workload: 'The clients: how many requests they send, how many are commands, which keys, and how they time out and retry.',
  commandService: 'The command side: instances that handle writes, behind a load balancer. It scales independently of the query side.',
  queryService: 'The query side: instances that handle reads, behind a load balancer. It scales independently of the command side.',
  writeStore: "The command model's store: sharded by key; a command commits here first.",
  eventStream: 'The event stream that carries committed changes from the command model to the query model, and the projectors that apply them.',
  readStore: "The query model's store: a primary the projectors write to, and read replicas that serve queries.",
  cache: 'A cache in front of the read store, spread over nodes by key.',
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
    if (section !== '') add(section, ['', 'group', '', null, SECTION_HELP[section] ?? `The ${section} settings.`], false, false);
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
  add('faults', ['', 'list', 'fixed', null, 'The faults of the run, at set times: crash an instance, slow one down, inject errors, take a shard down, flush the cache, cut the stream, delay a replica.'], true, false);
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
 * replaces removed: see REPLACES); `undefined` removes it (an optional field goes away; others
 * take their default when validated). `null` is put in place like any value, so validating the
 * copy refuses it as the file would (`changes.ts` decides where a change's null removes). A group on
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
  if (value === undefined) delete o[last];
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

/** The field that setting `path` removes (see `withField`), or undefined: a lock on that field must refuse `path` too. */
export const fieldReplacedBy = (path: string): string | undefined => REPLACES.get(path);
