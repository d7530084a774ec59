/**
 * The read store (query side): a primary that projectors write to (node 0) and read replicas
 * (nodes 1..R) fed by log shipping after a replication delay, in order. A read waits for a
 * connection on a replica (the primary when there are none), sees the node's data as of its
 * start, and answers after the query latency (times the unindexed factor for a full scan).
 */
import type { Engine } from '../engine/core';
import type { EventQueue } from '../engine/eventQueue';
import { sampler, stream, type Sampler, type Uniform } from '../engine/random';
import { Histogram } from '../metrics/histogram';
import { ConnectionPool } from '../model/connectionPool';
import type { EventStream } from '../model/eventStream';
import { F_CACHE_MISS, type RequestPool } from '../model/requestPool';
import { EVENT_SLOTS, S_READ, S_READ_WAIT, V_REPLICA_COPY, V_VALUE } from '../model/stageSlots';
import { StageSums } from '../metrics/stageSums';
import { STAGE_PATHS } from '../stages';
import type { Scenario } from '../scenario';
import type { CacheFill, Outcomes, Reader } from './ports';
import type { World } from './world';

export class ReadStore implements Reader {
  readonly nodes: ConnectionPool[] = [];
  readonly nodeVersion: Int32Array[] = [];
  readonly nodeActive: boolean[] = [];
  /** Extra replication delay per node (a fault), ms. */
  readonly extraReplicationMs: number[] = [];
  /** Commit to visible on every replica. */
  readonly replicaLag = new Histogram();
  /** Commit to visible on every replica, events that became so in the current window (all, warm-up too). */
  readonly windowReplicaLag = new Histogram();
  /** Where the replica lag's time went, by stage: the run's (counted events) and the window's. */
  readonly replicaStages = new StageSums(STAGE_PATHS.replicaLagMs.ids, STAGE_PATHS.replicaLagMs.slots);
  readonly windowReplicaStages = new StageSums(STAGE_PATHS.replicaLagMs.ids, STAGE_PATHS.replicaLagMs.slots);
  outcomes!: Outcomes;
  cache!: CacheFill;

  private readonly engine: Engine;
  private readonly calendar: EventQueue;
  private readonly reqs: RequestPool;
  private readonly keyCount: number;
  private lastDeliveryMs: number[] = [];
  private activeReplicas: number[] = [];
  private rrReplica = 0;
  private readonly uQuery: Uniform;
  private readonly uReplication: Uniform;
  private queryLatency!: Sampler;
  private replicationLag!: Sampler;
  /** A read's latency factor: 1 on an indexed store, else the scenario's unindexed factor. */
  private readFactor = 1;
  private readonly doneKind: number;
  private readonly replicateKind: number;

  constructor(
    private readonly world: World,
    private readonly events: EventStream,
  ) {
    const s = world.scenario;
    this.engine = world.engine;
    this.calendar = world.engine.calendar;
    this.reqs = world.reqs;
    this.keyCount = s.workload.keys.count;
    this.uQuery = stream(s.seed, 'readStore.query');
    this.uReplication = stream(s.seed, 'readStore.replication');
    this.doneKind = world.engine.on('readStore.done', this.onReadDone, this);
    this.replicateKind = world.engine.on('readStore.replicate', this.onReplicate, this);
    this.addNode(); // the primary
    this.setReplicas(s.readStore.replicas);
    this.configure(s);
  }

  configure(s: Scenario): void {
    this.queryLatency = sampler(s.readStore.queryLatencyMs, this.uQuery);
    this.replicationLag = sampler(s.readStore.replicationLagMs, this.uReplication);
    this.readFactor = s.readStore.indexed ? 1 : s.readStore.unindexedFactor;
  }

  /** Replicas taking reads now. */
  get activeCount(): number {
    return this.activeReplicas.length;
  }

  // ---- The write path: projectors apply to the primary, which ships to the replicas -----

  applyToPrimary(key: number, version: number): void {
    const primary = this.nodeVersion[0];
    if (primary[key] < version) primary[key] = version;
  }

  /** Ships event `ev` (applied to the primary `lagMs` after its commit) to every active replica. */
  ship(ev: number, lagMs: number, counted: boolean): void {
    const s = this.events;
    const now = this.engine.nowMs;
    for (const node of this.activeReplicas) {
      // Log shipping keeps order: a change never reaches a replica before an earlier one.
      const at = Math.max(now + this.replicationLag.draw() + this.extraReplicationMs[node], this.lastDeliveryMs[node]);
      this.lastDeliveryMs[node] = at;
      this.calendar.push(at, this.replicateKind, ev, node);
      s.pendingReplicas[ev]++;
    }
    if (s.pendingReplicas[ev] === 0) {
      if (s.tracer !== null) s.tracer.visible(ev, now);
      // No replica: visible everywhere now (its replica copy is empty).
      if (counted) this.replicaLag.record(lagMs);
      this.windowReplicaLag.record(lagMs);
      s.stageMs[ev * EVENT_SLOTS + V_VALUE] = lagMs;
      this.windowReplicaStages.record(s.stageMs, ev * EVENT_SLOTS, V_VALUE, V_REPLICA_COPY, s.stageMask[ev], counted ? this.replicaStages : null);
      s.release(ev);
    }
  }

  private onReplicate(ev: number, node: number): void {
    const s = this.events;
    const versions = this.nodeVersion[node];
    const key = s.key[ev];
    if (versions[key] < s.version[ev]) versions[key] = s.version[ev];
    if (s.tracer !== null) s.tracer.replicated(ev, node, this.engine.nowMs);
    if (--s.pendingReplicas[ev] === 0) {
      const now = this.engine.nowMs;
      if (s.tracer !== null) s.tracer.visible(ev, now);
      const lagMs = now - s.commitMs[ev];
      s.enter(ev, V_REPLICA_COPY);
      const counted = s.commitMs[ev] >= this.world.warmupMs;
      if (counted) this.replicaLag.record(lagMs);
      this.windowReplicaLag.record(lagMs);
      s.stageMs[ev * EVENT_SLOTS + V_VALUE] = lagMs;
      this.windowReplicaStages.record(s.stageMs, ev * EVENT_SLOTS, V_VALUE, V_REPLICA_COPY, s.stageMask[ev], counted ? this.replicaStages : null);
      s.release(ev);
    }
  }

  // ---- The read path ----------------------------------------------------------------------

  /** Called last in an event's handler (see `Reader`). */
  read(id: number): void {
    const reps = this.activeReplicas;
    const node = reps.length === 0 ? 0 : reps[this.rrReplica++ % reps.length];
    this.reqs.resource[id] = node;
    this.reqs.enter(id, S_READ_WAIT);
    if (this.nodes[node].acquire(id, this.engine)) this.startRead(id, true);
  }

  /**
   * The read sees the node's data as of its start; the answer arrives after the query latency.
   * `last` when nothing follows in the current event's handler: a read with no latency then
   * answers at once (`Engine.runsNow`).
   */
  private startRead(id: number, last = false): void {
    const r = this.reqs;
    const node = r.resource[id];
    r.version[id] = this.nodeVersion[node][r.key[id]];
    r.enter(id, S_READ);
    const latency = this.queryLatency.draw() * this.readFactor;
    if (latency === 0 && last && this.engine.runsNow()) this.onReadDone(id);
    else this.calendar.push(this.engine.nowMs + latency, this.doneKind, id);
  }

  private onReadDone(id: number): void {
    const now = this.engine.nowMs;
    const next = this.nodes[this.reqs.resource[id]].release(this.engine);
    if (next >= 0) this.startRead(next);
    if (this.reqs.flags[id] & F_CACHE_MISS) this.cache.fill(id, now);
    this.outcomes.respond(id);
  }

  // ---- Replicas -----------------------------------------------------------------------------

  private addNode(): void {
    const rs = this.world.scenario.readStore;
    this.nodes.push(new ConnectionPool(rs.connectionsPerReplica, this.engine.nowMs));
    // A new replica starts from a copy of the primary (a snapshot restore).
    this.nodeVersion.push(this.nodeVersion.length === 0 ? new Int32Array(this.keyCount) : this.nodeVersion[0].slice());
    this.nodeActive.push(true);
    this.lastDeliveryMs.push(this.engine.nowMs);
    this.extraReplicationMs.push(0);
  }

  /** Sets the number of active read replicas; removed ones finish their reads, then idle. */
  setReplicas(n: number): void {
    for (let node = 1; node <= n; node++) {
      if (node >= this.nodes.length) this.addNode();
      else if (!this.nodeActive[node]) {
        this.nodeActive[node] = true;
        this.nodeVersion[node].set(this.nodeVersion[0]);
        this.lastDeliveryMs[node] = this.engine.nowMs;
      }
    }
    for (let node = n + 1; node < this.nodes.length; node++) this.nodeActive[node] = false;
    this.activeReplicas = [];
    for (let node = 1; node < this.nodes.length; node++) if (this.nodeActive[node]) this.activeReplicas.push(node);
  }

  /** A live change: the samplers, the connection limits and the replicas taking reads. */
  reconfigure(s: Scenario): void {
    this.configure(s);
    for (const node of this.nodes) node.setConnections(s.readStore.connectionsPerReplica, this.engine.nowMs);
    this.setReplicas(s.readStore.replicas);
  }

  /** Starts reads waiting for a connection on the capacity a change added. */
  resume(): void {
    const now = this.engine.nowMs;
    for (const node of this.nodes) {
      for (let id = node.admitWaiting(now); id >= 0; id = node.admitWaiting(now)) this.startRead(id);
    }
  }
}
