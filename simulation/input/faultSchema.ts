/**
 * The fault timeline's format: the kinds of fault, what each applies to and needs, and the schema
 * of one fault (part of the scenario file, `scenario.ts`).
 */
import { z } from 'zod';

/** Longest time of any kind in a scenario (as in scenario.ts). */
const MAX_TIME_S = 1_000_000;
/** Longest single delay, ms (as in scenario.ts). */
const MAX_DELAY_MS = 3_600_000;
const seconds = () => z.number().min(0).max(MAX_TIME_S);
const delayMs = () => z.number().min(0).max(MAX_DELAY_MS);
const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const faultKinds = [
  'crash',
  'recover',
  'slow',
  'errors',
  'shardDown',
  'shardUp',
  'cacheFlush',
  'streamCut',
  'streamHeal',
  'replicaLag',
] as const;
export type FaultKind = (typeof faultKinds)[number];
export const faultTargets = ['commandService', 'queryService', 'writeStore', 'eventStream', 'readStore', 'cache'] as const;

/** Which target each fault kind applies to, and the fields it needs. */
export const FAULT_RULES: Record<FaultKind, { targets: readonly string[]; needs: readonly string[] }> = {
  crash: { targets: ['commandService', 'queryService'], needs: ['instance'] },
  recover: { targets: ['commandService', 'queryService'], needs: ['instance'] },
  slow: { targets: ['commandService', 'queryService'], needs: ['instance', 'factor'] },
  errors: { targets: ['commandService', 'queryService'], needs: ['fraction'] },
  shardDown: { targets: ['writeStore'], needs: ['shard'] },
  shardUp: { targets: ['writeStore'], needs: ['shard'] },
  cacheFlush: { targets: ['cache'], needs: [] },
  streamCut: { targets: ['eventStream'], needs: [] },
  streamHeal: { targets: ['eventStream'], needs: [] },
  replicaLag: { targets: ['readStore'], needs: ['instance', 'ms'] },
};

export const faultSchema = z
  .strictObject({
    atS: seconds(),
    kind: z.enum(faultKinds),
    target: z.enum(faultTargets),
    /** Instance number in its group (0-based); for replicaLag, the replica number (0-based). */
    instance: int(0, 999).optional(),
    shard: int(0, 1023).optional(),
    /** slow: service time multiplier (gray failure). */
    factor: z.number().gt(0).max(10_000).optional(),
    /** errors: fraction of requests failed at random. */
    fraction: z.number().min(0).max(1).optional(),
    /** replicaLag: extra replication delay in ms. */
    ms: delayMs().optional(),
    /** Undo the fault after this many seconds. */
    forS: z.number().gt(0).max(MAX_TIME_S).optional(),
  })
  .superRefine((f, ctx) => {
    const rule = FAULT_RULES[f.kind];
    if (!rule.targets.includes(f.target)) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: `a ${f.kind} fault applies to ${rule.targets.join(' or ')}` });
    }
    for (const field of rule.needs) {
      if ((f as Record<string, unknown>)[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `required for a ${f.kind} fault` });
      }
    }
  });
export type Fault = z.output<typeof faultSchema>;
