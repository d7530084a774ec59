/**
 * The scenario schema's building blocks: the bounds that keep arithmetic finite, latency
 * distributions, and a service's section (its settings, health checks, auto-scaling and the
 * optional parts on it). `scenario.ts` composes them into the scenario's schema.
 */
import { z } from 'zod';
import { LOAD_BALANCER_ALGORITHMS, SCALING_METRICS } from './fieldSpec';

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
export const seconds = () => z.number().min(0).max(MAX_TIME_S);
export const delayMs = () => z.number().min(0).max(MAX_DELAY_MS);

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

export const int = (min: number, max: number) => z.number().int().min(min).max(max);
export const exp = (meanMs: number): Latency => ({ type: 'exponential', meanMs });
export const constant = (ms: number): Latency => ({ type: 'constant', ms });

export const scalingMetrics = SCALING_METRICS;
export type ScalingMetric = (typeof scalingMetrics)[number];

/**
 * Target tracking on one metric, with scheduled capacity. Metrics: `cpu` and `memory` are
 * utilisations (0..1], `rps` requests per second per instance, `queue` queued requests per
 * instance, `lag` unapplied events per projector (KEDA-style).
 */
export const autoscalingSchema = z
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

export function serviceSchema(d: { instances: number; serviceMs: number; lb: LoadBalancerAlgorithm }) {
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
