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
import { EventQueue } from './engine/eventQueue';
import { hash32 } from './engine/hash';
import { sampler, stream, type Sampler, type Uniform } from './engine/random';
import { zipfSampler } from './engine/zipf';
import { Area } from './metrics/area';
import { Histogram } from './metrics/histogram';
import { Cache } from './model/cache';
import { ConnectionPool } from './model/connectionPool';
import { EventStream } from './model/eventStream';
import { InstanceGroup } from './model/instanceGroup';
import { RateProfile } from './model/rateProfile';
import {
  F_CACHE_MISS,
  F_COMMAND,
  F_COUNTED,
  F_FOLLOW_UP,
  F_PENDING,
  F_WANTS_FOLLOW_UP,
  RequestPool,
} from './model/requestPool';
import { ClassTally } from './metrics/classTally';
import type { Scenario } from './scenario';
import type { WindowStats } from './types';

// Event kinds.
const ARRIVAL = 0;
const SERVICE_DONE = 1;
const STORE_DONE = 2;
const CACHE_DONE = 3;
const APPEND_DONE = 4;
const APPLY_DONE = 5;
const REPLICATE = 6;
const FOLLOW_UP = 7;
const WINDOW = 8;
const WARMUP = 9;
const INTERVENTION = 10;

/** Length of one window of the time series, in simulated ms. */
export const WINDOW_MS = 1000;
/** Replica numbers are packed with event ids in one event argument. */
const REPLICA_SLOTS = 64;

export class Simulation {
  /** The scenario as it stands now (interventions change it). */
  scenario: Scenario;
  readonly durationMs: number;
  readonly warmupMs: number;
  /** Current simulated time, ms. */
  nowMs = 0;
  /** Events processed so far. */
  events = 0;

  private readonly q = new EventQueue();
  readonly reqs = new RequestPool();

  // Workload.
  private rate: RateProfile;
  private poisson = true;
  private arrivalGen = 0;
  private readonly uArrival: Uniform;
  private readonly uMix: Uniform;
  private readonly uKeys: Uniform;
  private readonly uFollowUp: Uniform;
  private nextKey!: () => number;

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
  private activeReplicas: number[] = [];
  private rrReplica = 0;
  private readonly uQuery: Uniform;
  private readonly uReplication: Uniform;
  private queryLatency!: Sampler;
  private replicationLag!: Sampler;
  cache: Cache | null = null;
  private readonly uHit: Uniform;
  private hitLatency!: Sampler;

  // Metrics.
  readonly commands = new ClassTally();
  readonly queries = new ClassTally();
  readonly cmdInSystem = new Area();
  readonly qryInSystem = new Area();
  readonly cmdQueueWait = new Histogram();
  readonly qryQueueWait = new Histogram();
  readonly consistencyLag = new Histogram();
  readonly replicaLag = new Histogram();
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
  instanceWindowStart = new Map<object, number>();

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    const s = scenario;
    const seed = s.seed;
    this.durationMs = s.durationS * 1000;
    this.warmupMs = s.warmupS * 1000;

    this.uArrival = stream(seed, 'workload.arrivals');
    this.uMix = stream(seed, 'workload.mix');
    this.uKeys = stream(seed, 'workload.keys');
    this.uFollowUp = stream(seed, 'workload.followUps');
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
    this.stream = new EventStream(s.eventStream.partitions, s.eventStream.projectors);
    this.addReadNode(); // the primary
    this.setReplicas(s.readStore.replicas);
    this.configureSamplers(s);
    this.configureCache(s);

    this.q.push(this.warmupMs, WARMUP, 0);
    this.q.push(Math.min(WINDOW_MS, this.durationMs), WINDOW, 0);
    s.interventions.forEach((iv, i) => this.q.push(iv.atS * 1000, INTERVENTION, i));
    this.scheduleArrival();
  }

  /** True once simulated time has reached the scenario's duration. */
  get done(): boolean {
    return this.nowMs >= this.durationMs;
  }

  /**
   * Processes events up to simulated time `tMs` (capped at the duration) or until `maxEvents`
   * have been processed, whichever comes first. Returns true when `tMs` was reached.
   */
  runUntil(tMs: number, maxEvents = Infinity): boolean {
    const end = Math.min(tMs, this.durationMs);
    const q = this.q;
    let budget = maxEvents;
    // peekTime() is Infinity when the calendar is empty, so one comparison covers both ends.
    while (budget > 0 && q.peekTime() <= end) {
      q.pop();
      this.nowMs = q.time;
      this.events++;
      budget--;
      this.dispatch(q.kind, q.arg);
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

  /** Windows of the time series completed since the last call (the caller keeps them). */
  drainWindows(): WindowStats[] {
    const w = this.pendingWindows;
    this.pendingWindows = [];
    return w;
  }

  private dispatch(kind: number, arg: number): void {
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
        return this.onReplicate(arg);
      case FOLLOW_UP:
        return this.onFollowUp(arg);
      case WINDOW:
        return this.onWindow();
      case WARMUP:
        return this.onWarmup();
      case INTERVENTION: {
        const iv = this.scenario.interventions[arg];
        applyChange(this, { set: iv.set, value: iv.value });
        return;
      }
    }
  }

  // ---- Workload -------------------------------------------------------------------------

  private scheduleArrival(): void {
    const e = this.poisson ? -Math.log(1 - this.uArrival()) : 1;
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

  private onFollowUp(id: number): void {
    const r = this.reqs;
    r.flags[id] &= ~F_PENDING;
    r.arrivalMs[id] = this.nowMs;
    r.serviceMs[id] = this.followUpService();
    this.admit(id);
  }

  // ---- Services -------------------------------------------------------------------------

  private admit(id: number): void {
    const r = this.reqs;
    const now = this.nowMs;
    if (now >= this.warmupMs) r.flags[id] |= F_COUNTED;
    const isCommand = (r.flags[id] & F_COMMAND) !== 0;
    const g = isCommand ? this.cmd : this.qry;
    const tally = isCommand ? this.commands : this.queries;
    const counted = (r.flags[id] & F_COUNTED) !== 0;
    tally.offer(counted);
    const i = g.route(r.key[id]);
    if (i < 0) {
      tally.fail(counted);
      r.release(id);
      return;
    }
    if (g.busy[i] < g.vcpus) {
      r.instance[id] = i;
      this.startService(g, i, id);
    } else if (g.queues[i].length < g.queueCapacity) {
      r.instance[id] = i;
      g.queues[i].push(id);
      g.queueArea.add(now, 1);
    } else {
      tally.reject(counted);
      r.release(id);
      return;
    }
    g.outstanding[i]++;
    (isCommand ? this.cmdInSystem : this.qryInSystem).add(now, 1);
  }

  private startService(g: InstanceGroup, i: number, id: number): void {
    const r = this.reqs;
    const now = this.nowMs;
    g.busy[i]++;
    g.busyArea.add(now, 1);
    g.busyAreas[i].add(now, 1);
    if (r.flags[id] & F_COUNTED) (g === this.cmd ? this.cmdQueueWait : this.qryQueueWait).record(now - r.arrivalMs[id]);
    this.q.push(now + r.serviceMs[id] / g.speed, SERVICE_DONE, id);
  }

  /** Starts queued requests on instance i while it has free workers. */
  private drainQueue(g: InstanceGroup, i: number): void {
    const queue = g.queues[i];
    while (g.busy[i] < g.vcpus && queue.length > 0) {
      g.queueArea.add(this.nowMs, -1);
      this.startService(g, i, queue.shift());
    }
  }

  private onServiceDone(id: number): void {
    const r = this.reqs;
    const now = this.nowMs;
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
      if (this.shards[shard].acquire(id, now)) this.q.push(now + this.writeLatency(), STORE_DONE, id);
    } else if (this.cache !== null) {
      this.q.push(now + this.hitLatency(), CACHE_DONE, id);
    } else {
      this.read(id);
    }
  }

  /** Ends a request that got an answer: completed, or timed out if the client gave up first. */
  private respond(id: number): void {
    const r = this.reqs;
    const now = this.nowMs;
    const f = r.flags[id];
    const isCommand = (f & F_COMMAND) !== 0;
    const g = isCommand ? this.cmd : this.qry;
    const i = r.instance[id];
    g.outstanding[i]--;
    g.stopIfDrained(i, now);
    (isCommand ? this.cmdInSystem : this.qryInSystem).add(now, -1);
    const latency = now - r.arrivalMs[id];
    const counted = (f & F_COUNTED) !== 0;
    const w = this.scenario.workload;
    if (latency > w.timeoutMs) {
      (isCommand ? this.commands : this.queries).timeOut(counted);
      r.release(id);
      return;
    }
    if (isCommand) {
      this.commands.complete(counted, latency);
      if (f & F_WANTS_FOLLOW_UP) {
        // The same client reads the key it just wrote, after a pause.
        const fu = r.alloc();
        r.flags[fu] |= F_FOLLOW_UP | F_PENDING;
        r.key[fu] = r.key[id];
        r.minVersion[fu] = r.version[id];
        this.q.push(now + w.followUpReads.afterMs, FOLLOW_UP, fu);
      }
    } else {
      const stale = r.version[id] < this.writeVersion[r.key[id]];
      this.queries.complete(counted, latency);
      this.queries.answered(counted, stale);
      if (f & F_FOLLOW_UP && counted) {
        this.followUps++;
        if (r.version[id] < r.minVersion[id]) this.followUpViolations++;
      }
    }
    r.release(id);
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
    r.version[id] = v;
    const sync = this.scenario.eventStream.synchronousAppend;
    const ev = this.stream.alloc(key, v, now, sync ? id : -1);
    this.q.push(now + this.appendLatency(), APPEND_DONE, ev);
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

  private consume(consumer: number): void {
    if (this.stream.take(consumer) >= 0) this.q.push(this.nowMs + this.applyLatency(), APPLY_DONE, consumer);
  }

  private onApplyDone(consumer: number): void {
    const s = this.stream;
    const now = this.nowMs;
    const ev = s.finish(consumer);
    const key = s.key[ev];
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
      const at = Math.max(now + this.replicationLag(), this.lastDeliveryMs[node]);
      this.lastDeliveryMs[node] = at;
      this.q.push(at, REPLICATE, ev * REPLICA_SLOTS + node);
      s.pendingReplicas[ev]++;
    }
    if (s.pendingReplicas[ev] === 0) {
      if (counted) this.replicaLag.record(lag);
      s.release(ev);
    }
    this.consume(consumer);
  }

  private onReplicate(arg: number): void {
    const node = arg % REPLICA_SLOTS;
    const ev = (arg - node) / REPLICA_SLOTS;
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
    const list = [this.cmdInSystem, this.qryInSystem];
    for (const g of [this.cmd, this.qry]) list.push(g.busyArea, g.capacityArea, g.queueArea);
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
      };
    };
    const oldest = this.stream.oldestCommitMs();
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
    };
    this.queries.resetWindowRatios();
    this.windowLag.reset();
    if (now >= this.warmupMs && w.streamLagMs > this.maxLagMs) this.maxLagMs = w.streamLagMs;
    for (const a of this.integrals()) this.windowStart.set(a, a.at(now));
    for (const g of [this.cmd, this.qry]) for (const a of g.busyAreas) this.instanceWindowStart.set(a, a.at(now));
    this.lastWindow = w;
    this.pendingWindows.push(w);
    this.lastWindowMs = now;
    if (now < this.durationMs) this.q.push(Math.min(now + WINDOW_MS, this.durationMs), WINDOW, 0);
  }
}
