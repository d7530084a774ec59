/**
 * The event stream and its projectors: a committed change is appended to its key's partition
 * (appends keep commit order per partition), a consumer group of projectors applies each event
 * to the read model's primary, the cache hears of it (event-driven invalidation), and the read
 * store ships it to every replica. Measures the consumer lag and the consistency lag.
 */
import type { Engine } from '../engine/core';
import type { EventQueue } from '../engine/eventQueue';
import { sampler, stream, type Sampler, type Uniform } from '../engine/random';
import { Histogram } from '../metrics/histogram';
import { EventStream } from '../model/eventStream';
import { EVENT_SLOTS, V_APPLY, V_APPLY_RETRY, V_PARTITION_WAIT, V_REPLICA_COPY, V_VALUE } from '../model/stageSlots';
import { StageSums } from '../metrics/stageSums';
import { STAGE_PATHS } from '../stages';
import type { Scenario } from '../scenario';
import type { CacheLayer } from './cacheLayer';
import { DROP, type ApplyHook, type Outcomes, type Projected } from './ports';
import type { ReadStore } from './readStore';
import type { World } from './world';

export class Projection implements Projected {
  readonly stream: EventStream;
  /** Commit to visible in the read model (applied to the primary). */
  readonly consistencyLag = new Histogram();
  /** The same, for the current window only (every event). */
  readonly windowLag = new Histogram();
  /** Where the consistency lag's time went, by stage: the run's (counted events) and the window's. */
  readonly lagStages = new StageSums(STAGE_PATHS.consistencyLagMs.ids, STAGE_PATHS.consistencyLagMs.slots);
  readonly windowLagStages = new StageSums(STAGE_PATHS.consistencyLagMs.ids, STAGE_PATHS.consistencyLagMs.slots);
  maxLagEvents = 0;
  maxLagMs = 0;
  /** Events an apply hook dropped: never applied, never shipped (their keys stay at older versions). */
  dropped = 0;
  /** Per key, the newest version an apply hook dropped (0: none); made at the first drop. */
  droppedVersion: Int32Array | null = null;
  outcomes!: Outcomes;
  readStore!: ReadStore;
  cache!: CacheLayer;

  private readonly engine: Engine;
  private readonly calendar: EventQueue;
  /** Time of the latest append scheduled per partition (appends stay in commit order). */
  private readonly lastAppendMs: Float64Array;
  private readonly uAppend: Uniform;
  private readonly uApply: Uniform;
  private appendLatency!: Sampler;
  /** Whether a command's answer waits for its event's append (`eventStream.synchronousAppend`). */
  private syncAppend = false;
  private applyLatency!: Sampler;
  /** A part's hook at the apply (`setApplyHook`), or null: then nothing is asked. */
  private applyHook: ApplyHook | null = null;
  private readonly appendKind: number;
  private readonly applyKind: number;
  private readonly resumeKind: number;
  private readonly retryKind: number;

  constructor(private readonly world: World) {
    const s = world.scenario;
    this.engine = world.engine;
    this.calendar = world.engine.calendar;
    this.stream = new EventStream(s.eventStream.partitions, s.eventStream.projectors);
    this.lastAppendMs = new Float64Array(s.eventStream.partitions);
    this.uAppend = stream(s.seed, 'eventStream.append');
    this.uApply = stream(s.seed, 'eventStream.apply');
    this.appendKind = world.engine.on('eventStream.appendDone', this.onAppendDone, this);
    this.applyKind = world.engine.on('eventStream.applyDone', this.onApplyDone, this);
    // The end of a rebalance pause: the consumers look for work again.
    this.resumeKind = world.engine.on('eventStream.resume', this.kickConsumers, this);
    // The end of the wait before a failed event's next apply attempt (an apply hook's retry delay).
    this.retryKind = world.engine.on('eventStream.retry', this.onRetry, this);
    this.configure(s);
  }

  configure(s: Scenario): void {
    this.appendLatency = sampler(s.eventStream.appendLatencyMs, this.uAppend);
    this.applyLatency = sampler(s.eventStream.applyLatencyMs, this.uApply);
    this.syncAppend = s.eventStream.synchronousAppend;
  }

  /**
   * Appends the change committed by request `id` to the stream. True when the append is
   * synchronous: the command's answer then waits for it.
   */
  publish(id: number, key: number, version: number, nowMs: number): boolean {
    const sync = this.syncAppend;
    const s = this.stream;
    const ev = s.alloc(key, version, nowMs, sync ? id : -1);
    // The log keeps commit order per partition: an append never overtakes an earlier one.
    const p = s.partition[ev];
    const appendAt = Math.max(nowMs + this.appendLatency.draw(), this.lastAppendMs[p]);
    this.lastAppendMs[p] = appendAt;
    this.calendar.push(appendAt, this.appendKind, ev);
    if (s.tracer !== null) s.tracer.published(id, ev, nowMs);
    return sync;
  }

  private onAppendDone(ev: number): void {
    const s = this.stream;
    const waiting = s.waitingRequest[ev];
    s.enter(ev, V_PARTITION_WAIT);
    if (waiting >= 0) this.outcomes.respond(waiting);
    const owner = s.append(ev);
    if (this.engine.nowMs >= this.world.warmupMs && s.lagEvents > this.maxLagEvents) this.maxLagEvents = s.lagEvents;
    if (owner >= 0) this.consume(owner);
  }

  /** Consumer `consumer` takes its next event, if it has one and may. */
  consume(consumer: number): void {
    const now = this.engine.nowMs;
    if (this.stream.take(consumer, now) >= 0) this.calendar.push(now + this.applyLatency.draw(), this.applyKind, consumer);
  }

  get partitions(): number {
    return this.stream.partitions.length;
  }

  setApplyHook(hook: ApplyHook | null): void {
    this.applyHook = hook;
  }

  private onApplyDone(consumer: number): void {
    const s = this.stream;
    const now = this.engine.nowMs;
    if (this.applyHook !== null) {
      const cur = s.current[consumer];
      const verdict = this.applyHook.attempt(cur, s.partition[cur]);
      if (verdict >= 0) {
        // A failed attempt: the projector keeps the event, so it takes nothing else from any of its
        // partitions, and waits `verdict` ms before the next attempt. The wait is not work: the
        // projector leaves the busy integral (utilisation, cpu auto-scaling) until the attempt starts.
        s.busyArea.add(now, -1);
        // The failed attempt and the wait after it are the retries' time, not the apply's.
        s.open[cur] = V_APPLY_RETRY;
        s.enter(cur, V_APPLY_RETRY);
        this.calendar.push(now + verdict, this.retryKind, consumer);
        return;
      }
      if (verdict === DROP) {
        this.drop(consumer, now);
        return;
      }
    }
    const ev = s.finish(consumer, now);
    const key = s.key[ev];
    // After a rebalance the partition may belong to another consumer, idle because the
    // partition was blocked by this apply: wake it.
    const owner = s.ownerOf(s.partition[ev]);
    if (owner >= 0 && owner !== consumer) this.consume(owner);
    const v = s.version[ev];
    this.readStore.applyToPrimary(key, v);
    const lag = now - s.commitMs[ev];
    const counted = s.commitMs[ev] >= this.world.warmupMs;
    // The apply ends; from now on its way to the replicas.
    s.enter(ev, V_REPLICA_COPY);
    const at = ev * EVENT_SLOTS;
    if (counted) {
      this.consistencyLag.record(lag);
      if (lag > this.maxLagMs) this.maxLagMs = lag;
    }
    this.windowLag.record(lag);
    s.stageMs[at + V_VALUE] = lag;
    this.windowLagStages.record(s.stageMs, at, V_VALUE, V_APPLY, s.stageMask[ev], counted ? this.lagStages : null);
    this.cache.onEventApplied(key, v, now);
    this.readStore.ship(ev, lag, counted);
    this.consume(consumer);
  }

  /** The wait before a retry is over: the projector applies its event again. */
  private onRetry(consumer: number): void {
    const now = this.engine.nowMs;
    this.stream.busyArea.add(now, 1);
    this.stream.enter(this.stream.current[consumer], V_APPLY);
    this.calendar.push(now + this.applyLatency.draw(), this.applyKind, consumer);
  }

  /** The hook dropped the event in apply: it is never visible; the partition and the projector move on. */
  private drop(consumer: number, now: number): void {
    const s = this.stream;
    const ev = s.finish(consumer, now);
    const owner = s.ownerOf(s.partition[ev]);
    if (owner >= 0 && owner !== consumer) this.consume(owner);
    this.dropped++;
    if (s.tracer !== null) s.tracer.visible(ev, now, 'dropped');
    // A key's events are applied in order, so the last drop of a key is its newest dropped version.
    (this.droppedVersion ??= new Int32Array(this.world.scenario.workload.keys.count))[s.key[ev]] = s.version[ev];
    s.release(ev);
    this.consume(consumer);
  }

  /** A live change: the samplers, and the consumer group's size (a change of size pauses it for a rebalance). */
  reconfigure(s: Scenario): void {
    this.configure(s);
    this.stream.setConsumers(s.eventStream.projectors, this.engine.nowMs, s.eventStream.rebalanceMs);
  }

  /** After a live change, every consumer looks for work. */
  resume(): void {
    this.kickConsumers();
  }

  /** Every consumer looks for work (after a pause, a heal or a change). */
  kickConsumers(): void {
    for (let c = 0; c < this.stream.consumers; c++) this.consume(c);
  }

  /** The consumer group changes size: it pauses for a rebalance, then resumes. */
  resize(n: number): void {
    this.stream.setConsumers(n, this.engine.nowMs, this.world.scenario.eventStream.rebalanceMs);
    this.calendar.push(this.stream.pausedUntilMs, this.resumeKind, 0);
  }

  /** After a live change: if the group is paused for a rebalance, resume it when the pause ends. */
  resumeAfterPause(): void {
    if (this.stream.pausedUntilMs > this.engine.nowMs) this.calendar.push(this.stream.pausedUntilMs, this.resumeKind, 0);
  }

  /** The age of the oldest unapplied event, ms (0 when none). */
  lagMs(nowMs: number): number {
    const oldest = this.stream.oldestCommitMs();
    return oldest === Infinity ? 0 : nowMs - oldest;
  }
}
