/**
 * Elasticity: the auto-scaler's policy, a group of settings it lends to each section whose capacity
 * it scales (the services, the projectors, the replicas). Its figures (scaling actions, instances
 * over the run) are among each group's.
 */
import { MAX_TIME_S } from '../../input/bounds';
import { SCALING_METRICS, type FieldSpec } from '../../input/fieldSpec';
import type { BuiltinDecl } from './declaration';

export const AUTOSCALING = [
  ['metric', 'choice', '', null, 'What the auto-scaler watches: cpu or memory (utilisation of each instance), rps (requests per second per instance), queue (queued requests per instance), or lag (unapplied events per projector).', SCALING_METRICS],
  ['target', 'number', '', ['per instance', '>0', 1e9], 'The level to hold the metric at: it adds instances (scales out) when above, removes them (scales in) when well below. For cpu and memory a share between 0 and 1, such as 0.6.'],
  ['min', 'integer', '', ['instances', 0, 1000], 'The auto-scaler never goes below this many.'],
  ['max', 'integer', '', ['instances', 0, 1000], 'The auto-scaler never goes above this many, whatever the load (a cost ceiling).'],
  ['intervalS', 'number', '', ['s', 0.1, 3600], 'How often the auto-scaler looks at the metric and decides.'],
  ['cooldownOutS', 'number', '', ['s', 0, MAX_TIME_S], 'After scaling out, wait at least this long before scaling out again (lets new instances start to help first).'],
  ['cooldownInS', 'number', '', ['s', 0, MAX_TIME_S], 'After any scaling, wait at least this long before scaling in (avoids removing capacity that is about to be needed).'],
  ['bootS', 'number', '', ['s', 0, 3600], 'Cold start: how long a new instance boots before it takes requests. Scaling out only helps this long after the decision.'],
  ['schedule', 'list', '', null, 'Scheduled floors: at least this many from a given time on, so capacity is ready before a known peak (pre-warming).'],
] as const satisfies readonly FieldSpec[];

/** A policy's defaults; its metric and target have none (a policy must say what it tracks). */
export const AUTOSCALING_DEFAULTS = { min: 1, max: 10, intervalS: 10, cooldownOutS: 30, cooldownInS: 60, bootS: 10, schedule: [] } as const;

export const elasticityDecl = {
  name: 'elasticity',
  groups: { autoscaling: AUTOSCALING },
  labels: {
    words: {
      'instances.min': 'fewest serving at once',
      'instances.max': 'most serving at once',
      'instances.final': 'serving at the end',
      'scalingActions[].atS': 'scaling action: time',
      'scalingActions[].from': 'scaling action: from',
      'scalingActions[].to': 'scaling action: to',
      scalingActionCount: 'scaling actions',
    },
  },
} as const satisfies BuiltinDecl;
