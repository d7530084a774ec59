/**
 * The scenario schema's building blocks: the bounds that keep arithmetic finite, latency
 * distributions, auto-scaling and a service's section, each made from the lines its part declares
 * (`parts/decl/elasticity.ts`, `parts/decl/service.ts`; `specSchema.ts` turns lines into zod). The
 * checks across fields that a line cannot say stay here. The settings the parts put on each service come in as `ServiceGroupSchema`s
 * (`scenarioSchema.ts` makes them from the parts list), so this module names no part.
 */
import { z } from 'zod';
import { AUTOSCALING, AUTOSCALING_DEFAULTS } from '../parts/decl/elasticity';
import { SERVICE_OWN, serviceLines } from '../parts/decl/service';
import { MAX_DELAY_MS, MAX_TIME_S } from './bounds';
import { LOAD_BALANCER_ALGORITHMS, SCALING_METRICS, type FieldSpec, type Latency } from './fieldSpec';
import { objectOf, typedObjectOf } from './specSchema';
import type { SettingsIn, SettingsOut } from './settingsType';

export {
  DEFAULT_COHERENCY,
  DEFAULT_CONTENTION,
  MAX_DELAY_MS,
  MAX_MEMORY_MB,
  MAX_SPEED,
  MAX_TIME_S,
  MAX_VCPUS,
} from './bounds';
export { latencySchema } from './specSchema';
export type { Latency, LatencyInput } from './fieldSpec';

/** Most interventions in one scenario (each is validated against the scenario at its time). */
export const MAX_INTERVENTIONS = 10_000;
export const seconds = () => z.number().min(0).max(MAX_TIME_S);
export const delayMs = () => z.number().min(0).max(MAX_DELAY_MS);

/** The load balancers' algorithms (the list lives in the zod-free field registry). */
export const loadBalancerAlgorithms = LOAD_BALANCER_ALGORITHMS;
export type LoadBalancerAlgorithm = (typeof loadBalancerAlgorithms)[number];

export const int = (min: number, max: number) => z.number().int().min(min).max(max);
export const exp = (meanMs: number): Latency => ({ type: 'exponential', meanMs });
export const constant = (ms: number): Latency => ({ type: 'constant', ms });

export const scalingMetrics = SCALING_METRICS;
export type ScalingMetric = (typeof scalingMetrics)[number];

/** A scheduled floor of capacity: at least `instances` from `atS` on. */
const schedule = z.array(z.strictObject({ atS: seconds(), instances: int(0, 1000) })).max(1000);

/**
 * Target tracking on one metric, with scheduled capacity. Metrics: `cpu` and `memory` are
 * utilisations (0..1], `rps` requests per second per instance, `queue` queued requests per
 * instance, `lag` unapplied events per projector (KEDA-style).
 */
export const autoscalingSchema = typedObjectOf('autoscaling', AUTOSCALING, AUTOSCALING_DEFAULTS, { schedule }).superRefine((a, ctx) => {
  if (a.min > a.max) ctx.addIssue({ code: 'custom', path: ['min'], message: `must not exceed max (${a.max})` });
  if ((a.metric === 'cpu' || a.metric === 'memory') && a.target > 1) {
    ctx.addIssue({ code: 'custom', path: ['target'], message: `a ${a.metric} target is a utilisation in (0, 1], such as 0.6` });
  }
});
export type Autoscaling = z.output<typeof autoscalingSchema>;

/**
 * The settings the parts put on each service (`Part.serviceGroup`), by group name. Empty here: a
 * part adds its group's type from its own module, `declare module '../input/scenarioBlocks' {
 * interface ServiceGroups { myGroup?: MyConfig } }`.
 */
export interface ServiceGroups {}
/** The same groups as written in a file (their fields with defaults optional); augmented the same way. */
export interface ServiceGroupsInput {}

/** A part's group of settings on each service, as the service's schema takes it. */
export interface ServiceGroupSchema {
  readonly name: string;
  /** The group's line in the service's settings (kind `group`, flagged optional or not). */
  readonly line: FieldSpec;
  /** The service field it follows; at the end when absent or unknown. */
  readonly after?: string;
  /** Its schema (`objectOf` of the group's lines and defaults). */
  readonly schema: z.ZodType;
  /** May also be written inside the load balancer's object form, `{ algorithm, <name> }` (the older way to write it). */
  readonly inBalancer?: boolean;
}

type Own = (typeof SERVICE_OWN)[number];
type OwnOut = SettingsOut<Own, { autoscaling: typeof autoscalingSchema }>;
type OwnIn<D> = SettingsIn<Own, D, { autoscaling: typeof autoscalingSchema }>;
/** A service's settings after validation: its own, the load balancer's algorithm, and the parts' groups. */
export type ServiceOut = Omit<OwnOut, 'loadBalancer'> & { loadBalancer: LoadBalancerAlgorithm } & ServiceGroups;
type ServiceIn<D> = Omit<OwnIn<D>, 'loadBalancer'> & {
  /** An algorithm, or `{ algorithm, ... }` with a group written inside the balancer (see `ServiceGroupSchema.inBalancer`). */
  loadBalancer?: LoadBalancerAlgorithm | ({ algorithm: LoadBalancerAlgorithm } & ServiceGroupsInput);
} & ServiceGroupsInput;

/**
 * A service's section: its own settings (with these defaults) and the parts' groups. The load
 * balancer is an algorithm, or an object of the algorithm and the groups that may be written
 * inside it; either way the output holds the algorithm, then those groups, at the end.
 */
export function serviceSchema<const D extends Readonly<Record<string, unknown>>>(where: string, defaults: D, groups: readonly ServiceGroupSchema[] = []) {
  const inside = groups.filter((g) => g.inBalancer);
  const algorithm = z.enum(loadBalancerAlgorithms);
  const balancerForm = z.strictObject({ algorithm, ...Object.fromEntries(inside.map((g) => [g.name, g.schema.prefault({}).optional()])) });
  const custom = { autoscaling: autoscalingSchema, loadBalancer: z.union([algorithm, balancerForm]), ...Object.fromEntries(groups.map((g) => [g.name, g.schema])) };
  const schema = objectOf(where, serviceLines(groups), defaults, custom)
    .transform(({ loadBalancer, ...rest }) => {
      const own: Record<string, unknown> = { ...rest };
      const moved = inside.map((g) => {
        const value = typeof loadBalancer === 'object' ? ((loadBalancer as Record<string, unknown>)[g.name] ?? own[g.name]) : own[g.name];
        delete own[g.name];
        return [g.name, value] as const;
      });
      const chosen = typeof loadBalancer === 'object' ? (loadBalancer as { algorithm: unknown }).algorithm : loadBalancer;
      return { ...own, loadBalancer: chosen, ...Object.fromEntries(moved) } as unknown as ServiceOut;
    })
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
    });
  return (schema as unknown as z.ZodType<ServiceOut, ServiceIn<D>>).prefault({} as ServiceIn<D>);
}
