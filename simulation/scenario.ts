/**
 * The scenario file format, version 1: a public format that people write by hand.
 *
 * Every field is optional and has a default, so `{ "version": 1 }` is the default scenario.
 * Unknown fields are errors. Times in the file carry their unit in the name (`durationS`, `afterMs`).
 */
import { z } from 'zod';
import { LOAD_BALANCER_ALGORITHMS, SCALING_METRICS } from './fieldSpec';
import { faultSchema } from './faultSchema';

export { FAULT_RULES, faultKinds, faultTargets, type Fault, type FaultKind } from './faultSchema';

/**
 * Bounds that keep arithmetic finite: no valid scenario can reach Infinity or NaN in a sum, a
 * product or an exponential of the engine (a report never holds either).
 */
/** Longest time of any kind in a scenario: the longest run, 1,000,000 s (11.6 days). */
export const MAX_TIME_S = 1_000_000;
/** Longest single delay (a latency, a timeout, a backoff, a lag): one hour, in ms. */
export const MAX_DELAY_MS = 3_600_000;
/** Largest memory figure, MB (10 TB). */
export const MAX_MEMORY_MB = 10_000_000;
/** Most interventions in one scenario (each is validated against the scenario at its time). */
export const MAX_INTERVENTIONS = 10_000;
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
const seconds = () => z.number().min(0).max(MAX_TIME_S);
const delayMs = () => z.number().min(0).max(MAX_DELAY_MS);

/** Latency distributions, in milliseconds of simulated time. A bare number is a constant. */
const constantDist = z.strictObject({ type: z.literal('constant'), ms: delayMs() });
const exponentialDist = z.strictObject({ type: z.literal('exponential'), meanMs: delayMs() });
const uniformDist = z
  .strictObject({ type: z.literal('uniform'), minMs: delayMs(), maxMs: delayMs() })
  .refine((d) => d.maxMs >= d.minMs, { message: 'maxMs must be at least minMs', path: ['maxMs'] });
const lognormalDist = z
  .strictObject({ type: z.literal('lognormal'), medianMs: z.number().min(0.001).max(MAX_DELAY_MS), p99Ms: z.number().gt(0).max(MAX_DELAY_MS) })
  .refine((d) => d.p99Ms > d.medianMs, { message: 'p99Ms must be greater than medianMs', path: ['p99Ms'] });

export const latencySchema = z.union([
  delayMs().transform((ms) => ({ type: 'constant' as const, ms })),
  z.discriminatedUnion('type', [constantDist, exponentialDist, uniformDist, lognormalDist]),
]);
export type Latency =
  | { type: 'constant'; ms: number }
  | { type: 'exponential'; meanMs: number }
  | { type: 'uniform'; minMs: number; maxMs: number }
  | { type: 'lognormal'; medianMs: number; p99Ms: number };

/** The load balancers' algorithms (the list lives in the zod-free field registry). */
export const loadBalancerAlgorithms = LOAD_BALANCER_ALGORITHMS;
export type LoadBalancerAlgorithm = (typeof loadBalancerAlgorithms)[number];

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const exp = (meanMs: number): Latency => ({ type: 'exponential', meanMs });
const constant = (ms: number): Latency => ({ type: 'constant', ms });

export const scalingMetrics = SCALING_METRICS;
export type ScalingMetric = (typeof scalingMetrics)[number];

/**
 * Target tracking on one metric, with scheduled capacity. Metrics: `cpu` and `memory` are
 * utilisations (0..1], `rps` requests per second per instance, `queue` queued requests per
 * instance, `lag` unapplied events per projector (KEDA-style).
 */
const autoscalingSchema = z
  .strictObject({
    metric: z.enum(scalingMetrics),
    target: z.number().gt(0).max(1e9),
    min: int(0, 1000).default(1),
    max: int(0, 1000).default(10),
    intervalS: z.number().min(0.1).max(3600).default(10),
    cooldownOutS: seconds().default(30),
    cooldownInS: seconds().default(60),
    bootS: z.number().min(0).max(3600).default(10),
    schedule: z.array(z.strictObject({ atS: seconds(), instances: int(0, 1000) })).max(1000).default([]),
  })
  .superRefine((a, ctx) => {
    if (a.min > a.max) ctx.addIssue({ code: 'custom', path: ['min'], message: `must not exceed max (${a.max})` });
    if ((a.metric === 'cpu' || a.metric === 'memory') && a.target > 1) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: `a ${a.metric} target is a utilisation in (0, 1], such as 0.6` });
    }
  });
export type Autoscaling = z.output<typeof autoscalingSchema>;

const healthCheckSchema = z
  .strictObject({
    intervalMs: z.number().min(10).max(600_000).default(1000),
    unhealthyAfter: int(1, 100).default(3),
    healthyAfter: int(1, 100).default(2),
  })
  .prefault({});
export type HealthCheck = z.output<typeof healthCheckSchema>;

/**
 * A circuit breaker in the clients of a service: closed, it counts the outcomes of the last
 * `window` attempts and opens when at least `failureRatio` of them failed (rejected, timed out or
 * failed); open, it fails every attempt at once (a fast-fail, cause `breakerOpen`) for `openS`;
 * then half-open, it lets `trials` attempts through: all succeed and it closes, one fails and it
 * opens again.
 */
const circuitBreakerSchema = z.strictObject({
  failureRatio: z.number().gt(0).max(1).default(0.5),
  window: int(1, 10_000).default(20),
  openS: z.number().gt(0).max(3600).default(5),
  trials: int(1, 1000).default(3),
});
export type CircuitBreakerConfig = z.output<typeof circuitBreakerSchema>;

/**
 * Admission control at a service's load balancer: a token bucket of `burst` tokens refilled at
 * `rps` a second; an attempt that finds no whole token is shed at once (a 429, cause `shed`).
 */
const admissionSchema = z.strictObject({
  rps: z.number().gt(0).max(10_000_000),
  burst: z.number().min(1).max(1_000_000).default(10),
});
export type AdmissionConfig = z.output<typeof admissionSchema>;

function serviceSchema(d: { instances: number; serviceMs: number; lb: LoadBalancerAlgorithm }) {
  return z
    .strictObject({
      instances: int(0, 1000).default(d.instances),
      vcpus: int(1, MAX_VCPUS).default(2),
      speed: z.number().gt(0).max(MAX_SPEED).default(1),
      /** The Universal Scalability Law's terms within one instance (see model/usl.ts). */
      contention: z.number().min(0).max(1).default(DEFAULT_CONTENTION),
      coherency: z.number().min(0).max(0.1).default(DEFAULT_COHERENCY),
      queueCapacity: int(0, 1_000_000).default(100),
      serviceTimeMs: latencySchema.default(exp(d.serviceMs)),
      /** An algorithm, or `{ algorithm, healthCheck }`; normalised to the algorithm plus `healthCheck`. */
      loadBalancer: z
        .union([
          z.enum(loadBalancerAlgorithms),
          z.strictObject({ algorithm: z.enum(loadBalancerAlgorithms), healthCheck: healthCheckSchema.optional() }),
        ])
        .default(d.lb),
      healthCheck: healthCheckSchema,
      /** Memory: a base per instance plus a share per request in flight on it, up to a limit. */
      baseMemoryMb: z.number().min(0).max(MAX_MEMORY_MB).default(256),
      memoryPerRequestMb: z.number().min(0).max(MAX_MEMORY_MB).default(1),
      memoryLimitMb: z.number().gt(0).max(MAX_MEMORY_MB).default(1024),
      /** Seconds an instance is out of service while it restarts for a vertical change. */
      restartS: z.number().min(0).max(3600).default(5),
      autoscaling: autoscalingSchema.optional(),
      circuitBreaker: circuitBreakerSchema.optional(),
      admission: admissionSchema.optional(),
    })
    .transform(({ loadBalancer, healthCheck, ...rest }) =>
      typeof loadBalancer === 'string'
        ? { ...rest, loadBalancer, healthCheck }
        : { ...rest, loadBalancer: loadBalancer.algorithm, healthCheck: loadBalancer.healthCheck ?? healthCheck },
    )
    .superRefine((s, ctx) => {
      if (s.baseMemoryMb + s.memoryPerRequestMb > s.memoryLimitMb) {
        ctx.addIssue({ code: 'custom', path: ['memoryLimitMb'], message: 'must leave room for at least one request above baseMemoryMb' });
      }
      const floor = s.baseMemoryMb / s.memoryLimitMb;
      if (s.autoscaling?.metric === 'memory' && s.autoscaling.target <= floor) {
        ctx.addIssue({
          code: 'custom',
          path: ['autoscaling', 'target'],
          message: `must be above ${floor.toFixed(3)}, the share of memory an idle instance uses (baseMemoryMb / memoryLimitMb)`,
        });
      }
      if (s.autoscaling?.metric === 'lag') {
        ctx.addIssue({ code: 'custom', path: ['autoscaling', 'metric'], message: 'lag scales projectors (eventStream.autoscaling), not services' });
      }
    })
    .prefault({});
}

const profilePoint = z.strictObject({
  atS: seconds(),
  rps: z.number().min(0).max(1_000_000),
  rampS: seconds().default(0),
});

export const scenarioSchema = z
  .strictObject({
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
    faults: z.array(faultSchema).max(10_000).default([]),
    interventions: z
      .array(z.strictObject({ atS: seconds(), set: z.string().min(1).max(200), value: z.unknown() }))
      .max(MAX_INTERVENTIONS)
      .default([]),
  })
  .superRefine((s, ctx) => {
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
  });

/** A complete scenario, every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file: everything optional but `version`. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ServiceConfig = Scenario['commandService'];

/** One problem with an input: the dotted field path and what is wrong with it. */
export interface ScenarioProblem {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };
