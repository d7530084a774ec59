/**
 * The clients and their workload: open-loop arrivals at the rate profile's rate, the mix of
 * commands and queries, the keys, follow-up reads of what a client just wrote, timeouts, and
 * retries with backoff and a retry budget. Every attempt starts here (`send`) and ends here
 * (`respond`, `respondFailed` or `endAttempt`), where it is counted by its service's tally.
 * The arrival process itself is model/arrivals.ts; the retry budget and backoff, model/retryBudget.ts.
 */
import type { Engine } from '../engine/core';
import type { EventQueue } from '../engine/eventQueue';
import { stream, type Uniform } from '../engine/random';
import type { FailureCause } from '../metrics/classTally';
import { Histogram } from '../metrics/histogram';
import { Arrivals, arrivalsChanged } from '../model/arrivals';
import { keySampler, type KeySampler } from '../model/keys';
import { F_ABANDONED, F_COMMAND, F_COUNTED, F_DEAD, F_FOLLOW_UP, F_PENDING, F_RETRY, F_TRACED, F_WANTS_FOLLOW_UP, type RequestPool } from '../model/requestPool';
import { backoffMs, RetryBudget } from '../model/retryBudget';
import { REQUEST_SLOTS, S_CLIENT_VALUE, S_QUEUE_WAIT, S_VALUE } from '../model/stageSlots';
import type { Scenario } from '../scenario';
import type { AnswerWatcher, AttemptOutcome, CallGuard, Guarded, Outcomes, RequestTracer, Versions } from './ports';
import type { Service } from './service';
import type { World } from './world';

export class Clients implements Outcomes, Guarded {
  /** Stale answers: time since the newest write they miss, and versions behind (summed). */
  readonly staleness = new Histogram();
  staleVersionsBehind = 0;
  followUps = 0;
  followUpViolations = 0;

  private readonly engine: Engine;
  private readonly calendar: EventQueue;
  private readonly reqs: RequestPool;
  private readonly arrivals: Arrivals;
  private readonly uMix: Uniform;
  private readonly uKeys: Uniform;
  private readonly uFollowUp: Uniform;
  private readonly uRetry: Uniform;
  private nextKey!: KeySampler;
  /** Whether clients retry (then each attempt gets a timeout event). */
  private retriesOn = false;
  /** The trace sample's keeper (Simulation.trace), and one told of every answer (Simulation.watch), or null. */
  tracer: RequestTracer | null = null;
  watcher: AnswerWatcher | null = null;
  /** Client requests arrived so far (a follow-up read is one): the last one's number. */
  arrived = 0;
  /** Whether attempts get a timeout event: retries on, or a guard that must learn of timeouts. */
  private timeoutsOn = false;
  private readonly retryBudget = new RetryBudget();
  /** The workload's settings read on every request, kept from the scenario by `configure`. */
  private writeRatio = 0;
  private followUpRatio = 0;
  private followUpAfterMs = 0;
  private timeoutMs = 0;
  /** Guards per service (a part's, see ports.ts), or null. */
  private commandGuard: CallGuard | null = null;
  private queryGuard: CallGuard | null = null;
  private readonly arrivalKind: number;
  private readonly delayedKind: number;
  private readonly timeoutKind: number;

  constructor(
    private readonly world: World,
    private readonly command: Service,
    private readonly query: Service,
    private readonly versions: Versions,
  ) {
    const s = world.scenario;
    this.engine = world.engine;
    this.calendar = world.engine.calendar;
    this.reqs = world.reqs;
    this.arrivals = new Arrivals(stream(s.seed, 'workload.arrivals'), s.workload, world.engine);
    this.uMix = stream(s.seed, 'workload.mix');
    this.uKeys = stream(s.seed, 'workload.keys');
    this.uFollowUp = stream(s.seed, 'workload.followUps');
    this.uRetry = stream(s.seed, 'workload.retries');
    this.arrivalKind = world.engine.on('clients.arrival', this.onArrival, this);
    // A follow-up read or a retry whose delay is over.
    this.delayedKind = world.engine.on('clients.delayedArrival', this.onDelayedArrival, this);
    this.timeoutKind = world.engine.on('clients.timeout', this.onTimeout, this);
    this.configure(s);
  }

  /** (Re)builds the key sampler and the retry settings from the scenario; streams continue. */
  configure(s: Scenario): void {
    const w = s.workload;
    this.nextKey = keySampler(w.keys, this.uKeys);
    this.retriesOn = w.retries.max > 0;
    this.timeoutsOn = this.retriesOn || (this.commandGuard?.needsTimeouts ?? false) || (this.queryGuard?.needsTimeouts ?? false);
    this.retryBudget.configure(w.retries.budget);
    this.writeRatio = w.writeRatio;
    this.followUpRatio = w.followUpReads.ratio;
    this.followUpAfterMs = w.followUpReads.afterMs;
    this.timeoutMs = w.timeoutMs;
  }

  /** A live change: the settings again; the arrivals restart from now (Poisson is memoryless) when their rate, process or profile changed. */
  reconfigure(next: Scenario, prev: Scenario): void {
    this.configure(next);
    if (!arrivalsChanged(prev.workload, next.workload)) return;
    this.arrivals.restart(next.workload, this.engine.nowMs);
    this.scheduleArrival();
  }

  /** Puts guards (or nothing) in front of each service. */
  setGuards(command: CallGuard | null, query: CallGuard | null): void {
    this.commandGuard = command;
    this.queryGuard = query;
    this.timeoutsOn = this.retriesOn || (command?.needsTimeouts ?? false) || (query?.needsTimeouts ?? false);
  }

  /** The first arrival. */
  start = (): void => this.scheduleArrival();
  /** Arrivals stop for good (a drain). */
  stop = (): void => this.arrivals.stop();

  private serviceOf(id: number): Service {
    return this.reqs.flags[id] & F_COMMAND ? this.command : this.query;
  }

  private guardOf(id: number): CallGuard | null {
    return this.reqs.flags[id] & F_COMMAND ? this.commandGuard : this.queryGuard;
  }

  private scheduleArrival(): void {
    this.arrivals.step();
    if (this.arrivals.nextMs[0] < this.world.durationMs) this.calendar.push(this.arrivals.nextMs[0], this.arrivalKind, this.arrivals.gen);
  }

  private onArrival(gen: number): void {
    if (gen !== this.arrivals.gen) return; // superseded by a change of rate
    this.scheduleArrival();
    const wr = this.writeRatio;
    const isCommand = wr >= 1 || (wr > 0 && this.uMix.next() < wr);
    const r = this.reqs;
    const id = r.alloc();
    r.arrivalMs[id] = r.firstMs[id] = r.markMs[id] = this.engine.nowMs;
    r.key[id] = this.nextKey.next();
    if (isCommand) {
      r.flags[id] |= F_COMMAND;
      r.serviceMs[id] = this.command.serviceTime.draw();
      const ratio = this.followUpRatio;
      if (ratio > 0 && this.uFollowUp.next() < ratio) r.flags[id] |= F_WANTS_FOLLOW_UP;
    } else {
      r.serviceMs[id] = this.query.serviceTime.draw();
    }
    this.arrive(id);
    this.send(id);
  }

  /** Numbers a client request as it arrives, for a tracer and a watcher. */
  private arrive(id: number): void {
    const n = ++this.arrived;
    if (this.tracer !== null) this.tracer.arrive(id, n, this.engine.nowMs);
    if (this.watcher !== null) this.watcher.arrive(id, n);
  }

  private onDelayedArrival(id: number): void {
    const r = this.reqs;
    r.flags[id] &= ~F_PENDING;
    r.arrivalMs[id] = this.engine.nowMs;
    // A retry got its service time when it was scheduled; a follow-up starts a client request and
    // draws from its own stream.
    if ((r.flags[id] & F_RETRY) === 0) {
      r.firstMs[id] = r.markMs[id] = this.engine.nowMs;
      r.serviceMs[id] = this.query.followUpTime!.draw();
      this.arrive(id);
    }
    this.send(id);
  }

  /** An attempt goes out to its service. */
  private send(id: number): void {
    const r = this.reqs;
    const now = this.engine.nowMs;
    const retry = r.attempt[id] > 1;
    // Its first stage: a retry's back-off ends here (a first attempt entered it as it arrived).
    if (retry) r.enter(id, S_QUEUE_WAIT);
    // A client request counts if it started after warm-up; its retries count with it.
    if (!retry && now >= this.world.warmupMs) r.flags[id] |= F_COUNTED;
    const isCommand = (r.flags[id] & F_COMMAND) !== 0;
    const service = isCommand ? this.command : this.query;
    service.tally.offer((r.flags[id] & F_COUNTED) !== 0, retry);
    if (!retry && this.retriesOn) this.retryBudget.earn();
    const guard = isCommand ? this.commandGuard : this.queryGuard;
    if (guard !== null && !guard.allow(id)) return this.endAttempt(id, 'failed', guard.cause);
    if (!service.admit(id)) return;
    if (this.timeoutsOn) {
      r.deadlineMs[id] = now + this.timeoutMs;
      this.calendar.push(r.deadlineMs[id], this.timeoutKind, id);
    }
  }

  /** The client's timeout for one attempt (scheduled only when retries or a guard that needs timeouts are on). */
  private onTimeout(id: number): void {
    const r = this.reqs;
    const f = r.flags[id];
    if (f === 0 || f & (F_ABANDONED | F_DEAD | F_PENDING) || r.deadlineMs[id] !== this.engine.nowMs) return;
    r.flags[id] |= F_ABANDONED;
    // The attempt stays where it is (the server does not know the client left): only counted now.
    this.endAttempt(id, 'timedOut', 'noInstance', true);
  }

  /** Ends a request that got an answer: completed, or timed out if the client gave up first. */
  respond(id: number): void {
    const r = this.reqs;
    const f = r.flags[id];
    // Nobody is listening: the instance died (counted then) or the client moved on (counted then).
    if (f & F_DEAD) return r.release(id);
    const service = f & F_COMMAND ? this.command : this.query;
    service.leave(id);
    if (f & F_ABANDONED) return r.release(id);
    const now = this.engine.nowMs;
    const latency = now - r.arrivalMs[id];
    const counted = (f & F_COUNTED) !== 0;
    if (latency > this.timeoutMs) return this.endAttempt(id, 'timedOut');
    const guard = f & F_COMMAND ? this.commandGuard : this.queryGuard;
    if (guard !== null) guard.record(id, true);
    const open = r.open[id];
    r.enter(id, open); // the stage it answered from ends now
    const at = id * REQUEST_SLOTS;
    r.stageMs[at + S_CLIENT_VALUE] = now - r.firstMs[id];
    r.stageMs[at + S_VALUE] = latency;
    service.tally.answer(counted, r.stageMs, at, open, r.stageMask[id]);
    if (f & F_TRACED) this.tracer!.answered(id, now);
    if (this.watcher !== null) this.watcher.answered(id, r.firstMs[id], now, (f & F_COMMAND) !== 0);
    if (f & F_COMMAND) {
      if (f & F_WANTS_FOLLOW_UP) {
        // The same client reads the key it just wrote, after a pause.
        const fu = r.alloc();
        r.flags[fu] |= F_FOLLOW_UP | F_PENDING;
        r.key[fu] = r.key[id];
        r.minVersion[fu] = r.version[id];
        this.calendar.push(now + this.followUpAfterMs, this.delayedKind, fu);
      }
    } else {
      const key = r.key[id];
      const behind = this.versions.writeVersion[key] - r.version[id];
      const stale = behind > 0;
      if (stale && counted) {
        // How stale: at least as old as the newest write the answer misses.
        this.staleness.record(now - this.versions.lastCommitMs[key]);
        this.staleVersionsBehind += behind;
      }
      service.tally.answered(counted, stale);
      if (f & F_FOLLOW_UP && counted) {
        this.followUps++;
        if (r.version[id] < r.minVersion[id]) this.followUpViolations++;
      }
    }
    r.release(id);
  }

  /** A request past its instance's CPU fails (its shard is down, its instance crashed). */
  respondFailed(id: number, cause: FailureCause): void {
    const f = this.reqs.flags[id];
    if (f & F_DEAD) return this.reqs.release(id);
    this.serviceOf(id).leave(id);
    if (f & F_ABANDONED) return this.reqs.release(id);
    this.endAttempt(id, 'failed', cause);
  }

  /**
   * An attempt ends without an answer: retried after a backoff if retries are on, the attempt limit allows and the retry
   * budget has a token, or given up. Frees the slot unless it stays in the system (a timed-out attempt still worked on).
   */
  endAttempt(id: number, outcome: AttemptOutcome, cause: FailureCause = 'noInstance', keepSlot = false): void {
    const r = this.reqs;
    const f = r.flags[id];
    const counted = (f & F_COUNTED) !== 0;
    const tally = this.serviceOf(id).tally;
    if (outcome === 'rejected') tally.reject(counted);
    else if (outcome === 'timedOut') tally.timeOut(counted);
    else tally.fail(counted, cause);
    const guard = this.guardOf(id);
    // An attempt the guard refused itself tells it nothing new.
    if (guard !== null && cause !== guard.cause) guard.record(id, false);
    const rt = this.world.scenario.workload.retries;
    if (r.attempt[id] <= rt.max && this.retryBudget.take()) {
      const next = r.alloc();
      r.flags[next] |= (f & (F_COMMAND | F_COUNTED | F_WANTS_FOLLOW_UP | F_FOLLOW_UP | F_TRACED)) | F_PENDING | F_RETRY;
      r.attempt[next] = r.attempt[id] + 1;
      r.key[next] = r.key[id];
      r.firstMs[next] = r.firstMs[id];
      // A fresh attempt draws its own work, unless the request is inherently slow (kept draw).
      r.serviceMs[next] = rt.keepServiceTime ? r.serviceMs[id] : this.serviceOf(id).retryTime.draw();
      r.minVersion[next] = r.minVersion[id];
      r.retryStages(id, next, this.engine.nowMs);
      if (f & F_TRACED) this.tracer!.attemptEnded(id, outcome, this.engine.nowMs, next, 0);
      if (this.watcher !== null) this.watcher.retried(id, next);
      this.calendar.push(this.engine.nowMs + backoffMs(rt.backoffMs, rt.jitter, r.attempt[id], this.uRetry.next()), this.delayedKind, next);
    } else {
      // A client that timed out stopped waiting at its deadline, even if the late answer came after.
      const now = this.engine.nowMs;
      const end = outcome === 'timedOut' ? Math.min(now, r.arrivalMs[id] + this.timeoutMs) : now;
      tally.giveUp(counted, end - r.firstMs[id]);
      if (f & F_TRACED) this.tracer!.attemptEnded(id, outcome, now, -1, end);
    }
    if (!keepSlot) r.release(id);
  }
}
