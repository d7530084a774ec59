/**
 * Human labels for figure ids: "Query p99 latency" for `queries.latencyMs.p99`. A rule, not a
 * second list: the id's parts are put into words (a subject, what is measured, a statistic), so
 * a figure added to the registry gets a label without anyone writing one. Zod-free and small.
 * A part gives the words for its own figures in its module (`Part.labels`).
 */
import { PARTS } from '../parts';

/** A lookup table without a prototype: only its own words are found (never `constructor` and the like). */
const table = (words: Record<string, string>): Record<string, string> => Object.assign(Object.create(null) as Record<string, string>, words);

/** What the first part of an id is about. */
const SUBJECT = table({
  commands: 'Command',
  queries: 'Query',
  commandService: 'Command service:',
  queryService: 'Query service:',
  projectors: 'Projectors:',
  replicas: 'Read replicas:',
  writeStore: 'Write store:',
  readStore: 'Read store:',
  eventStream: 'Event stream:',
  errors: 'Failures:',
  followUpReads: 'Follow-up reads:',
  stopped: 'Run stopped:',
});

/** Distributions summarised by count, mean and percentiles: the thing measured. */
const MEASURE = table({
  latencyMs: 'latency',
  clientLatencyMs: 'latency as the client waited',
  queueWaitMs: 'queue wait',
  staleness: 'staleness of stale reads',
  consistencyLagMs: 'consistency lag (commit to read model)',
  replicaLagMs: 'replica lag (commit to every replica)',
  gaveUpAfterMs: 'wait before giving up',
  // The parts' own, from their modules.
  ...Object.assign({}, ...PARTS.map((p) => p.labels?.measures ?? {})),
});

const STAT = table({ mean: 'mean', p50: 'p50 (median)', p95: 'p95', p99: 'p99', max: 'greatest', min: 'least', count: 'samples of' });

/** Words for single parts of an id (the last part, most often). */
const WORD = table({
  version: 'Format version',
  seed: 'Seed',
  simulatedS: 'Simulated time',
  events: 'Engine events',
  wallMs: 'Wall-clock time',
  atS: 'time',
  count: 'how many',
  offered: 'attempts offered',
  completed: 'attempts completed',
  rejected: 'attempts rejected',
  timedOut: 'attempts timed out',
  failed: 'attempts failed',
  inFlight: 'attempts in flight at the end',
  throughputRps: 'throughput',
  meanInSystem: 'mean requests in the system',
  retries: 'retries',
  'requests.started': 'requests started',
  'requests.succeeded': 'requests succeeded',
  'requests.gaveUp': 'requests given up',
  'requests.inProgress': 'requests in progress at the end',
  cacheHitRatio: 'cache hit ratio',
  staleReadRatio: 'stale-read ratio',
  versionsBehindMean: 'mean versions behind',
  violations: 'read-your-writes violations',
  'instances.min': 'fewest serving at once',
  'instances.max': 'most serving at once',
  'instances.final': 'serving at the end',
  'scalingActions[].atS': 'scaling action: time',
  'scalingActions[].from': 'scaling action: from',
  'scalingActions[].to': 'scaling action: to',
  scalingActionCount: 'scaling actions',
  'cost.vcpuHours': 'cost in vCPU-hours',
  'cost.instanceHours': 'cost in instance-hours',
  'cost.usd': 'cost in dollars',
  'cost.afterWarmup.vcpuHours': 'cost after warm-up in vCPU-hours',
  'cost.afterWarmup.instanceHours': 'cost after warm-up in instance-hours',
  'cost.afterWarmup.usd': 'cost after warm-up in dollars',
  costUsd: 'Cost in dollars so far',
  utilization: 'utilisation',
  memoryUtilization: 'memory utilisation',
  meanQueueLength: 'mean queue length',
  'shards[].writes': 'writes per shard',
  'shards[].utilization': 'utilisation per shard',
  'nodes[].reads': 'reads per node',
  'nodes[].utilization': 'utilisation per node',
  maxLagEvents: 'greatest lag (events)',
  maxLagMs: 'greatest lag (age)',
  deadInstance: 'dead instance',
  shardDown: 'shard down',
  injected: 'injected errors',
  noInstance: 'no instance',
  // The series' window fields (a window is 1 s).
  tS: 'End of the window',
  p50: 'p50 latency (median)',
  p95: 'p95 latency',
  p99: 'p99 latency',
  clientP50: 'p50 latency as the client waited',
  clientP95: 'p95 latency as the client waited',
  clientP99: 'p99 latency as the client waited',
  consistencyLagP50Ms: 'Consistency lag p50 (commit to read model)',
  consistencyLagP99Ms: 'Consistency lag p99 (commit to read model)',
  replicaLagP50Ms: 'Replica lag p50 (commit to every replica)',
  replicaLagP99Ms: 'Replica lag p99 (commit to every replica)',
  streamLagEvents: 'Stream lag (events)',
  streamLagMs: 'Stream lag (age)',
  readStoreUtilization: 'Read store utilisation',
  projectors: 'Projectors serving',
  replicas: 'Read replicas serving',
  instances: 'instances ready',
  booting: 'instances booting',
  draining: 'instances draining or restarting',
  costVcpuHours: 'Cost in vCPU-hours so far',
  // The parts' own words, from their modules.
  ...Object.assign({}, ...PARTS.map((p) => p.labels?.words ?? {})),
});

/** "maxLagEvents" -> "max lag events": the fallback for a part no table names. */
function words(part: string): string {
  return part
    .replace(/\[\]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/\bMs\b/, '(ms)')
    .toLowerCase();
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A label for figure `id` (list indices written `[]`): never empty, never the id itself. */
export function figureLabel(id: string): string {
  const parts = id.split('.');
  let subject = '';
  let rest = parts;
  if (parts.length > 1 && SUBJECT[parts[0]] !== undefined) {
    subject = SUBJECT[parts[0]];
    rest = parts.slice(1);
  }
  const last = rest[rest.length - 1];
  const measureAt = rest.findIndex((p) => MEASURE[p] !== undefined);
  let body: string;
  if (measureAt >= 0 && measureAt === rest.length - 2 && STAT[last] !== undefined) {
    body = `${STAT[last]} ${MEASURE[rest[measureAt]]}`;
  } else if (measureAt >= 0 && measureAt === rest.length - 2) {
    body = `${MEASURE[rest[measureAt]]}: ${WORD[last] ?? words(last)}`;
  } else {
    const key = rest.join('.');
    body = WORD[key] ?? rest.map((p) => WORD[p] ?? words(p)).join(' ');
  }
  // "Replica replica lag" and the like: a subject the body already names is left out.
  if (subject && body.toLowerCase().includes(subject.replace(':', '').toLowerCase())) subject = '';
  const label = subject ? `${subject} ${body}` : body;
  return capital(label.trim() || words(id));
}
