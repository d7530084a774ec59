/**
 * Paces one Simulation against a wall clock: real time, multiples of it, or as fast as possible.
 * It lives in the worker; it knows nothing of Comlink, so Vitest can drive it with a fake clock.
 * Live changes are applied only between slices, at a simulated time `t` (whole ms) that the
 * replay reproduces exactly (`(t / 1000) * 1000 === t`) and that is not a window boundary, so
 * a scenario saved with its recorded interventions replays byte for byte. Beside it: runTypes.ts,
 * scenarioChecks.ts, liveChange.ts, posting.ts, follow.ts (the traces of "Follow a request").
 */
// The engine's modules one by one, not simulation/index: the index loads the scenario schema (zod),
// which the worker loads only when it first checks something (./validation).
import type { Change, Report, Scenario } from '../../simulation/index';
import { DEFAULT_LIMITS } from '../../simulation/limits';
import { buildReport } from '../../simulation/report';
import { Simulation } from '../../simulation/simulation';
import { buildSnapshot } from '../../simulation/output/snapshot';
import { mergeInterventions, type Intervention } from './interventions';
import { changeLive, restartedScenario } from './liveChange';
import { FirstWindowPreview, latestWindows } from './posting';
import { Follower } from './follow';
import type { ChangeOutcome, Clock, LoadResult, RunStatus, RunUpdate, Speed } from './runTypes';
import { ScenarioChecks, type Checks } from './scenarioChecks';

export type { ChangeOutcome, Clock, LoadResult, RunStatus, RunUpdate, Speed } from './runTypes';

export const POST_EVERY_MS = 33;
/** Wall time the worker spends simulating before it yields to messages. */
const SLICE_MS = 20;
const CHUNK_EVENTS = 5000;

export class Runner {
  onUpdate: (u: RunUpdate) => void = () => {};
  private base: Scenario | null = null;
  private recorded: Intervention[] = [];
  private sim: Simulation | null = null;
  private status: RunStatus = 'ready';
  private mode: 'idle' | 'run' | 'step' = 'idle';
  private speed: Speed = 1;
  private stepTargetMs = 0;
  private anchorWallMs = 0;
  private anchorSimMs = 0;
  private timer: unknown = null;
  private lastPostWallMs = -Infinity;
  private lastPostSimMs = 0;
  private wallRunMs = 0;
  private runId = 0;
  private readonly preview = new FirstWindowPreview();
  /** "Follow a request" (follow.ts): the next request's trace comes in an update once it is done. */
  readonly follower = new Follower();

  /** The scenario checks, loaded when first needed; each Simulation checks its changes with them. */
  private readonly checker: ScenarioChecks;

  /**
   * `builtIn`: the page's built-in scenario, validated when the page was built (virtual:engine-facts).
   * Loading exactly it needs no checks, so the worker's first run starts before the schema loads.
   */
  constructor(
    private readonly clock: Clock,
    builtIn: Scenario | null = null,
  ) {
    this.checker = new ScenarioChecks(builtIn);
  }

  /** Loads the scenario schema and checks now (the worker does so once the page is up). */
  checks(): Promise<Checks> {
    return this.checker.load();
  }

  /** Validates and loads a scenario (its interventions included); the run waits at time 0. */
  async load(input: unknown): Promise<LoadResult> {
    const parsed = await this.checker.parse(input);
    return parsed.ok ? this.use(parsed.scenario) : parsed;
  }

  /** Parses scenario text (a file, a shared link) and loads it as `load` does; bad JSON is one problem, never thrown. */
  async loadText(text: string): Promise<LoadResult> {
    const parsed = (await this.checks()).parseScenarioText(text);
    return parsed.ok ? this.use(parsed.scenario) : parsed;
  }

  /** Back to time 0 with the loaded scenario, dropping the changes recorded during the run. */
  reset(): void {
    this.recorded = [];
    this.restart(this.requireBase());
  }

  /**
   * "Run again": back to time 0 keeping the changes recorded during the run, which replay at the times they
   * were made (the same report, byte for byte). Returns every intervention in force and how many were recorded.
   */
  rerun(): { interventions: Intervention[]; recorded: number } {
    const interventions = this.interventions();
    this.restart({ ...this.requireBase(), interventions });
    return { interventions, recorded: this.recorded.length };
  }

  private restart(scenario: Scenario): void {
    this.stop();
    this.runId++;
    this.preview.reset();
    this.sim = new Simulation(scenario, DEFAULT_LIMITS, this.checker.changeFn);
    this.follower.attach(this.sim, { scenario: () => this.scenarioToSave(), changeFn: this.checker.changeFn, wake: () => this.kick(0) });
    this.status = 'ready';
    this.wallRunMs = 0;
    this.post(true);
  }

  play(): void {
    const sim = this.requireSim();
    if (sim.done) return;
    this.status = 'running';
    this.mode = 'run';
    this.reanchor();
    this.post(true);
    this.kick(0);
  }

  pause(): void {
    if (this.status !== 'running' && this.mode === 'idle') return;
    this.stop();
    this.status = this.requireSim().done ? 'done' : 'paused';
    this.post(true);
    if (this.follower.replaying) this.kick(0);
  }

  /** Pauses, then advances to the end of the current 1 s window. */
  step(): void {
    const sim = this.requireSim();
    if (sim.done) return;
    this.stop();
    this.status = 'paused';
    this.stepTargetMs = Math.min(sim.durationMs, (Math.floor(sim.nowMs / 1000) + 1) * 1000);
    this.mode = 'step';
    this.kick(0);
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.reanchor();
  }

  /**
   * Sets one scenario field. Before the run starts, after it ends, or for a field that cannot
   * change during a run, the loaded scenario itself changes and the run restarts at time 0.
   * Otherwise the change applies now and is recorded as an intervention. A restart keeps the
   * loaded file's interventions and drops the ones recorded live.
   */
  async change(change: Change): Promise<ChangeOutcome> {
    const checks = await this.checks();
    const live = changeLive(this.requireSim(), change);
    if (live.kind === 'restart') return this.restartWith(change, checks);
    if (live.kind === 'refused') return { ok: false, problems: live.problems };
    this.recorded.push({ atS: live.atS, set: change.set, value: change.value });
    this.post(true);
    return { ok: true, scenario: live.scenario, interventions: this.interventions(), restarted: false, atS: live.atS };
  }

  /** The loaded scenario with every intervention (from the file and recorded live), in time order. */
  scenarioToSave(): Scenario {
    return { ...this.requireBase(), interventions: this.interventions() };
  }

  /** The scenario as the run stands now (interventions applied so far). */
  scenarioNow(): Scenario {
    return this.requireSim().scenario;
  }

  report(): Report {
    return { ...buildReport(this.requireSim()), wallMs: Math.round(this.wallRunMs * 10) / 10 };
  }

  dispose(): void {
    this.stop();
  }

  private use(scenario: Scenario): LoadResult {
    this.base = scenario;
    this.recorded = [];
    this.reset();
    return { ok: true, scenario };
  }

  private interventions(): Intervention[] {
    return mergeInterventions(this.requireBase().interventions, this.recorded);
  }

  private restartWith(change: Change, checks: Checks): ChangeOutcome {
    const wasRunning = this.status === 'running';
    const next = restartedScenario(checks, this.requireBase(), change);
    if (!next.ok) return next;
    this.base = next.scenario;
    this.reset();
    if (wasRunning) this.play();
    return { ok: true, scenario: next.scenario, interventions: this.interventions(), restarted: true, atS: 0 };
  }

  private requireBase(): Scenario {
    if (!this.base) throw new Error('no scenario loaded');
    return this.base;
  }

  private requireSim(): Simulation {
    if (!this.sim) throw new Error('no scenario loaded');
    return this.sim;
  }

  private stop(): void {
    this.mode = 'idle';
    if (this.timer !== null) this.clock.cancel(this.timer);
    this.timer = null;
  }

  private reanchor(): void {
    this.anchorWallMs = this.clock.now();
    this.anchorSimMs = this.sim?.nowMs ?? 0;
  }

  private kick(ms: number): void {
    if (this.timer === null) this.timer = this.clock.schedule(this.tick, ms);
  }

  private readonly tick = (): void => {
    this.timer = null;
    if (this.follower.replaying) return this.replayTick();
    if (this.mode === 'idle' || !this.sim) return;
    const sim = this.sim;
    const t0 = this.clock.now();
    const target =
      this.mode === 'step'
        ? this.stepTargetMs
        : this.speed === 'max'
          ? sim.durationMs
          : this.anchorSimMs + (t0 - this.anchorWallMs) * this.speed;
    let reached = false;
    try {
      do reached = sim.runUntil(target, CHUNK_EVENTS);
      while (!reached && this.clock.now() - t0 < SLICE_MS);
    } catch (e) {
      this.stop();
      this.status = 'failed';
      this.post(true, `The simulation stopped with an error: ${(e as Error).message}`);
      return;
    }
    const t1 = this.clock.now();
    this.wallRunMs += t1 - t0;
    // Behind the wall clock: drop the debt rather than race to catch up later.
    if (!reached && this.mode === 'run' && this.speed !== 'max') {
      this.anchorWallMs = t1;
      this.anchorSimMs = sim.nowMs;
    }
    let changed = false;
    if (sim.done) {
      this.stop();
      this.status = 'done';
      changed = true;
    } else if (this.mode === 'step' && reached) {
      this.stop();
      changed = true;
    }
    this.post(changed);
    // stop() above may have set the mode; TypeScript cannot see that.
    if ((this.mode as string) !== 'idle') this.kick(this.speed === 'max' || !reached || this.mode === 'step' ? 0 : 15);
  };

  /** A slice of the replay that traces the slowest request asked for (follow.ts): the run waits for it. */
  private replayTick(): void {
    const t0 = this.clock.now();
    if (this.follower.replayFor(() => this.clock.now() - t0 < SLICE_MS)) {
      this.reanchor();
      this.post(true);
    }
    if (this.follower.replaying || this.mode !== 'idle') this.kick(0);
  }

  private post(force: boolean, error?: string): void {
    const sim = this.sim;
    if (!sim) return;
    const now = this.clock.now();
    if (!force && now - this.lastPostWallMs < POST_EVERY_MS) return;
    const dt = now - this.lastPostWallMs;
    const achievedSpeed = this.status === 'running' && dt > 0 && dt < 1000 ? (sim.nowMs - this.lastPostSimMs) / dt : null;
    this.lastPostWallMs = now;
    this.lastPostSimMs = sim.nowMs;
    const windows = latestWindows(sim.drainWindows());
    this.preview.sawWindows(windows.length);
    const paced = this.status === 'running' && this.speed !== 'max';
    const preview = this.preview.next(sim.nowMs, paced, this.wallRunMs, () => this.scenarioToSave());
    this.onUpdate({
      runId: this.runId,
      status: this.status,
      snapshot: buildSnapshot(sim),
      windows,
      report: this.report(),
      achievedSpeed,
      ...(preview ? { preview } : {}),
      ...this.follower.take(),
      ...(error ? { error } : {}),
    });
  }
}
