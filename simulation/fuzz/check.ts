/**
 * One fuzz run: validate a drawn scenario, run it within a budget, and check what must always
 * hold. Host-free (the budget comes in as an interrupt), so the CLI and the unit tests share it.
 *
 * Checks: nothing throws; a refused scenario names a field for every problem; conservation of
 * attempts and of client requests; every number in the report finite and not negative (no NaN,
 * Infinity or null survives a JSON round trip); lag maxima above their p99; the stages of every
 * latency summary adding up to its mean and its tail's mean (stageCheck.ts); on a sample, the same
 * report from a second run (determinism) and, after healing and draining, every committed
 * version on the read model's primary and on every active replica; and Object.prototype as it was.
 */
import { applyChange, buildReport, parseScenario, Simulation, type Report } from '../index';
import { F_ABANDONED, F_PENDING, F_RETRY } from '../model/requestPool';
import { reportStageFailures } from './stageCheck';

export interface RunOutcome {
  /** What happened: refused (invalid, with named problems), done, stopped (a run limit or the budget). */
  kind: 'refused' | 'done' | 'stopped';
  /** Broken invariants, each one sentence; empty when the run is sound. */
  failures: string[];
  checkedDeterminism: boolean;
  checkedDrain: boolean;
  /** The drain made progress but needed more than its hour: not checked. */
  drainTooSlow: boolean;
  stopReason?: string;
  events: number;
}

/** Every number in a value with its path, and every value that is not plain JSON data. */
function walk(v: unknown, path: string, bad: string[]): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) bad.push(`${path} is ${v}`);
    else if (v < 0) bad.push(`${path} is negative (${v})`);
  } else if (v === null) bad.push(`${path} is null`);
  else if (v === undefined) bad.push(`${path} is undefined`);
  else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, bad));
  else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k, bad);
}

/** What must hold of any report, stopped early or not. */
export function reportFailures(r: Report): string[] {
  const bad: string[] = [];
  for (const [name, c] of [['commands', r.commands], ['queries', r.queries]] as const) {
    const ended = c.completed + c.rejected + c.timedOut + c.failed + c.inFlight;
    if (c.offered !== ended) bad.push(`${name}: offered ${c.offered} != completed + rejected + timedOut + failed + inFlight = ${ended}`);
    const q = c.requests;
    if (q.started !== q.succeeded + q.gaveUp + q.inProgress) {
      bad.push(`${name}: requests started ${q.started} != succeeded + gaveUp + inProgress = ${q.succeeded + q.gaveUp + q.inProgress}`);
    }
    if (c.offered !== q.started + c.retries) bad.push(`${name}: offered ${c.offered} != started + retries = ${q.started + c.retries}`);
  }
  walk(r, '', bad);
  for (const [name, lag] of [['consistencyLagMs', r.consistencyLagMs], ['replicaLagMs', r.replicaLagMs]] as const) {
    if (lag.max < lag.p99) bad.push(`${name}.max ${lag.max} < p99 ${lag.p99}`);
  }
  if (r.followUpReads.violations > r.followUpReads.count) bad.push('more read-your-writes violations than follow-up reads');
  // The stages of each latency summary add up to its mean and its tail's mean (docs/stages.md).
  bad.push(...reportStageFailures(r));
  if (JSON.stringify(JSON.parse(JSON.stringify(r))) !== JSON.stringify(r)) bad.push('the report does not survive a JSON round trip');
  return bad;
}

const protoNames = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const PROTO = protoNames();

/** Runs the simulation to its end, stopping when `interrupt` says so. */
function runOnce(input: unknown, interrupt: () => string | null): { sim: Simulation; report: Report } | null {
  const parsed = parseScenario(input);
  if (!parsed.ok) return null;
  const sim = new Simulation(parsed.scenario);
  sim.interrupt = interrupt;
  sim.run();
  return { sim, report: buildReport(sim) };
}

/**
 * Versions applied on every read node together: progress of the write path finer than events
 * that reached every node (with a replication delay of most of an hour, in order, to 32 replicas,
 * no event reaches the last of them within the hour, though every node keeps applying).
 */
function versionsApplied(sim: Simulation): number {
  let n = 0;
  for (const v of sim.nodeVersion) for (let k = 0; k < v.length; k++) n += v[k];
  return n;
}

/**
 * What has drained so far, as numbers that only grow while anything drains: attempts that ended
 * (completed, refused, timed out or failed), attempts that left flight (an instance finishing one
 * whose client gave up appends its write, so the events in flight can grow while the requests
 * drain), events that left flight, versions applied on the read nodes, and events the projectors
 * set aside for good (dead letters: minutes apart, a few an hour).
 */
function drained(sim: Simulation): number[] {
  const r = buildReport(sim);
  const ended = [r.commands, r.queries].reduce((n, c) => n + c.completed + c.rejected + c.timedOut + c.failed, 0);
  return [ended, -sim.reqs.live, -sim.stream.liveEvents, versionsApplied(sim), r.deadLetter?.settled ?? 0];
}

/** Hours of simulated time a drain may take before it is called too slow to check. */
const DRAIN_HOURS = 2;

/**
 * Heals what would keep writes from the read model for good, before a drain: a projector policy
 * (one with max 0 keeps the group empty), no projector, a cut stream.
 */
export function healForDrain(sim: Simulation): void {
  if (sim.scenario.eventStream.autoscaling) applyChange(sim, { set: 'eventStream.autoscaling', value: null });
  applyChange(sim, { set: 'eventStream.projectors', value: Math.max(1, sim.scenario.eventStream.projectors) });
  sim.stream.cut = false;
  for (let c = 0; c < sim.stream.consumers; c++) sim.consume(c);
}

/**
 * Lets everything in flight finish, an hour at a time. An overload can take hours to drain (a
 * backlog at one shard, a slow instance): each hour must make some progress, or the run is stuck;
 * one still busy after `DRAIN_HOURS` is slow, and not checked. An instance also keeps working on
 * attempts whose clients gave up (it does not know they left): one slow enough ends none of them
 * within an hour, and that is slow, not stuck. Returns whether the run went quiet.
 */
function drainChecked(sim: Simulation, out: RunOutcome): boolean {
  for (let hour = 0; hour < DRAIN_HOURS; hour++) {
    const before = drained(sim);
    if (sim.drain()) return true;
    if (sim.stopped !== null) return false;
    const after = drained(sim);
    if (!after.some((v, k) => v > before[k]) && !lateNotStuck(sim)) {
      out.failures.push(`nothing drained in an hour of simulated time: ${sim.reqs.live} requests and ${sim.stream.liveEvents} events still in flight`);
      return false;
    }
  }
  out.drainTooSlow = true;
  return false;
}

/**
 * Whether every attempt left in flight is one its client has given up on: marked so at its
 * timeout (with retries, or a call guard whose `needsTimeouts` is set), or older than the
 * client's timeout (without, the client's give-up is counted when the instance finishes the
 * attempt). True when none is left.
 */
function requestsGivenUp(sim: Simulation): boolean {
  const r = sim.reqs;
  const timeoutMs = sim.scenario.workload.timeoutMs;
  let all = true;
  r.forEachLive((id) => {
    const f = r.flags[id];
    all &&= (f & F_ABANDONED) !== 0 || ((f & (F_PENDING | F_RETRY)) === 0 && sim.nowMs - r.arrivalMs[id] > timeoutMs);
  });
  return all;
}

/**
 * Whether every event left in flight is on its way to replicas with each copy it still waits for
 * on the calendar: exactly as many pending `readStore.replicate` deliveries as copies it lacks.
 * A replication delay can be long (an exponential of mean 58 minutes left one copy outstanding
 * after the drain's hour, fuzz seed 705, run 1581): such a copy is late, not lost. True when none
 * is left.
 */
function eventsCopiesScheduled(sim: Simulation): boolean {
  const s = sim.stream;
  if (s.liveEvents === 0) return true;
  const replicate = sim.engine.kindNames.indexOf('readStore.replicate');
  const scheduled = new Map<number, number>();
  sim.engine.calendar.forEachPending((_t, kind, ev) => {
    if (kind === replicate) scheduled.set(ev, (scheduled.get(ev) ?? 0) + 1);
  });
  if (scheduled.size !== s.liveEvents) return false;
  for (const [ev, n] of scheduled) if (s.pendingReplicas[ev] !== n) return false;
  return true;
}

/**
 * Whether an hour without progress is slow rather than stuck: all that is left is attempts their
 * clients gave up on (an instance slow enough ends none within the hour) and events whose missing
 * replica copies are all scheduled, in any mix. An event waiting with no delivery scheduled (a
 * lost copy), or an attempt a client still waits for, is stuck.
 */
export function lateNotStuck(sim: Simulation): boolean {
  return requestsGivenUp(sim) && eventsCopiesScheduled(sim);
}

/**
 * After a drain: the first key of each active read node that is not at its committed version. A
 * key may stay behind only when its newest write was dropped at the apply (a dead letter), which
 * the projection records per key; never ahead.
 */
export function readNodeFailures(sim: Simulation): string[] {
  const failures: string[] = [];
  for (let node = 0; node < sim.nodeVersion.length; node++) {
    if (node > 0 && !sim.nodeActive[node]) continue;
    const v = sim.nodeVersion[node];
    const w = sim.writeVersion;
    const dropped = sim.projection.droppedVersion;
    let differ = -1;
    for (let k = 0; k < w.length && differ < 0; k++) {
      if (v[k] !== w[k] && !(v[k] < w[k] && dropped !== null && dropped[k] === w[k])) differ = k;
    }
    if (differ >= 0) failures.push(`after draining, read node ${node} has key ${differ} at version ${v[differ]}, committed ${w[differ]}`);
  }
  return failures;
}

export interface CheckOptions {
  /** Stops a run that is over its budget (wall time, memory): a reason, or null to go on. */
  interrupt: () => string | null;
  determinism: boolean;
  drain: boolean;
}

/** Validates, runs and checks one scenario (as a file holds it). Never throws: a throw is a failure. */
export function checkScenario(input: unknown, opts: CheckOptions): RunOutcome {
  const out: RunOutcome = { kind: 'done', failures: [], checkedDeterminism: false, checkedDrain: false, drainTooSlow: false, events: 0 };
  try {
    const parsed = parseScenario(input);
    if (!parsed.ok) {
      out.kind = 'refused';
      for (const p of parsed.problems) if (!p.path || !p.message) out.failures.push(`a problem without a field or message: ${JSON.stringify(p)}`);
      if (parsed.problems.length === 0) out.failures.push('refused with no problem listed');
    } else {
      const first = runOnce(input, opts.interrupt)!;
      out.events = first.sim.events;
      const stop = first.report.stopped;
      if (stop) {
        out.kind = 'stopped';
        out.stopReason = stop.reason;
      }
      out.failures.push(...reportFailures(first.report));
      // Determinism and drains are checked only on runs that ended by themselves (a wall-clock stop is not repeatable).
      if (!stop && opts.determinism) {
        out.checkedDeterminism = true;
        const again = runOnce(input, opts.interrupt)!;
        if (!again.report.stopped && JSON.stringify(again.report) !== JSON.stringify(first.report)) {
          out.failures.push('two runs of the same scenario and seed gave different reports');
        }
      }
      if (!stop && opts.drain) {
        const sim = first.sim;
        healForDrain(sim);
        const quiet = drainChecked(sim, out);
        if (quiet && sim.stopped === null) {
          out.checkedDrain = true;
          out.failures.push(...readNodeFailures(sim));
          out.failures.push(...reportFailures(buildReport(sim)).map((f) => `after draining: ${f}`));
        }
      }
    }
  } catch (e) {
    out.failures.push(`threw: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  if (protoNames() !== PROTO) out.failures.push('Object.prototype changed');
  return out;
}
