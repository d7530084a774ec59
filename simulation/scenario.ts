/**
 * The scenario file format, version 1: a public format that people write by hand.
 *
 * Every field is optional and has a default, so `{ "version": 1 }` is the default scenario.
 * Unknown fields are errors. Times in the file carry their unit in the name (`durationS`, `afterMs`).
 */
import { z } from 'zod';
import { faultSchema } from './input/faultSchema';

export { FAULT_RULES, faultKinds, faultTargets, type Fault, type FaultKind } from './input/faultSchema';
import { autoscalingSchema, constant, delayMs, exp, int, latencySchema, MAX_INTERVENTIONS, MAX_TIME_S, seconds, serviceSchema } from './input/scenarioBlocks';

export {
  DEFAULT_COHERENCY,
  DEFAULT_CONTENTION,
  latencySchema,
  loadBalancerAlgorithms,
  MAX_DELAY_MS,
  MAX_INTERVENTIONS,
  MAX_MEMORY_MB,
  MAX_SPEED,
  MAX_TIME_S,
  MAX_VCPUS,
  scalingMetrics,
  type Autoscaling,
  type HealthCheck,
  type Latency,
  type LoadBalancerAlgorithm,
  type ScalingMetric,
} from './input/scenarioBlocks';

const profilePoint = z.strictObject({
  atS: seconds(),
  rps: z.number().min(0).max(1_000_000),
  rampS: seconds().default(0),
});

/**
 * The built-in sections of the scenario, in the file's order. The sections the parts own
 * (`Part.section`) are not here: `scenarioSchema.ts` puts them after `pricing`, before the
 * timelines, and this module names no part (the parts import its types).
 */
export const builtinShape = {
  version: z.literal(1),
  name: z.string().max(200).default('default'),
  seed: int(0, 2 ** 32 - 1).default(1),
  durationS: z.number().gt(0).max(MAX_TIME_S).default(60),
  warmupS: seconds().default(5),
  workload: z
    .strictObject({
      rps: z.number().min(0).max(1_000_000).default(400),
      profile: z.array(profilePoint).max(1000).optional(),
      /** Poisson (exponential gaps) or deterministic (evenly spaced at the rate: exact pipelines). */
      arrivals: z.enum(['poisson', 'deterministic']).default('poisson'),
      writeRatio: z.number().min(0).max(1).default(0.2),
      keys: z
        .strictObject({
          count: int(1, 2_000_000).default(10_000),
          distribution: z.enum(['uniform', 'zipf']).default('uniform'),
          zipfS: z.number().gt(0).max(10).default(1.1),
        })
        .prefault({}),
      followUpReads: z
        .strictObject({ ratio: z.number().min(0).max(1).default(0.1), afterMs: delayMs().default(100) })
        .prefault({}),
      // Up to the longest run: a timeout that never fires is allowed (tests of pure queues use one).
      timeoutMs: z.number().gt(0).max(MAX_TIME_S * 1000).default(2000),
      /** Client retries of rejected, failed and timed-out attempts, with exponential backoff. */
      retries: z
        .strictObject({
          max: int(0, 100).default(0),
          backoffMs: delayMs().default(100),
          /** 0: exact backoff; 1: full jitter (uniform in [0, backoff]). */
          jitter: z.number().min(0).max(1).default(1),
          /** Retry budget: retries allowed per original request, as a token bucket (cap 100). */
          budget: z.number().min(0).max(10).optional(),
          /**
           * false (default): each retry draws its own service time, as an independent attempt.
           * true: a retry keeps its request's draw (an inherently slow request stays slow).
           */
          keepServiceTime: z.boolean().default(false),
        })
        .prefault({}),
    })
    .prefault({}),
  commandService: serviceSchema({ instances: 2, serviceMs: 4, lb: 'round-robin' }),
  queryService: serviceSchema({ instances: 2, serviceMs: 3, lb: 'least-connections' }),
  writeStore: z
    .strictObject({
      shards: int(1, 1024).default(4),
      partitioning: z.enum(['hash', 'range']).default('hash'),
      connectionsPerShard: int(1, 10_000).default(8),
      writeLatencyMs: latencySchema.default(exp(3)),
    })
    .prefault({}),
  eventStream: z
    .strictObject({
      partitions: int(1, 1024).default(8),
      appendLatencyMs: latencySchema.default(constant(2)),
      synchronousAppend: z.boolean().default(false),
      projectors: int(0, 1024).default(2),
      applyLatencyMs: latencySchema.default(exp(1)),
      /** Consumers pause this long whenever the group changes (a rebalance). */
      rebalanceMs: delayMs().default(2000),
      autoscaling: autoscalingSchema.optional(),
    })
    .prefault({}),
  readStore: z
    .strictObject({
      replicas: int(0, 32).default(2),
      connectionsPerReplica: int(1, 10_000).default(16),
      queryLatencyMs: latencySchema.default(exp(2)),
      indexed: z.boolean().default(true),
      unindexedFactor: z.number().min(1).max(10_000).default(20),
      replicationLagMs: latencySchema.default(constant(50)),
      autoscaling: autoscalingSchema.optional(),
    })
    .prefault({}),
  cache: z
    .strictObject({
      enabled: z.boolean().default(false),
      nodes: int(1, 256).default(3),
      capacityPerNode: int(1, 10_000_000).default(1000),
      ttlS: z.number().gt(0).max(MAX_TIME_S).default(30),
      invalidation: z.enum(['ttl', 'event', 'ttl+event']).default('ttl'),
      onEvent: z.enum(['delete', 'update']).default('delete'),
      hitLatencyMs: latencySchema.default(constant(0.5)),
    })
    .prefault({}),
  /**
   * What capacity costs: a base price per vCPU-hour, and a premium per doubling of an instance's
   * vCPUs above 4 (bigger instances cost more per vCPU). Projectors and replicas count as one
   * vCPU each at the base price.
   */
  pricing: z
    .strictObject({
      vcpuHourUsd: z.number().min(0).max(1000).default(0.04),
      sizePremium: z.number().min(0).max(10).default(0.1),
    })
    .prefault({}),
};

/** The timelines, after every section (the parts' too). */
export const timelineShape = {
  faults: z.array(faultSchema).max(10_000).default([]),
  interventions: z
    .array(z.strictObject({ atS: seconds(), set: z.string().min(1).max(200), value: z.unknown() }))
    .max(MAX_INTERVENTIONS)
    .default([]),
};

const builtinSchema = z.strictObject({ ...builtinShape, ...timelineShape });
type Builtin = z.output<typeof builtinSchema>;

/** The checks across fields of the built-in sections (`scenarioSchema.ts` runs them on every scenario). */
export function refineScenario(s: Builtin, ctx: z.RefinementCtx): void {
  if (s.warmupS >= s.durationS) {
    ctx.addIssue({ code: 'custom', path: ['warmupS'], message: `must be less than durationS (${s.durationS})` });
  }
  s.interventions.forEach((iv, i) => {
    if (iv.atS > s.durationS) {
      ctx.addIssue({ code: 'custom', path: ['interventions', i, 'atS'], message: `must be within the run (0 to durationS = ${s.durationS})` });
    }
    if (i > 0 && iv.atS < s.interventions[i - 1].atS) {
      ctx.addIssue({ code: 'custom', path: ['interventions', i, 'atS'], message: 'interventions must be in time order' });
    }
  });
  s.faults.forEach((f, i) => {
    if (f.atS > s.durationS) {
      ctx.addIssue({ code: 'custom', path: ['faults', i, 'atS'], message: `must be within the run (0 to durationS = ${s.durationS})` });
    }
    const most = (n: number, a?: { max: number }) => Math.max(n, a?.max ?? 0);
    const size =
      f.target === 'commandService'
        ? most(s.commandService.instances, s.commandService.autoscaling)
        : f.target === 'queryService'
          ? most(s.queryService.instances, s.queryService.autoscaling)
          : f.target === 'readStore'
            ? most(s.readStore.replicas, s.readStore.autoscaling)
            : Infinity;
    if (f.instance !== undefined && f.instance >= size) {
      ctx.addIssue({
        code: 'custom',
        path: ['faults', i, 'instance'],
        message: `no such ${f.target === 'readStore' ? 'replica' : 'instance'}: ${f.target} has at most ${size} (numbered from 0)`,
      });
    }
    if (f.shard !== undefined && f.shard >= s.writeStore.shards) {
      ctx.addIssue({ code: 'custom', path: ['faults', i, 'shard'], message: `no such shard: shards are 0 to ${s.writeStore.shards - 1}` });
    }
  });
  const ms = s.eventStream.autoscaling?.metric;
  if (ms !== undefined && ms !== 'lag' && ms !== 'cpu') {
    ctx.addIssue({ code: 'custom', path: ['eventStream', 'autoscaling', 'metric'], message: 'projectors scale on lag or cpu' });
  }
  if ((s.readStore.autoscaling?.max ?? 0) > 32) {
    ctx.addIssue({ code: 'custom', path: ['readStore', 'autoscaling', 'max'], message: 'at most 32 replicas' });
  }
  const mr = s.readStore.autoscaling?.metric;
  if (mr !== undefined && mr !== 'cpu' && mr !== 'rps') {
    ctx.addIssue({ code: 'custom', path: ['readStore', 'autoscaling', 'metric'], message: 'replicas scale on cpu or rps' });
  }
  const p = s.workload.profile;
  if (p) {
    for (let i = 1; i < p.length; i++) {
      if (p[i].atS < p[i - 1].atS) {
        ctx.addIssue({
          code: 'custom',
          path: ['workload', 'profile', i, 'atS'],
          message: `must not be earlier than the previous point (${p[i - 1].atS})`,
        });
      }
    }
  }
}

/**
 * The settings of the parts' own sections (`Part.section`), each optional (absent: the part is
 * off). Empty here: a part adds its section's type from its own module by module augmentation,
 * `declare module '../scenario' { interface PartSettings { mySection?: MyConfig } }`.
 */
export interface PartSettings {}
/** The same sections as written in a file (every field optional); augmented the same way. */
export interface PartSettingsInput {}

/** A complete scenario, every default filled in. */
export type Scenario = Builtin & PartSettings;
/** A scenario as written in a file: everything optional but `version`. */
export type ScenarioInput = z.input<typeof builtinSchema> & PartSettingsInput;
export type ServiceConfig = Scenario['commandService'];

/** One problem with an input: the dotted field path and what is wrong with it. */
export interface ScenarioProblem {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };
