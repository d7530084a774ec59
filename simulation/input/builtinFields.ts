/**
 * The built-in sections of the scenario, in the one-line format of `fieldSpec.ts`, with their
 * defaults: the one declaration from which the scenario's schema and types (`scenario.ts`,
 * through `specSchema.ts` and `settingsType.ts`), the field registry (`fields.ts`), the JSON Schema
 * and the page's settings come. A leaf module: it names no part (each part declares its own
 * settings in its module), so the scenario's schema may import it without an import circle.
 */
import { LATENCY_TYPES, LOAD_BALANCER_ALGORITHMS, MAX_PROJECTORS, SCALING_METRICS, type FieldSpec, type Latency } from './fieldSpec';

type Spec = FieldSpec;

/** Longest time of any kind in a scenario: the longest run, 1,000,000 s (11.6 days). */
export const MAX_TIME_S = 1_000_000;
/** Longest single delay (a latency, a timeout, a backoff, a lag): one hour, in ms. */
export const MAX_DELAY_MS = 3_600_000;
/** Largest memory figure, MB (10 TB). */
export const MAX_MEMORY_MB = 10_000_000;
/** The largest instance: vCPUs of the biggest general-purpose cloud machines. */
export const MAX_VCPUS = 192;
/** Fastest per-core speed, relative to a typical cloud vCPU (1): about what the fastest cores give. */
export const MAX_SPEED = 2;
/**
 * Defaults of the USL terms: each busy vCPU beside another costs 2% (contention) and each pair
 * 0.01% (coherency). One 64-vCPU instance then delivers 24 vCPUs' worth, 16 instances of 4 deliver
 * 60: a small instance barely notices (4 vCPUs give 3.75), a big one notices a lot.
 */
export const DEFAULT_CONTENTION = 0.02;
export const DEFAULT_COHERENCY = 0.0001;

const HOUR_MS = MAX_DELAY_MS;
const MAX_S = MAX_TIME_S;
const MAX_MB = MAX_MEMORY_MB;
const exp = (meanMs: number): Latency => ({ type: 'exponential', meanMs });
const constant = (ms: number): Latency => ({ type: 'constant', ms });

export const LATENCY_PARAMS = [
  ['type', 'choice', '', null, 'How the time varies from one request to the next: constant (always the same), exponential (mostly short, now and then long), uniform (anywhere between a least and a greatest) or lognormal (a typical value with a long slow tail).', LATENCY_TYPES],
  ['ms', 'number', '', ['ms', 0, HOUR_MS], 'The time, the same for every request.'],
  ['meanMs', 'number', '', ['ms', 0, HOUR_MS], 'The average time; single requests vary a lot around it.'],
  ['minMs', 'number', '', ['ms', 0, HOUR_MS], 'The shortest time a request may take.'],
  ['maxMs', 'number', '', ['ms', 0, HOUR_MS], 'The longest time a request may take.'],
  ['medianMs', 'number', '', ['ms', 0.001, HOUR_MS], 'The typical time: half the requests are faster, half slower.'],
  ['p99Ms', 'number', '', ['ms', '>0', HOUR_MS], 'The time only 1 request in 100 exceeds (p99); it must be above the median. The further above, the longer the slow tail.'],
] as const satisfies readonly Spec[];

export const AUTOSCALING = [
  ['metric', 'choice', '', null, 'What the auto-scaler watches: cpu or memory (utilisation of each instance), rps (requests per second per instance), queue (queued requests per instance), or lag (unapplied events per projector).', SCALING_METRICS],
  ['target', 'number', '', ['per instance', '>0', 1e9], 'The level to hold the metric at: it adds instances (scales out) when above, removes them (scales in) when well below. For cpu and memory a share between 0 and 1, such as 0.6.'],
  ['min', 'integer', '', ['instances', 0, 1000], 'The auto-scaler never goes below this many.'],
  ['max', 'integer', '', ['instances', 0, 1000], 'The auto-scaler never goes above this many, whatever the load (a cost ceiling).'],
  ['intervalS', 'number', '', ['s', 0.1, 3600], 'How often the auto-scaler looks at the metric and decides.'],
  ['cooldownOutS', 'number', '', ['s', 0, MAX_S], 'After scaling out, wait at least this long before scaling out again (lets new instances start to help first).'],
  ['cooldownInS', 'number', '', ['s', 0, MAX_S], 'After any scaling, wait at least this long before scaling in (avoids removing capacity that is about to be needed).'],
  ['bootS', 'number', '', ['s', 0, 3600], 'Cold start: how long a new instance boots before it takes requests. Scaling out only helps this long after the decision.'],
  ['schedule', 'list', '', null, 'Scheduled floors: at least this many from a given time on, so capacity is ready before a known peak (pre-warming).'],
] as const satisfies readonly Spec[];

export const SERVICE_OWN = [
  ['instances', 'integer', '', ['instances', 0, 1000], 'How many copies of this service run behind its load balancer. More instances is horizontal scaling (scaling out); new ones boot before they serve.'],
  [
    'vcpus',
    'integer',
    '',
    ['vCPUs', 1, MAX_VCPUS],
    'vCPUs (workers that serve requests side by side) in each instance, up to 192, the largest machines clouds rent. More vCPUs is vertical scaling (scaling up), with limits: the vCPUs of one instance slow each other down (contention, coherency), so one instance of 64 gives far less than 16 instances of 4; it costs more per vCPU-hour (pricing.sizePremium); and its crash takes all of it at once. A change restarts the instances one at a time.',
  ],
  [
    'speed',
    'number',
    '',
    ['x', '>0', MAX_SPEED],
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
  ['baseMemoryMb', 'number', '', ['MB', 0, MAX_MB], 'Memory an instance uses with no requests in it.'],
  ['memoryPerRequestMb', 'number', '', ['MB', 0, MAX_MB], 'Memory each request holds while it is on the instance, queued or served.'],
  ['memoryLimitMb', 'number', '', ['MB', '>0', MAX_MB], 'Memory of one instance; a request that would go over it is rejected.'],
  ['restartS', 'number', '', ['s', 0, 3600], 'How long an instance is out of service while it restarts for a vertical change (new vCPUs or speed).'],
  ['autoscaling', 'group', 'optional', null, 'Auto-scaling: add or remove instances to hold a metric at a target (target tracking).'],
] as const satisfies readonly Spec[];

export const ROOT = [
  ['version', 'integer', 'fixed', ['', 1, 1], 'The version of the scenario format (1).'],
  ['name', 'text', 'fixed', ['', undefined, 200], 'A name for the scenario; the report carries it.'],
  ['seed', 'integer', 'fixed', ['', 0, 2 ** 32 - 1], 'The seed of every random number in the run: the same scenario and seed give the same run, number for number. Change it to see another run of the same system.'],
  ['durationS', 'number', 'fixed', ['s', '>0', MAX_S], 'How long the run lasts, in simulated seconds.'],
  ['warmupS', 'number', 'fixed', ['s', 0, MAX_S], 'The first seconds of the run, left out of the report\'s figures while queues and caches fill (shorter than the duration).'],
] as const satisfies readonly Spec[];

export const WORKLOAD = [
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
] as const satisfies readonly Spec[];

export const WRITE_STORE = [
  ['shards', 'integer', 'fixed', ['shards', 1, 1024], 'Shards (partitions) of the command model\'s write store: each key lives on one shard, so writes spread over them.'],
  ['partitioning', 'choice', 'fixed', null, 'How keys are given to shards: by hash (spread evenly) or by range (neighbouring keys together, so hot Zipf keys make a hot shard).', ['hash', 'range']],
  ['connectionsPerShard', 'integer', '', ['connections', 1, 10_000], 'Writes one shard runs at once; the rest wait for a connection.'],
  ['writeLatencyMs', 'latency', '', ['ms'], 'Time one write takes on its shard, once it has a connection.'],
] as const satisfies readonly Spec[];

export const EVENT_STREAM = [
  ['partitions', 'integer', 'fixed', ['partitions', 1, 1024], 'Partitions of the event stream. Events of one key stay in order in one partition; each partition is read by one projector, so partitions cap how many projectors can work.'],
  ['appendLatencyMs', 'latency', '', ['ms'], 'Time to append a committed change to the event stream as an event.'],
  ['synchronousAppend', 'boolean', '', null, 'The command answers only once its event is in the stream (safer, slower); otherwise it answers at commit.'],
  ['projectors', 'integer', '', ['projectors', 0, MAX_PROJECTORS], 'Projectors: the consumer group that applies events from the stream to the query model. More than partitions leaves some idle; any change pauses the group for a rebalance.'],
  ['applyLatencyMs', 'latency', '', ['ms'], 'Time a projector takes to apply one event to the query model.'],
  ['rebalanceMs', 'number', '', ['ms', 0, HOUR_MS], 'How long the consumer group stops while partitions are handed out again, whenever projectors are added or removed.'],
  ['autoscaling', 'group', 'optional', null, 'Auto-scaling of the projectors, on stream lag or cpu.'],
] as const satisfies readonly Spec[];

export const READ_STORE = [
  ['replicas', 'integer', '', ['replicas', 0, 32], 'Read replicas: copies of the query model that serve reads (0: queries read the primary). Each gets changes after a replication lag.'],
  ['connectionsPerReplica', 'integer', '', ['connections', 1, 10_000], 'Reads one read-store node runs at once; the rest wait for a connection.'],
  ['queryLatencyMs', 'latency', '', ['ms'], 'Time one read takes on a read-store node.'],
  ['indexed', 'boolean', '', null, 'Whether the query model has an index for the query; without one every read scans the whole table.'],
  ['unindexedFactor', 'number', '', ['x', 1, 10_000], 'How many times slower a read is without the index (a full scan).'],
  ['replicationLagMs', 'latency', '', ['ms'], 'Replication lag: how long a change takes from the primary to each replica. Reads from a replica are stale meanwhile (eventual consistency). Changes reach a replica in order, so a change also waits for every earlier one: with a random delay the lag readers see is that of the slowest recent change, and it grows with the write rate. An exponential delay of mean 30 ms gives about 60 ms to one replica at 100 writes/s, 117 ms at 900 writes/s, and about 140 ms to reach both of 2 replicas at 900 writes/s. A constant delay gives exactly that delay.'],
  ['autoscaling', 'group', 'optional', null, 'Auto-scaling of the read replicas, on cpu or reads per second.'],
] as const satisfies readonly Spec[];

export const CACHE = [
  ['enabled', 'boolean', '', null, 'A distributed cache in front of the read store: a hit answers fast without a read, but may be stale.'],
  ['nodes', 'integer', '', ['nodes', 1, 256], 'Cache nodes; the keys are spread over them.'],
  ['capacityPerNode', 'integer', '', ['keys', 1, 10_000_000], 'How many keys each cache node holds; when full, the least recently used key is dropped.'],
  ['ttlS', 'number', '', ['s', '>0', MAX_S], 'TTL (time to live): a cached key is dropped this long after it was stored. Longer gives more hits and more stale reads.'],
  ['invalidation', 'choice', '', null, 'How cached keys are invalidated: by TTL (they expire), by event (a projector deletes or updates the key when it applies a change), or both.', ['ttl', 'event', 'ttl+event']],
  ['onEvent', 'choice', '', null, 'What an event does to its cached key: delete it (the next read fetches it) or update it in place.', ['delete', 'update']],
  ['hitLatencyMs', 'latency', '', ['ms'], 'Time of one cache lookup.'],
] as const satisfies readonly Spec[];

export const PRICING = [
  ['vcpuHourUsd', 'number', 'fixed', ['USD', 0, 1000], 'Price of one vCPU-hour of an instance of up to 4 vCPUs (projectors and replicas count as one such vCPU each).'],
  [
    'sizePremium',
    'number',
    'fixed',
    ['ratio', 0, 10],
    'How much more a vCPU-hour costs on a bigger instance: this share of the base price is added for each doubling of vCPUs above 4 (0.1: 8 vCPUs cost 1.1x per vCPU-hour, 16 cost 1.2x, 64 cost 1.4x).',
  ],
] as const satisfies readonly Spec[];

/** A service's lines: its own, and each part's group after the field the part names (or at the end), in the parts' order. */
export function serviceLines<G extends { readonly line: FieldSpec; readonly after?: string }>(groups: readonly G[]): FieldSpec[] {
  const lines: FieldSpec[] = SERVICE_OWN.slice();
  for (const g of groups) {
    const at = g.after === undefined ? -1 : lines.findIndex((f) => f[0] === g.after);
    if (at < 0) lines.push(g.line);
    else lines.splice(at + 1, 0, g.line);
  }
  return lines;
}

/** A policy's defaults; its metric and target have none (a policy must say what it tracks). */
export const AUTOSCALING_DEFAULTS = { min: 1, max: 10, intervalS: 10, cooldownOutS: 30, cooldownInS: 60, bootS: 10, schedule: [] } as const;

/** A service's defaults, but for those that differ between the two services (below). */
const SERVICE_COMMON = {
  vcpus: 2,
  speed: 1,
  contention: DEFAULT_CONTENTION,
  coherency: DEFAULT_COHERENCY,
  queueCapacity: 100,
  baseMemoryMb: 256,
  memoryPerRequestMb: 1,
  memoryLimitMb: 1024,
  restartS: 5,
} as const;

/**
 * The built-in sections, in the file's order: each one's help (what that part of the system is),
 * its lines and the defaults of its fields (dotted inside a group: `keys.count`). `''` holds the
 * scenario's own top-level fields (its version has no default: a file must say it).
 */
export const BUILTIN = {
  '': { help: '', lines: ROOT, defaults: { name: 'default', seed: 1, durationS: 60, warmupS: 5 } },
  workload: {
    help: 'The clients: how many requests they send, how many are commands, which keys, and how they time out and retry.',
    lines: WORKLOAD,
    defaults: {
      rps: 400,
      arrivals: 'poisson',
      writeRatio: 0.2,
      'keys.count': 10_000,
      'keys.distribution': 'uniform',
      'keys.zipfS': 1.1,
      'followUpReads.ratio': 0.1,
      'followUpReads.afterMs': 100,
      timeoutMs: 2000,
      'retries.max': 0,
      'retries.backoffMs': 100,
      'retries.jitter': 1,
      'retries.keepServiceTime': false,
    },
  },
  commandService: {
    help: 'The command side: instances that handle writes, behind a load balancer. It scales independently of the query side.',
    lines: SERVICE_OWN,
    defaults: { ...SERVICE_COMMON, instances: 2, serviceTimeMs: exp(4), loadBalancer: 'round-robin' },
  },
  queryService: {
    help: 'The query side: instances that handle reads, behind a load balancer. It scales independently of the command side.',
    lines: SERVICE_OWN,
    defaults: { ...SERVICE_COMMON, instances: 2, serviceTimeMs: exp(3), loadBalancer: 'least-connections' },
  },
  writeStore: {
    help: "The command model's store: sharded by key; a command commits here first.",
    lines: WRITE_STORE,
    defaults: { shards: 4, partitioning: 'hash', connectionsPerShard: 8, writeLatencyMs: exp(3) },
  },
  eventStream: {
    help: 'The event stream that carries committed changes from the command model to the query model, and the projectors that apply them.',
    lines: EVENT_STREAM,
    defaults: { partitions: 8, appendLatencyMs: constant(2), synchronousAppend: false, projectors: 2, applyLatencyMs: exp(1), rebalanceMs: 2000 },
  },
  readStore: {
    help: "The query model's store: a primary the projectors write to, and read replicas that serve queries.",
    lines: READ_STORE,
    defaults: { replicas: 2, connectionsPerReplica: 16, queryLatencyMs: exp(2), indexed: true, unindexedFactor: 20, replicationLagMs: constant(50) },
  },
  cache: {
    help: 'A cache in front of the read store, spread over nodes by key.',
    lines: CACHE,
    defaults: { enabled: false, nodes: 3, capacityPerNode: 1000, ttlS: 30, invalidation: 'ttl', onEvent: 'delete', hitLatencyMs: constant(0.5) },
  },
  pricing: {
    help: 'What capacity costs: a price per vCPU-hour, more per vCPU on bigger instances.',
    lines: PRICING,
    defaults: { vcpuHourUsd: 0.04, sizePremium: 0.1 },
  },
} as const;
