/**
 * The scenario file format, version 1: a public format that people write by hand.
 *
 * Every field is optional and has a default, so `{ "version": 1 }` is the default scenario.
 * Unknown fields are errors. Times in the file carry their unit in the name (`durationS`, `afterMs`).
 */
import { z } from 'zod';
import { faultSchema } from './input/faultSchema';
import { autoscalingSchema, MAX_INTERVENTIONS, seconds, serviceSchema } from './input/scenarioBlocks';
import { typedObjectOf } from './input/specSchema';
import { BUILTIN as B } from './parts/decl';

export { FAULT_RULES, faultKinds, faultTargets, type Fault, type FaultKind } from './input/faultSchema';
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
  type Latency,
  type LoadBalancerAlgorithm,
  type ScalingMetric,
  type ServiceGroups,
  type ServiceGroupsInput,
} from './input/scenarioBlocks';

/** A point of a rate profile: from `atS` the rate moves to `rps` over `rampS`. */
const profile = z.array(z.strictObject({ atS: seconds(), rps: z.number().min(0).max(1_000_000), rampS: seconds().default(0) })).max(1000);

/** The scenario's own top-level fields, in the file's order (its version must be 1). */
const root = typedObjectOf('', B[''].lines, B[''].defaults, { version: z.literal(1) });

/**
 * The built-in sections of the scenario, in the file's order, made from their lines and defaults
 * in the built-in parts' declarations (`parts/decl/`). The sections the parts own (`Part.section`) are not here:
 * `scenarioSchema.ts` puts them after `pricing`, before the timelines, and adds the parts' groups
 * to the services; this module names no part (the parts import its types).
 */
export const builtinShape = {
  ...root.shape,
  workload: typedObjectOf('workload', B.workload.lines, B.workload.defaults, { profile }).prefault({}),
  commandService: serviceSchema('commandService', B.commandService.defaults),
  queryService: serviceSchema('queryService', B.queryService.defaults),
  writeStore: typedObjectOf('writeStore', B.writeStore.lines, B.writeStore.defaults).prefault({}),
  eventStream: typedObjectOf('eventStream', B.eventStream.lines, B.eventStream.defaults, { autoscaling: autoscalingSchema }).prefault({}),
  readStore: typedObjectOf('readStore', B.readStore.lines, B.readStore.defaults, { autoscaling: autoscalingSchema }).prefault({}),
  cache: typedObjectOf('cache', B.cache.lines, B.cache.defaults).prefault({}),
  pricing: typedObjectOf('pricing', B.pricing.lines, B.pricing.defaults).prefault({}),
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
