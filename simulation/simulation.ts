/**
 * The CQRS model, composed: the engine core, the built-in parts (`parts/core.ts` makes and wires
 * them: clients -> service -> write store -> event stream -> read store, or clients -> service ->
 * cache -> read store) and the parts on the contract (`parts/index.ts`). It builds them, puts the
 * first events on the calendar and applies live changes by looping over them, as the report, the
 * windows and the snapshot do; only `drain`, `quiet`, `trace`, `watch` and the old-name getters
 * that tests read still reach the clients and the stream by name.
 *
 * The engine knows nothing of wall time: callers advance it in slices with `runUntil`.
 */
import { registeredChangeFn, type Change, type ChangeFn, type ChangeResult } from './input/changeFn';
import { Engine } from './engine/core';
import { CORE_FAILURE_CAUSES } from './metrics/classTally';
import { DEFAULT_LIMITS, overLimit, overPartLimit, type RunLimits, type RunStop } from './limits';
import type { CacheLayer } from './parts/cacheLayer';
import type { Clients } from './parts/clients';
import { buildCore, type Core } from './parts/core';
import type { Elasticity } from './parts/elasticity';
import type { Faults } from './parts/faults';
import type { Projection } from './parts/projection';
import type { ReadStore } from './parts/readStore';
import type { Service } from './parts/service';
import type { Windows } from './parts/windows';
import { World } from './parts/world';
import type { WriteStore } from './parts/writeStore';
import { PARTS, type Part, type PartRuntime } from './parts';
import { Tracer, type TraceOptions } from './output/trace';
import type { AnswerWatcher } from './parts/ports';
import type { Scenario } from './scenario';
import type { WindowStats } from './types';

export { WINDOW_MS } from './parts/windows';

export class Simulation {
  readonly engine = new Engine();
  readonly world: World;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly command: Service;
  readonly query: Service;
  readonly clients: Clients;
  readonly writeStore: WriteStore;
  readonly projection: Projection;
  readonly readStore: ReadStore;
  readonly cacheLayer: CacheLayer;
  readonly elasticity: Elasticity;
  readonly faults: Faults;
  readonly windows: Windows;
  /** The built-in parts, made and wired by `parts/core.ts`. */
  readonly core: Core;
  /** The parts on the `Part` contract (`parts/index.ts`), each with its runtime in this run, in the list's order. */
  readonly parts: readonly { readonly part: Part; readonly runtime: PartRuntime }[];
  /** The last change `checkChange` checked, against which scenario, and its result (see `applyChange`). */
  private lastCheck: { scenario: Scenario; change: Change; result: ChangeResult } | null = null;

  /**
   * `limits` bound the work in flight (the defaults suit every host; tests pass smaller ones).
   * `changeFn` checks live changes and interventions (see changeFn.ts); without it, the one
   * changes.ts registers.
   */
  constructor(
    scenario: Scenario,
    limits: RunLimits = DEFAULT_LIMITS,
    private readonly changeFn: ChangeFn | null = null,
  ) {
    const engine = this.engine;
    const causes = [...CORE_FAILURE_CAUSES, ...PARTS.flatMap((p) => (p.cause ? [p.cause.id] : []))];
    const world = (this.world = new World(engine, scenario, causes));
    this.durationMs = world.durationMs;
    this.warmupMs = world.warmupMs;

    const core = (this.core = buildCore(world));
    ({ command: this.command, query: this.query, clients: this.clients, writeStore: this.writeStore, projection: this.projection } = core);
    ({ readStore: this.readStore, cacheLayer: this.cacheLayer, elasticity: this.elasticity, faults: this.faults, windows: this.windows } = core);
    const { command, query, clients, projection } = core;
    const ports = { clients, services: [command, query], projection };
    this.parts = PARTS.map((part) => ({ part, runtime: part.create(world, ports) }));
    for (const { part, runtime } of this.parts) {
      if (!part.cause) continue;
      // A part's cause shows in the windows from the moment the part is first on.
      this.windows.errorCauses.push(part.cause.id);
      this.windows.isCauseShown.set(part.cause.id, () => runtime.used);
    }
    this.windows.partWindows = this.parts.flatMap(({ runtime }) => (runtime.window ? [runtime] : []));

    const engineOver = () => overLimit(limits, world.reqs.live, projection.stream.liveEvents, engine.pending);
    const held = this.parts.flatMap(({ part: { limit }, runtime }) => (limit && runtime.held ? [{ limit, runtime }] : []));
    engine.overLimit =
      held.length === 0 ? engineOver : () => engineOver() ?? overPartLimit(held.map(({ limit, runtime }) => [limit, runtime.held!()] as const));
    const interventionKind = engine.on('interventions.apply', (i) => {
      const iv = this.scenario.interventions[i];
      this.applyChange({ set: iv.set, value: iv.value });
    });

    // The first events, in this order (same-time events run in the order they were scheduled).
    this.windows.start();
    scenario.interventions.forEach((iv, i) => engine.schedule(iv.atS * 1000, interventionKind, i));
    for (const { runtime } of this.parts) runtime.start?.();
    core.start();
  }

  /**
   * Keeps the traces of a sample of requests (output/trace.ts) from now on, in place of any tracer
   * before it (`Tracer.detach` ends it). Before the run starts, the sample does not depend on when.
   */
  trace(options: TraceOptions): Tracer {
    return new Tracer(options, this.scenario.seed).attach(this.world.reqs, this.projection.stream, this.clients);
  }

  /** Tells `watcher` of every client request's arrival, retry and answer from now on (null: no one). */
  watch(watcher: AnswerWatcher | null): void {
    this.clients.watcher = watcher;
  }

  /** The scenario as it stands now (interventions change it). */
  get scenario(): Scenario {
    return this.world.scenario;
  }

  get nowMs(): number {
    return this.engine.nowMs;
  }

  /** Events processed so far (a host may count an applied change as one). */
  get events(): number {
    return this.engine.events;
  }

  set events(n: number) {
    this.engine.events = n;
  }

  /** Set when the run stopped before its end (a run limit, or the host's interrupt). */
  get stopped(): RunStop | null {
    return this.engine.stopped;
  }

  /** Asked every `INTERRUPT_EVERY` events by a host that bounds the wall time of a run: a sentence stops it. */
  get interrupt(): (() => string | null) | null {
    return this.engine.interrupt;
  }

  set interrupt(f: (() => string | null) | null) {
    this.engine.interrupt = f;
  }

  /** True once simulated time has reached the scenario's duration, or the run was stopped. */
  get done(): boolean {
    return this.engine.nowMs >= this.durationMs || this.engine.stopped !== null;
  }

  /** Stops the run now: nothing more happens, and the report says when and why. */
  halt(reason: string): void {
    this.engine.halt(reason);
  }

  /** Processes events up to simulated time `tMs` (capped at the duration) or `maxEvents` of them: true when `tMs` was reached. */
  runUntil(tMs: number, maxEvents = Infinity): boolean {
    return this.engine.runUntil(Math.min(tMs, this.durationMs), maxEvents);
  }

  /** Runs to the end of the scenario. */
  run(): void {
    this.runUntil(this.durationMs);
  }

  /** Nothing in flight: every attempt ended and every event applied on every node. */
  get quiet(): boolean {
    return this.world.reqs.live === 0 && this.projection.stream.liveEvents === 0;
  }

  /** Stops arrivals and runs on (past the duration if need be) until quiet, for at most `maxMs` more: whether it became quiet. */
  drain(maxMs = 3_600_000): boolean {
    this.clients.stop();
    this.engine.drain(maxMs, () => this.quiet);
    return this.quiet;
  }

  /** Windows of the time series completed since the last call (the caller keeps them). */
  drainWindows(): WindowStats[] {
    return this.windows.take();
  }

  get lastWindow(): WindowStats | null {
    return this.windows.lastWindow;
  }

  // ---- Live changes ---------------------------------------------------------------------

  /**
   * Checks a change against the scenario as it stands now, without applying it: the one check of a
   * change, whoever makes it (the page's runner asks first, to tell a live change from a restart).
   */
  checkChange(change: Change): ChangeResult {
    const check = this.changeFn ?? registeredChangeFn();
    if (check === null) throw new Error('this Simulation has no check for changes: import simulation/index (or changes.ts), or pass one');
    const result = check(this.scenario, change);
    this.lastCheck = { scenario: this.scenario, change, result };
    return result;
  }

  /**
   * Applies a change at the current time. Refused changes change nothing. The change is checked
   * here, unless `checkChange` last checked this same change object against the scenario as it
   * still is (an intervention or the autoscaler may have changed it since): then that result stands.
   */
  applyChange(change: Change): ChangeResult {
    const last = this.lastCheck;
    const result = last !== null && last.change === change && last.scenario === this.scenario ? last.result : this.checkChange(change);
    this.lastCheck = null;
    if (result.ok) {
      this.world.happenings.change(change.set, change.value);
      this.reconfigure(result.scenario);
    }
    return result;
  }

  /** Brings every part in line with a changed scenario, in a fixed order (it schedules events). */
  private reconfigure(next: Scenario): void {
    const prev = this.scenario;
    this.world.scenario = next;
    for (const part of this.core.live) part.reconfigure(next, prev);
    for (const { runtime } of this.parts) runtime.configure(next);
    // Then waiting work starts on the new capacity.
    for (const part of this.core.live) part.resume?.();
  }

  // ---- For tests and checks: the model's state by its old names ---------------------------

  get reqs() {
    return this.world.reqs;
  }
  get cmd() {
    return this.command.group;
  }
  get qry() {
    return this.query.group;
  }
  get cache() {
    return this.cacheLayer.cache;
  }
  get stream() {
    return this.projection.stream;
  }
  get writeVersion() {
    return this.writeStore.writeVersion;
  }
  get nodeVersion() {
    return this.readStore.nodeVersion;
  }
  get nodeActive() {
    return this.readStore.nodeActive;
  }
  consume(consumer: number): void {
    this.projection.consume(consumer);
  }
  shardOf(key: number): number {
    return this.writeStore.shardOf(key);
  }
}
