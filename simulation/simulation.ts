/**
 * The CQRS model on the discrete-event engine: clients, two load-balanced services, a sharded
 * write store, an event stream with a projector group, a read store with replicas and a cache.
 *
 * Requests flow: arrival -> load balancer -> instance (queue, vCPU) -> storage -> response.
 * A command commits a new version of its key on its shard; its event is appended to the stream,
 * applied to the read model's primary by a projector, then shipped to each replica. A query runs
 * on an instance, then looks in the cache and, on a miss, reads a replica (the primary where
 * there are none), filling the cache with what it read.
 *
 * The engine knows nothing of wall time: callers advance it in slices with `runUntil`.
 */
import { applyChange } from './changes';
import { ln, pow2 } from './engine/detMath';
import { EventQueue } from './engine/eventQueue';
import { hash32 } from './engine/hash';
import { sampler, stream, type Sampler, type Uniform } from './engine/random';
import { zipfSampler } from './engine/zipf';
import { Area } from './metrics/area';
import { Histogram } from './metrics/histogram';
import { Cache } from './model/cache';
import { ConnectionPool } from './model/connectionPool';
import { EventStream } from './model/eventStream';
import { BOOTING, DRAINING, InstanceGroup, RESTARTING } from './model/instanceGroup';
import { RateProfile } from './model/rateProfile';
import {
  F_CACHE_MISS,
  F_COMMAND,
  F_COUNTED,
  F_ABANDONED,
  F_DEAD,
  F_FOLLOW_UP,
  F_PENDING,
  F_RETRY,
  F_WANTS_FOLLOW_UP,
  RequestPool,
} from './model/requestPool';
import { ClassTally, type FailureCause } from './metrics/classTally';
import { Elasticity } from './elasticity';
import { DEFAULT_LIMITS, INTERRUPT_EVERY, LIMIT_CHECK_EVERY, overLimit, type RunLimits, type RunStop } from './limits';
import type { Scenario } from './scenario';
import type { WindowStats } from './types';

import {
  APPEND_DONE,
  APPLY_DONE,
  ARRIVAL,
  CACHE_DONE,
  DELAYED_ARRIVAL,
  INTERVENTION,
  REPLICATE,
  SERVICE_DONE,
  STORE_DONE,
  TIMEOUT,
  WARMUP,
  WINDOW,
} from './events';

/** Length of one window of the time series, in simulated ms. */
export const WINDOW_MS = 1000;
/** A retry budget's bucket holds at most this many tokens. */
const RETRY_TOKEN_CAP = 100;

export class Simulation {
  /** The scenario as it stands now (interventions change it). */
  scenario: Scenario;
  readonly durationMs: number;
  readonly warmupMs: number;
  /** Current simulated time, ms. */
  nowMs = 0;
  /** Events processed so far. */
  events = 0;
  /** Set when the run stopped before its end (a run limit, or the host's interrupt). */
  stopped: RunStop | null = null;
  /**
   * Asked every `INTERRUPT_EVERY` events by a host that bounds the wall time of a run (the CLI's
   * --max-wall): a sentence stops the run. The engine itself never reads a clock.
   */
  interrupt: (() => string | null) | null = null;
  /** Events until the next check of the run limits, and checks until the next interrupt call. */
  private limitCountdown = LIMIT_CHECK_EVERY;
  private interruptCountdown = INTERRUPT_EVERY / LIMIT_CHECK_EVERY;

  private readonly q = new EventQueue();
  readonly reqs = new RequestPool();

  // Workload.
  private rate: RateProfile;
  private poisson = true;
  private arrivalsStopped = false;
  private arrivalGen = 0;
  private readonly uArrival: Uniform;
  private readonly uMix: Uniform;
  private readonly uKeys: Uniform;
  private readonly uFollowUp: Uniform;
  private nextKey!: () => number;
  private readonly uRetry: Uniform;
  /** Whether clients retry (then each attempt gets a timeout event). */
  private retriesOn = false;
  /** Tokens added per first attempt (Infinity: no budget), and the tokens in the bucket. */
  private retryBudget = Infinity;
  private retryTokens = 0;

  // Services.
  readonly cmd: InstanceGroup;
  readonly qry: InstanceGroup;
  private readonly uCmdService: Uniform;
  private readonly uQryService: Uniform;
  private readonly uFollowUpService: Uniform;
  private cmdService!: Sampler;
  private qryService!: Sampler;
  private followUpService!: Sampler;

  // Write side.
  readonly shards: ConnectionPool[];
  /** Latest committed version per key (0 = never written). */
  readonly writeVersion: Int32Array;
  /** When each key's latest version was committed. */
  readonly lastCommitMs: Float64Array;
  readonly stream: EventStream;
  private readonly uWrite: Uniform;
  private readonly uAppend: Uniform;
  private readonly uApply: Uniform;
  private writeLatency!: Sampler;
  private appendLatency!: Sampler;
  private applyLatency!: Sampler;

  // Read side. Node 0 is the primary; nodes 1..R are replicas.
  readonly readNodes: ConnectionPool[] = [];
  readonly nodeVersion: Int32Array[] = [];
  readonly nodeActive: boolean[] = [];
  private lastDeliveryMs: number[] = [];
  /** Time of the latest append scheduled per partition (appends stay in commit order). */
  private readonly lastAppendMs: Float64Array;
  /** Extra replication delay per node (a fault), ms. */
  readonly extraReplicationMs: number[] = [];
  private activeReplicas: number[] = [];
  private rrReplica = 0;
  private readonly uQuery: Uniform;
  private readonly uReplication: Uniform;
  private queryLatency!: Sampler;
  private replicationLag!: Sampler;
  cache: Cache | null = null;
  private readonly uHit: Uniform;
  private hitLatency!: Sampler;

  readonly elasticity: Elasticity;

  // Metrics.
  readonly commands = new ClassTally();
  readonly queries = new ClassTally();
  readonly cmdInSystem = new Area();
  readonly qryInSystem = new Area();
  readonly cmdQueueWait = new Histogram();
  readonly qryQueueWait = new Histogram();
  readonly consistencyLag = new Histogram();
  readonly replicaLag = new Histogram();
  /** Stale answers: time since the newest write they miss, and versions behind (summed). */
  readonly staleness = new Histogram();
  staleVersionsBehind = 0;
  private readonly windowLag = new Histogram();
  followUps = 0;
  followUpViolations = 0;
  maxLagEvents = 0;
  maxLagMs = 0;
  /** Values of cumulative integrals at the end of warm-up, subtracted in the report. */
  readonly atWarmup = new Map<object, number>();
  private windowStart = new Map<object, number>();
  private lastWindowMs = 0;
  private pendingWindows: WindowStats[] = [];
  lastWindow: WindowStats | null = null;
  /** Per-instance busy integrals at the start of the current window (for per-instance load). */
  private readonly instanceWindowStart = new Map<object, number>();
  /**
   * Utilisation of each instance (keyed by its busy integral) and each storage node (keyed by
   * its pool) over the last complete window: what the topology shows, steady between windows.
   */
  readonly lastWindowUtilization = new Map<object, number>();

  /** `limits` bound the work in flight (the defaults suit every host; tests pass smaller ones). */
  constructor(
    scenario: Scenario,
    private readonly limits: RunLimits = DEFAULT_LIMITS,
  ) {
    this.scenario = scenario;
    const s = scenario;
    const seed = s.seed;
    this.durationMs = s.durationS * 1000;
    this.warmupMs = s.warmupS * 1000;

    this.uArrival = stream(seed, 'workload.arrivals');
    this.uMix = stream(seed, 'workload.mix');
    this.uKeys = stream(seed, 'workload.keys');
    this.uFollowUp = stream(seed, 'workload.followUps');
    this.uRetry = stream(seed, 'workload.retries');
    this.uCmdService = stream(seed, 'commandService.serviceTime');
    this.uQryService = stream(seed, 'queryService.serviceTime');
    this.uFollowUpService = stream(seed, 'queryService.serviceTime.followUps');
    this.uWrite = stream(seed, 'writeStore.latency');
    this.uAppend = stream(seed, 'eventStream.append');
    this.uApply = stream(seed, 'eventStream.apply');
    this.uQuery = stream(seed, 'readStore.query');
    this.uReplication = stream(seed, 'readStore.replication');
    this.uHit = stream(seed, 'cache.hit');

    this.rate = new RateProfile(s.workload);
    this.poisson = s.workload.arrivals === 'poisson';
    this.cmd = new InstanceGroup(s.commandService, stream(seed, 'commandService.loadBalancer'), 0xc0);
    this.qry = new InstanceGroup(s.queryService, stream(seed, 'queryService.loadBalancer'), 0x9e);
    this.shards = Array.from({ length: s.writeStore.shards }, () => new ConnectionPool(s.writeStore.connectionsPerShard));
    this.writeVersion = new Int32Array(s.workload.keys.count);
    this.lastCommitMs = new Float64Array(s.workload.keys.count);
    this.stream = new EventStream(s.eventStream.partitions, s.eventStream.projectors);
    this.lastAppendMs = new Float64Array(s.eventStream.partitions);
    this.addReadNode(); // the primary
    this.setReplicas(s.readStore.replicas);
    this.configureSamplers(s);
    this.configureCache(s);

    this.q.push(this.warmupMs, WARMUP, 0);
    this.q.push(Math.min(WINDOW_MS, this.durationMs), WINDOW, 0);
    s.interventions.forEach((iv, i) => this.q.push(iv.atS * 1000, INTERVENTION, i));
    this.elasticity = new Elasticity(this);
    this.scheduleArrival();
  }

  /** True once simulated time has reached the scenario's duration, or the run was stopped. */
  get done(): boolean {
    return this.nowMs >= this.durationMs || this.stopped !== null;
  }

  /** Stops the run now: nothing more happens, and the report says when and why. */
  halt(reason: string): void {
    this.stopped ??= { atS: this.nowMs / 1000, reason };
  }

  /** Checks the run limits (and the host's interrupt); true when the run must stop. */
  private checkLimits(): boolean {
    const reason = overLimit(this.limits, this.reqs.live, this.stream.liveEvents, this.q.size);
    if (reason !== null) this.halt(reason);
    else if (this.interrupt !== null && --this.interruptCountdown === 0) {
      this.interruptCountdown = INTERRUPT_EVERY / LIMIT_CHECK_EVERY;
      const why = this.interrupt();
      if (why !== null) this.halt(why);
    }
    return this.stopped !== null;
  }

  /**
   * Processes events up to simulated time `tMs` (capped at the duration) or until `maxEvents`
   * have been processed, whichever comes first. Returns true when `tMs` was reached.
   */
  runUntil(tMs: number, maxEvents = Infinity): boolean {
    if (this.stopped !== null) return true;
    const end = Math.min(tMs, this.durationMs);
    const q = this.q;
    let budget = maxEvents;
    // peekTime() is Infinity when the calendar is empty, so one comparison covers both ends.
    while (budget > 0 && q.peekTime() <= end) {
      q.pop();
      this.nowMs = q.time;
      this.events++;
      budget--;
      this.dispatch(q.kind, q.arg, q.arg2);
      if (--this.limitCountdown === 0) {
        this.limitCountdown = LIMIT_CHECK_EVERY;
        if (this.checkLimits()) return true;
      }
    }
    if (q.peekTime() > end) {
      if (end > this.nowMs) this.nowMs = end;
      return true;
    }
    return false;
  }

  /** Runs to the end of the scenario. */
  run(): void {
    this.runUntil(this.durationMs);
  }

  /** Nothing in flight: every attempt ended and every event applied on every node. */
  get quiet(): boolean {
    return this.reqs.live === 0 && this.stream.liveEvents === 0;
  }

  /**
   * Stops arrivals and runs on (past the duration if need be) until the system is quiet, for at
   * most `maxMs` more simulated ms. Returns whether it became quiet.
   */
  drain(maxMs = 3_600_000): boolean {
    this.arrivalsStopped = true;
    this.arrivalGen++;
    const limit = this.nowMs + maxMs;
    const q = this.q;
    while (this.stopped === null && !this.quiet && q.peekTime() <= limit) {
      q.pop();
      this.nowMs = q.time;
      this.events++;
      this.dispatch(q.kind, q.arg, q.arg2);
      if (--this.limitCountdown === 0) {
        this.limitCountdown = LIMIT_CHECK_EVERY;
        this.checkLimits();
      }
    }
    return this.quiet;
  }

  /** Windows of the time series completed since the last call (the caller keeps them). */
  drainWindows(): WindowStats[] {
    const w = this.pendingWindows;
    this.pendingWindows = [];
    return w;
  }

  private dispatch(kind: number, arg: number, arg2: number): void {
    switch (kind) {
      case ARRIVAL:
        return this.onArrival(arg);
      case SERVICE_DONE:
        return this.onServiceDone(arg);
      case STORE_DONE:
        return this.onStoreDone(arg);
      case CACHE_DONE:
        return this.onCacheDone(arg);
      case APPEND_DONE:
        return this.onAppendDone(arg);
      case APPLY_DONE:
        return this.onApplyDone(arg);
      case REPLICATE:
        return this.onReplicate(arg, arg2);
      case DELAYED_ARRIVAL:
        return this.onDelayedArrival(arg);
      case TIMEOUT:
        return this.onTimeout(arg);
      case WINDOW:
        return this.onWindow();
      case WARMUP:
        return this.onWarmup();
      case INTERVENTION: {
        const iv = this.scenario.interventions[arg];
        applyChange(this, { set: iv.set, value: iv.value });
        return;
      }
      default:
        return this.elasticity.dispatch(kind, arg, arg2);
    }
  }

  // ---- Workload -------------------------------------------------------------------------

  /** Schedules an event (for the parts of the model outside this file). */
  schedule(tMs: number, kind: number, arg: number, arg2 = 0): void {
    this.q.push(tMs, kind, arg, arg2);
  }

  private scheduleArrival(): void {
    if (this.arrivalsStopped) return;
    const e = this.poisson ? -ln(1 - this.uArrival()) : 1;
    const t = this.rate.next(this.nowMs, e);
    if (t < this.durationMs) this.q.push(t, ARRIVAL, this.arrivalGen);
  }

  private onArrival(gen: number): void {
    if (gen !== this.arrivalGen) return; // superseded by a change of rate
    this.scheduleArrival();
    const w = this.scenario.workload;
    const wr = w.writeRatio;
    const isCommand = wr >= 1 || (wr > 0 && this.uMix() < wr);
    const r = this.reqs;
    const id = r.alloc();
    r.arrivalMs[id] = this.nowMs;
    r.key[id] = this.nextKey();
    if (isCommand) {
      r.flags[id] |= F_COMMAND;
      r.serviceMs[id] = this.cmdService();
      const ratio = w.followUpReads.ratio;
      if (ratio > 0 && this.uFollowUp() < ratio) r.flags[id] |= F_WANTS_FOLLOW_UP;
    } else {
      r.serviceMs[id] = this.qryService();
    }
    this.admit(id);
  }

  /** A follow-up read or a retry whose delay is over arrives. */
  private onDelayedArrival(id: number): void {
    const r = this.reqs;
    r.flags[id] &= ~F_PENDING;
    r.arrivalMs[id] = this.nowMs;
    // Retries keep the service time drawn for their request; follow-ups draw from their own stream.
    if ((r.flags[id] & F_RETRY) === 0) r.serviceMs[id] = this.followUpService();
    this.admit(id);
  }

  // ---- Services -------------------------------------------------------------------------

  private admit(id: number): void {
    const r = this.reqs;
    const now = this.nowMs;
    const retry = r.attempt[id] > 1;
    // A client request counts if it started after warm-up; its retries count with it.
    if (!retry && now >= this.warmupMs) r.flags[id] |= F_COUNTED;
    const isCommand = (r.flags[id] & F_COMMAND) !== 0;
    const g = isCommand ? this.cmd : this.qry;
    const tally = isCommand ? this.commands : this.queries;
    const counted = (r.flags[id] & F_COUNTED) !== 0;
    tally.offer(counted, retry);
    if (!retry && this.retriesOn) this.retryTokens = Math.min(RETRY_TOKEN_CAP, this.retryTokens + this.retryBudget);
    const i = g.route(r.key[id]);
    if (i < 0) return this.endAttempt(id, 'failed', 'noInstance');
    if (!g.alive[i]) return this.endAttempt(id, 'failed', 'deadInstance');
    if (this.elasticity.injectedFailure(g)) return this.endAttempt(id, 'failed', 'injected');
    if (!g.hasMemoryFor(i)) return this.endAttempt(id, 'rejected');
    if (g.busy[i] < g.vcpusOf[i]) {
      r.instance[id] = i;
      this.startService(g, i, id);
    } else if (g.queues[i].length < g.queueCapacity) {
      r.instance[id] = i;
      g.queues[i].push(id);
      g.queueArea.add(now, 1);
    } else {
      return this.endAttempt(id, 'rejected');
    }
    g.outstanding[i]++;
    g.outstandingArea.add(now, 1);
    (isCommand ? this.cmdInSystem : this.qryInSystem).add(now, 1);
    if (this.retriesOn) {
      r.deadlineMs[id] = now + this.scenario.workload.timeoutMs;
      this.q.push(r.deadlineMs[id], TIMEOUT, id);
    }
  }

  private startService(g: InstanceGroup, i: number, id: number): void {
    const r = this.reqs;
    const now = this.nowMs;
    g.busy[i]++;
    g.busyArea.add(now, 1);
    g.busyAreas[i].add(now, 1);
    if (r.flags[id] & F_COUNTED) (g === this.cmd ? this.cmdQueueWait : this.qryQueueWait).record(now - r.arrivalMs[id]);
    this.q.push(now + (r.serviceMs[id] * g.slowFactor[i]) / g.speedOf[i], SERVICE_DONE, id);
  }

  /** Starts queued requests on instance i while it has free workers. */
  drainQueue(g: InstanceGroup, i: number): void {
    const queue = g.queues[i];
    while (g.busy[i] < g.vcpusOf[i] && queue.length > 0) {
      g.queueArea.add(this.nowMs, -1);
      this.startService(g, i, queue.shift());
    }
  }

  private onServiceDone(id: number): void {
    const r = this.reqs;
    const now = this.nowMs;
    // The instance crashed while this request was on its CPU: the work is lost with it.
    if (r.flags[id] & F_DEAD) return r.release(id);
    const isCommand = (r.flags[id] & F_COMMAND) !== 0;
    const g = isCommand ? this.cmd : this.qry;
    const i = r.instance[id];
    g.busy[i]--;
    g.busyArea.add(now, -1);
    g.busyAreas[i].add(now, -1);
    this.drainQueue(g, i);
    if (isCommand) {
      const shard = this.shardOf(r.key[id]);
      r.resource[id] = shard;
      if (this.elasticity.shardIsDown(shard)) return this.respondFailed(id, 'shardDown');
      if (this.shards[shard].acquire(id, now)) this.q.push(now + this.writeLatency(), STORE_DONE, id);
    } else if (this.cache !== null) {
      this.q.push(now + this.hitLatency(), CACHE_DONE, id);
    } else {
      this.read(id);
    }
  }

  /** The request leaves its instance (answered or failed); frees what it held there. */
  private leaveInstance(id: number): void {
    const r = this.reqs;
    const now = this.nowMs;
    const isCommand = (r.flags[id] & F_COMMAND) !== 0;
    const g = isCommand ? this.cmd : this.qry;
    const i = r.instance[id];
    g.outstanding[i]--;
    g.outstandingArea.add(now, -1);
    if (g.outstanding[i] === 0) this.elasticity.instanceIdle(g, i);
    (isCommand ? this.cmdInSystem : this.qryInSystem).add(now, -1);
  }

  /** A request past its instance's CPU fails (its shard is down). */
  respondFailed(id: number, cause: FailureCause): void {
    const f = this.reqs.flags[id];
    if (f & F_DEAD) return this.reqs.release(id);
    this.leaveInstance(id);
    if (f & F_ABANDONED) return this.reqs.release(id);
    this.endAttempt(id, 'failed', cause);
  }

  /** Ends a request that got an answer: completed, or timed out if the client gave up first. */
  private respond(id: number): void {
    const r = this.reqs;
    const f = r.flags[id];
    // Nobody is listening: the instance died (counted then) or the client moved on (counted then).
    if (f & F_DEAD) return r.release(id);
    this.leaveInstance(id);
    if (f & F_ABANDONED) return r.release(id);
    const now = this.nowMs;
    const isCommand = (f & F_COMMAND) !== 0;
    const latency = now - r.arrivalMs[id];
    const counted = (f & F_COUNTED) !== 0;
    const w = this.scenario.workload;
    if (latency > w.timeoutMs) return this.endAttempt(id, 'timedOut');
    if (isCommand) {
      this.commands.complete(counted, latency);
      if (f & F_WANTS_FOLLOW_UP) {
        // The same client reads the key it just wrote, after a pause.
        const fu = r.alloc();
        r.flags[fu] |= F_FOLLOW_UP | F_PENDING;
        r.key[fu] = r.key[id];
        r.minVersion[fu] = r.version[id];
        this.q.push(now + w.followUpReads.afterMs, DELAYED_ARRIVAL, fu);
      }
    } else {
      const key = r.key[id];
      const behind = this.writeVersion[key] - r.version[id];
      const stale = behind > 0;
      if (stale && counted) {
        // How stale: at least as old as the newest write the answer misses.
        this.staleness.record(now - this.lastCommitMs[key]);
        this.staleVersionsBehind += behind;
      }
      this.queries.complete(counted, latency);
      this.queries.answered(counted, stale);
      if (f & F_FOLLOW_UP && counted) {
        this.followUps++;
        if (r.version[id] < r.minVersion[id]) this.followUpViolations++;
      }
    }
    (isCommand ? this.commands : this.queries).finish(counted, true);
    r.release(id);
  }

  /**
   * An attempt ends without an answer. The client retries it after a backoff if retries are on,
   * the attempt limit allows and the retry budget has a token; otherwise it gives up. Frees the
   * slot unless it stays in the system (a timed-out attempt still being worked on).
   */
  endAttempt(id: number, outcome: 'rejected' | 'timedOut' | 'failed', cause: FailureCause = 'noInstance', keepSlot = false): void {
    const r = this.reqs;
    const f = r.flags[id];
    const counted = (f & F_COUNTED) !== 0;
    const tally = f & F_COMMAND ? this.commands : this.queries;
    if (outcome === 'rejected') tally.reject(counted);
    else if (outcome === 'timedOut') tally.timeOut(counted);
    else tally.fail(counted, cause);
    const rt = this.scenario.workload.retries;
    if (r.attempt[id] <= rt.max && this.takeRetryToken()) {
      const next = r.alloc();
      r.flags[next] |= (f & (F_COMMAND | F_COUNTED | F_WANTS_FOLLOW_UP | F_FOLLOW_UP)) | F_PENDING | F_RETRY;
      r.attempt[next] = r.attempt[id] + 1;
      r.key[next] = r.key[id];
      r.serviceMs[next] = r.serviceMs[id];
      r.minVersion[next] = r.minVersion[id];
      const backoff = rt.backoffMs * pow2(r.attempt[id] - 1);
      this.q.push(this.nowMs + backoff * (1 - rt.jitter * this.uRetry()), DELAYED_ARRIVAL, next);
    } else {
      tally.finish(counted, false);
    }
    if (!keepSlot) r.release(id);
  }

  /** A retry budget (token bucket) allows a retry when it holds a whole token. */
  private takeRetryToken(): boolean {
    if (this.retryBudget === Infinity) return true;
    if (this.retryTokens < 1) return false;
    this.retryTokens--;
    return true;
  }

  /**
   * Instance i of group g crashes: its queue and everything it holds fail at once (the clients'
   * connections break). Work already handed to storage goes on (a write may still commit), but
   * its answer is lost.
   */
  crashInstance(g: InstanceGroup, i: number): void {
    const r = this.reqs;
    const now = this.nowMs;
    g.alive[i] = 0;
    const queue = g.queues[i];
    while (queue.length > 0) {
      const id = queue.shift();
      g.queueArea.add(now, -1);
      this.respondFailed(id, 'deadInstance');
    }
    g.busyArea.add(now, -g.busy[i]);
    g.busyAreas[i].add(now, -g.busy[i]);
    g.busy[i] = 0;
    const isCommandGroup = g === this.cmd;
    r.forEachLive((id) => {
      const f = r.flags[id];
      if (r.instance[id] !== i || ((f & F_COMMAND) !== 0) !== isCommandGroup || f & (F_PENDING | F_DEAD)) return;
      this.leaveInstance(id);
      r.flags[id] |= F_DEAD;
      if ((f & F_ABANDONED) === 0) this.endAttempt(id, 'failed', 'deadInstance', true);
    });
  }

  /** A shard went down: the writes waiting for its connections fail. */
  failWaitingWrites(shard: number): void {
    const waiting = this.shards[shard].waiting;
    while (waiting.length > 0) this.respondFailed(waiting.shift(), 'shardDown');
  }

  /** The client's timeout for one attempt (only scheduled when retries are on). */
  private onTimeout(id: number): void {
    const r = this.reqs;
    const f = r.flags[id];
    if (f === 0 || f & (F_ABANDONED | F_DEAD | F_PENDING) || r.deadlineMs[id] !== this.nowMs) return;
    r.flags[id] |= F_ABANDONED;
    // The attempt stays where it is (the server does not know the client left): only counted now.
    this.endAttempt(id, 'timedOut', 'noInstance', true);
  }

  // ---- Write side -----------------------------------------------------------------------

  shardOf(key: number): number {
    const n = this.shards.length;
    if (this.scenario.writeStore.partitioning === 'range') {
      return Math.floor((key * n) / this.writeVersion.length);
    }
    return hash32(key, 0x5a4d) % n;
  }

  private onStoreDone(id: number): void {
    const r = this.reqs;
    if ((r.flags[id] & F_COMMAND) === 0) return this.onReadDone(id);
    const now = this.nowMs;
    const shard = this.shards[r.resource[id]];
    const next = shard.release(now);
    if (next >= 0) this.q.push(now + this.writeLatency(), STORE_DONE, next);
    // Commit: the new version exists from now; its event goes to the stream.
    const key = r.key[id];
    const v = ++this.writeVersion[key];
    this.lastCommitMs[key] = now;
    r.version[id] = v;
    const sync = this.scenario.eventStream.synchronousAppend;
    const ev = this.stream.alloc(key, v, now, sync ? id : -1);
    // The log keeps commit order per partition: an append never overtakes an earlier one.
    const p = this.stream.partitionOf(key);
    const appendAt = Math.max(now + this.appendLatency(), this.lastAppendMs[p]);
    this.lastAppendMs[p] = appendAt;
    this.q.push(appendAt, APPEND_DONE, ev);
    if (!sync) this.respond(id);
  }

  private onAppendDone(ev: number): void {
    const s = this.stream;
    const waiting = s.waitingRequest[ev];
    if (waiting >= 0) this.respond(waiting);
    const owner = s.append(ev);
    if (this.nowMs >= this.warmupMs && s.lagEvents > this.maxLagEvents) this.maxLagEvents = s.lagEvents;
    if (owner >= 0) this.consume(owner);
  }

  consume(consumer: number): void {
    if (this.stream.take(consumer, this.nowMs) >= 0) this.q.push(this.nowMs + this.applyLatency(), APPLY_DONE, consumer);
  }

  private onApplyDone(consumer: number): void {
    const s = this.stream;
    const now = this.nowMs;
    const ev = s.finish(consumer, now);
    const key = s.key[ev];
    // After a rebalance the partition may belong to another consumer, idle because the
    // partition was blocked by this apply: wake it.
    const owner = s.ownerOf(s.partitionOf(key));
    if (owner >= 0 && owner !== consumer) this.consume(owner);
    const v = s.version[ev];
    const primary = this.nodeVersion[0];
    if (primary[key] < v) primary[key] = v;
    const lag = now - s.commitMs[ev];
    const counted = s.commitMs[ev] >= this.warmupMs;
    if (counted) {
      this.consistencyLag.record(lag);
      if (lag > this.maxLagMs) this.maxLagMs = lag;
    }
    this.windowLag.record(lag);
    const c = this.scenario.cache;
    if (this.cache !== null && c.invalidation !== 'ttl') {
      if (c.onEvent === 'delete') this.cache.delete(key);
      else this.cache.update(key, v, this.expiryFrom(now));
    }
    for (const node of this.activeReplicas) {
      // Log shipping keeps order: a change never reaches a replica before an earlier one.
      const at = Math.max(now + this.replicationLag() + this.extraReplicationMs[node], this.lastDeliveryMs[node]);
      this.lastDeliveryMs[node] = at;
      this.q.push(at, REPLICATE, ev, node);
      s.pendingReplicas[ev]++;
    }
    if (s.pendingReplicas[ev] === 0) {
      if (counted) this.replicaLag.record(lag);
      s.release(ev);
    }
    this.consume(consumer);
  }

  private onReplicate(ev: number, node: number): void {
    const s = this.stream;
    const versions = this.nodeVersion[node];
    const key = s.key[ev];
    if (versions[key] < s.version[ev]) versions[key] = s.version[ev];
    if (--s.pendingReplicas[ev] === 0) {
      if (s.commitMs[ev] >= this.warmupMs) this.replicaLag.record(this.nowMs - s.commitMs[ev]);
      s.release(ev);
    }
  }

  // ---- Read side ------------------------------------------------------------------------

  private onCacheDone(id: number): void {
    const r = this.reqs;
    const cache = this.cache;
    const counted = (r.flags[id] & F_COUNTED) !== 0;
    if (cache !== null && cache.get(r.key[id], this.nowMs)) {
      this.queries.lookup(counted, true);
      r.version[id] = cache.hitVersion;
      this.respond(id);
      return;
    }
    // The cache may have been switched off while this lookup was on its way: a plain miss.
    this.queries.lookup(counted, false);
    r.flags[id] |= F_CACHE_MISS;
    this.read(id);
  }

  private read(id: number): void {
    const reps = this.activeReplicas;
    const node = reps.length === 0 ? 0 : reps[this.rrReplica++ % reps.length];
    this.reqs.resource[id] = node;
    if (this.readNodes[node].acquire(id, this.nowMs)) this.startRead(id);
  }

  /** The read sees the node's data as of its start; the answer arrives after the query latency. */
  private startRead(id: number): void {
    const r = this.reqs;
    const node = r.resource[id];
    r.version[id] = this.nodeVersion[node][r.key[id]];
    const rs = this.scenario.readStore;
    const factor = rs.indexed ? 1 : rs.unindexedFactor;
    this.q.push(this.nowMs + this.queryLatency() * factor, STORE_DONE, id);
  }

  private onReadDone(id: number): void {
    const r = this.reqs;
    const next = this.readNodes[r.resource[id]].release(this.nowMs);
    if (next >= 0) this.startRead(next);
    // Fill the cache with what was read, even if it is older than what the cache was told
    // about meanwhile: the stale-refill race of event-driven invalidation, left visible.
    if (this.cache !== null && r.flags[id] & F_CACHE_MISS) {
      this.cache.put(r.key[id], r.version[id], this.expiryFrom(this.nowMs));
    }
    this.respond(id);
  }

  private expiryFrom(nowMs: number): number {
    const c = this.scenario.cache;
    return c.invalidation === 'event' ? Infinity : nowMs + c.ttlS * 1000;
  }

  private addReadNode(): void {
    const rs = this.scenario.readStore;
    this.readNodes.push(new ConnectionPool(rs.connectionsPerReplica, this.nowMs));
    // A new replica starts from a copy of the primary (a snapshot restore).
    this.nodeVersion.push(this.nodeVersion.length === 0 ? new Int32Array(this.writeVersion.length) : this.nodeVersion[0].slice());
    this.nodeActive.push(true);
    this.lastDeliveryMs.push(this.nowMs);
    this.extraReplicationMs.push(0);
  }

  /** Sets the number of active read replicas; removed ones finish their reads, then idle. */
  setReplicas(n: number): void {
    for (let node = 1; node <= n; node++) {
      if (node >= this.readNodes.length) this.addReadNode();
      else if (!this.nodeActive[node]) {
        this.nodeActive[node] = true;
        this.nodeVersion[node].set(this.nodeVersion[0]);
        this.lastDeliveryMs[node] = this.nowMs;
      }
    }
    for (let node = n + 1; node < this.readNodes.length; node++) this.nodeActive[node] = false;
    this.activeReplicas = [];
    for (let node = 1; node < this.readNodes.length; node++) if (this.nodeActive[node]) this.activeReplicas.push(node);
  }

  // ---- Configuration --------------------------------------------------------------------

  /** (Re)builds the samplers from the scenario; streams continue, so replays match. */
  configureSamplers(s: Scenario): void {
    const k = s.workload.keys;
    if (k.distribution === 'zipf') {
      const z = zipfSampler(k.count, k.zipfS, this.uKeys);
      this.nextKey = () => z() - 1;
    } else {
      const n = k.count;
      const u = this.uKeys;
      this.nextKey = () => Math.floor(u() * n);
    }
    this.cmdService = sampler(s.commandService.serviceTimeMs, this.uCmdService);
    this.qryService = sampler(s.queryService.serviceTimeMs, this.uQryService);
    this.followUpService = sampler(s.queryService.serviceTimeMs, this.uFollowUpService);
    this.writeLatency = sampler(s.writeStore.writeLatencyMs, this.uWrite);
    this.appendLatency = sampler(s.eventStream.appendLatencyMs, this.uAppend);
    this.applyLatency = sampler(s.eventStream.applyLatencyMs, this.uApply);
    this.queryLatency = sampler(s.readStore.queryLatencyMs, this.uQuery);
    this.replicationLag = sampler(s.readStore.replicationLagMs, this.uReplication);
    this.hitLatency = sampler(s.cache.hitLatencyMs, this.uHit);
    const rt = s.workload.retries;
    this.retriesOn = rt.max > 0;
    this.retryBudget = rt.budget ?? Infinity;
  }

  configureCache(s: Scenario): void {
    const c = s.cache;
    if (!c.enabled) {
      this.cache = null;
    } else if (this.cache === null || this.cache.nodes !== c.nodes) {
      this.cache = new Cache(s.workload.keys.count, c.nodes, c.capacityPerNode);
    } else if (this.cache.capacity !== c.capacityPerNode) {
      this.cache.setCapacity(c.capacityPerNode);
    }
  }

  /** Restarts the arrival process from now under the current workload (Poisson is memoryless). */
  resetArrivals(): void {
    this.rate = new RateProfile(this.scenario.workload, this.nowMs);
    this.poisson = this.scenario.workload.arrivals === 'poisson';
    this.arrivalGen++;
    this.scheduleArrival();
  }

  /** Starts waiting work after a capacity change on a service or a store. */
  admitWaiting(): void {
    for (const g of [this.cmd, this.qry]) for (let i = 0; i < g.size; i++) this.drainQueue(g, i);
    for (const shard of this.shards) {
      for (let id = shard.admitWaiting(this.nowMs); id >= 0; id = shard.admitWaiting(this.nowMs)) {
        this.q.push(this.nowMs + this.writeLatency(), STORE_DONE, id);
      }
    }
    for (const node of this.readNodes) {
      for (let id = node.admitWaiting(this.nowMs); id >= 0; id = node.admitWaiting(this.nowMs)) this.startRead(id);
    }
    for (let c = 0; c < this.stream.consumers; c++) this.consume(c);
  }

  // ---- Windows --------------------------------------------------------------------------

  private onWarmup(): void {
    const now = this.nowMs;
    for (const a of this.integrals()) this.atWarmup.set(a, a.at(now));
    for (const p of [...this.shards, ...this.readNodes]) p.opsAtWarmup = p.ops;
  }

  /** Every cumulative integral the report and the windows take differences of. */
  integrals(): Area[] {
    const list = [this.cmdInSystem, this.qryInSystem, this.stream.busyArea, this.stream.consumerArea];
    for (const g of [this.cmd, this.qry]) list.push(g.busyArea, g.capacityArea, g.queueArea, g.outstandingArea, g.servingArea);
    for (const p of [...this.shards, ...this.readNodes]) list.push(p.busyArea, p.capacityArea);
    return list;
  }

  private onWindow(): void {
    const now = this.nowMs;
    const spanMs = now - this.lastWindowMs;
    const since = (a: Area) => a.at(now) - (this.windowStart.get(a) ?? 0);
    const group = (g: InstanceGroup) => {
      const cap = since(g.capacityArea);
      return {
        utilization: cap > 0 ? since(g.busyArea) / cap : 0,
        meanQueueLength: spanMs > 0 ? since(g.queueArea) / spanMs : 0,
        instances: g.readyCount,
        booting: g.count(BOOTING),
        draining: g.count(DRAINING) + g.count(RESTARTING),
      };
    };
    const oldest = this.stream.oldestCommitMs();
    const c = this.commands;
    const q = this.queries;
    const errors = {
      deadInstance: c.windowFailedBy.deadInstance + q.windowFailedBy.deadInstance,
      shardDown: c.windowFailedBy.shardDown + q.windowFailedBy.shardDown,
      injected: c.windowFailedBy.injected + q.windowFailedBy.injected,
      noInstance: c.windowFailedBy.noInstance + q.windowFailedBy.noInstance,
    };
    const hours = (a: Area) => a.at(now) / 3_600_000;
    const w: WindowStats = {
      tS: now / 1000,
      commands: this.commands.closeWindow(),
      queries: this.queries.closeWindow(),
      consistencyLagP50Ms: this.windowLag.quantile(0.5),
      consistencyLagP99Ms: this.windowLag.quantile(0.99),
      streamLagEvents: this.stream.lagEvents,
      streamLagMs: oldest === Infinity ? 0 : now - oldest,
      cacheHitRatio: this.queries.windowHitRatio(),
      staleReadRatio: this.queries.windowStaleRatio(),
      commandService: group(this.cmd),
      queryService: group(this.qry),
      projectors: this.stream.consumers,
      replicas: this.activeReplicas.length,
      errors,
      costVcpuHours:
        hours(this.cmd.vcpuArea) + hours(this.qry.vcpuArea) + hours(this.stream.consumerArea) + hours(this.elasticity.replicaArea),
    };
    this.elasticity.sampleRanges();
    this.queries.resetWindowRatios();
    this.windowLag.reset();
    if (now >= this.warmupMs && w.streamLagMs > this.maxLagMs) this.maxLagMs = w.streamLagMs;
    for (const g of [this.cmd, this.qry]) {
      g.busyAreas.forEach((a, i) => {
        const busyMs = a.at(now) - (this.instanceWindowStart.get(a) ?? 0);
        this.lastWindowUtilization.set(a, spanMs > 0 ? Math.min(1, busyMs / (spanMs * g.vcpusOf[i])) : 0);
        this.instanceWindowStart.set(a, a.at(now));
      });
    }
    for (const p of [...this.shards, ...this.readNodes]) {
      const cap = since(p.capacityArea);
      this.lastWindowUtilization.set(p, cap > 0 ? Math.min(1, since(p.busyArea) / cap) : 0);
    }
    for (const a of this.integrals()) this.windowStart.set(a, a.at(now));
    this.lastWindow = w;
    this.pendingWindows.push(w);
    this.lastWindowMs = now;
    if (now < this.durationMs) this.q.push(Math.min(now + WINDOW_MS, this.durationMs), WINDOW, 0);
  }
}
