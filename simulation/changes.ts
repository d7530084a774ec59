/**
 * Live changes to a running simulation: set one scenario field at the current simulated time.
 * The change is validated like the scenario file itself (same schema, same messages); a change
 * that is refused changes nothing. The page records each accepted change as an intervention
 * `{ atS, set, value }`, so a run replays exactly.
 */
import { fieldAt, FIXED_DURING_RUN, getField, withField } from './fields';
import { parseShape, type Scenario, type ScenarioProblem } from './scenario';
import type { Simulation } from './simulation';

/** Set the field at dotted path `set` (say `queryService.instances`) to `value`; `null` unsets it. */
export interface Change {
  set: string;
  value: unknown;
}

export type ChangeResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

export { FIXED_DURING_RUN };

/**
 * The scenario with one field changed, validated; the caller's scenario is not touched.
 * Checks that the change is allowed during a run.
 */
export function changedScenario(current: Scenario, change: Change): ChangeResult {
  // Paths are looked up in the list of fields, never walked: `__proto__.x` is just unknown.
  const field = fieldAt(change.set);
  if (field === undefined) {
    const message =
      typeof change.set === 'string' && change.set !== ''
        ? 'unknown field'
        : 'must be a dotted field path such as "queryService.instances"';
    return { ok: false, problems: [{ path: 'set', message }] };
  }
  if (field.path === 'faults') {
    return { ok: false, problems: [{ path: 'faults', message: "cannot change during a run: it is the run's timeline" }] };
  }
  // The timelines are not settings: leave them out of the copy (and so out of the cost).
  const { interventions, faults, ...settings } = current;
  const set = withField(settings, field.path, change.value);
  if (!set.ok) return { ok: false, problems: [{ path: set.path, message: set.message }] };
  const next = set.value;
  // Setting a constant rate replaces a rate profile: the person asked for this rate from now on.
  if (field.path === 'workload.rps') delete (next.workload as Record<string, unknown>).profile;
  const parsed = parseShape(next);
  if (!parsed.ok) return parsed;
  for (const fixed of FIXED_DURING_RUN) {
    if (JSON.stringify(getField(current, fixed)) !== JSON.stringify(getField(parsed.scenario, fixed))) {
      return { ok: false, problems: [{ path: fixed, message: 'cannot change during a run: start a new run with it instead' }] };
    }
  }
  parsed.scenario.interventions = interventions;
  parsed.scenario.faults = faults;
  return parsed;
}

/** Applies a change at the simulation's current time. Refused changes change nothing. */
export function applyChange(sim: Simulation, change: Change): ChangeResult {
  const result = changedScenario(sim.scenario, change);
  if (result.ok) reconfigure(sim, result.scenario);
  return result;
}

/** Brings every part of a running simulation in line with a changed scenario. */
function reconfigure(sim: Simulation, next: Scenario): void {
  const prev = sim.scenario;
  const now = sim.nowMs;
  sim.scenario = next;
  sim.configureSamplers(next);
  const w0 = prev.workload;
  const w1 = next.workload;
  if (w0.rps !== w1.rps || w0.arrivals !== w1.arrivals || JSON.stringify(w0.profile) !== JSON.stringify(w1.profile)) {
    sim.resetArrivals();
  }
  const services = [
    [sim.cmd, prev.commandService, next.commandService],
    [sim.qry, prev.queryService, next.queryService],
  ] as const;
  services.forEach(([g, before, cfg], gi) => {
    g.queueCapacity = cfg.queueCapacity;
    g.algorithm = cfg.loadBalancer;
    g.health = cfg.healthCheck;
    g.baseMemoryMb = cfg.baseMemoryMb;
    g.memoryPerRequestMb = cfg.memoryPerRequestMb;
    g.memoryLimitMb = cfg.memoryLimitMb;
    // A manual change of capacity boots new instances like the autoscaler would.
    if (cfg.instances !== before.instances) sim.elasticity.resizeService(gi, cfg.instances, (cfg.autoscaling?.bootS ?? 0) * 1000);
    if (cfg.vcpus !== before.vcpus || cfg.speed !== before.speed) {
      // Vertical scaling restarts instances one at a time: capacity dips while each restarts.
      g.vcpus = cfg.vcpus;
      g.speed = cfg.speed;
      sim.elasticity.rollingRestart(gi);
    }
    g.healthChanged();
  });
  for (const shard of sim.shards) shard.setConnections(next.writeStore.connectionsPerShard, now);
  for (const node of sim.readNodes) node.setConnections(next.readStore.connectionsPerReplica, now);
  sim.stream.setConsumers(next.eventStream.projectors, now, next.eventStream.rebalanceMs);
  sim.setReplicas(next.readStore.replicas);
  sim.elasticity.configureScalers(next, prev);
  sim.elasticity.syncTargets(prev, next);
  sim.elasticity.sampleRanges();
  sim.configureCache(next);
  sim.admitWaiting();
}
