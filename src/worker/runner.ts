/**
 * Paces one Simulation against a wall clock: real time, multiples of it, or as fast as possible.
 * It lives in the worker; it knows nothing of Comlink, so Vitest can drive it with a fake clock.
 *
 * Live changes are applied only between slices, at a simulated time `t` (whole ms) that the
 * replay reproduces exactly (`(t / 1000) * 1000 === t`) and that is not a window boundary, so
 * a scenario saved with its recorded interventions replays byte for byte.
 */
// The engine's modules one by one, not simulation/index: the index loads the scenario schema (zod),
// which the worker loads only when it first checks something (./validation).
import type { Change, Report, Scenario, ScenarioProblem, Snapshot, WindowStats } from '../../simulation/index';
import type { ChangeFn } from '../../simulation/changeFn';
import { DEFAULT_LIMITS } from '../../simulation/limits';
import { buildReport } from '../../simulation/report';
import { Simulation, WINDOW_MS } from '../../simulation/simulation';
import { buildSnapshot } from '../../simulation/snapshot';
import { cleanChangeTimeMs, mergeInterventions, type Intervention } from './interventions';
import { latestWindows, perSecond, PREVIEW_EVERY_MS } from './posting';

type Checks = typeof import('./validation');
let checksLoading: Promise<Checks> | null = null;
/** The scenario schema and its checks, loaded once. */
const loadChecks = (): Promise<Checks> => (checksLoading ??= import('./validation'));

/** Simulated seconds per wall second, or as fast as the machine goes. */
export type Speed = number | 'max';
export type RunStatus = 'ready' | 'running' | 'paused' | 'done' | 'failed';

/** What the worker posts to the page, at most every `POST_EVERY_MS`. Small plain data. */
export interface RunUpdate {
  /** Increases with every reset or load: the page drops its series when it sees a new run. */
  runId: number;
  status: RunStatus;
  snapshot: Snapshot;
  /** Windows completed since the previous update (the page keeps the series). */
  windows: WindowStats[];
  report: Report;
  /** Simulated ms per wall ms over the last update interval, when running. */
  achievedSpeed: number | null;
  /**
   * Before the run's first whole window: the window so far, from time 0 to now, with counts
   * scaled to per second. The charts draw it until the first window comes (replacing it).
   */
  preview?: WindowStats;
  /** A message when the simulation threw. */
  error?: string;
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };
export type ChangeOutcome =
  | { ok: true; scenario: Scenario; interventions: Intervention[]; restarted: boolean; atS: number }
  | { ok: false; problems: ScenarioProblem[] };

export interface Clock {
  now(): number;
  schedule(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

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
  /** Whether this run has completed a window yet, and the simulated time of its last preview. */
  private hadWindow = false;
  private previewSimMs = 0;

  /** The checks, once loaded (`checks()`). */
  private loadedChecks: Checks | null = null;
  /** Given to each Simulation: its changes are checked only after `change()` has loaded the checks. */
  private readonly checkChange: ChangeFn = (current, change) => {
    if (this.loadedChecks === null) throw new Error('the scenario checks have not loaded');
    return this.loadedChecks.changedScenario(current, change);
  };
  /** The built-in scenario as JSON (already validated when the page was built), or null. */
  private readonly builtInJson: string | null;

  /**
   * `builtIn`: the page's built-in scenario, validated when the page was built (virtual:engine-facts).
   * Loading exactly it needs no checks, so the worker's first run starts before the schema loads.
   */
  constructor(
    private readonly clock: Clock,
    builtIn: Scenario | null = null,
  ) {
    this.builtInJson = builtIn === null ? null : JSON.stringify(builtIn);
  }

  /** Loads the scenario schema and checks now (the worker does so once the page is up). */
  async checks(): Promise<Checks> {
    this.loadedChecks ??= await loadChecks();
    return this.loadedChecks;
  }

  /** Validates and loads a scenario (its interventions included); the run waits at time 0. */
  async load(input: unknown): Promise<LoadResult> {
    if (this.builtInJson !== null && jsonOf(input) === this.builtInJson) return this.use(JSON.parse(this.builtInJson) as Scenario);
    const parsed = (await this.checks()).parseScenario(input);
    return parsed.ok ? this.use(parsed.scenario) : parsed;
  }

  /**
   * Parses scenario text (a file or a shared link) and loads it, as `load` does. Bad JSON is one
   * problem, never thrown. A scenario with problems leaves the current run as it is.
   */
  async loadText(text: string): Promise<LoadResult> {
    const parsed = (await this.checks()).parseScenarioText(text);
    return parsed.ok ? this.use(parsed.scenario) : parsed;
  }

  /** Back to time 0 with the loaded scenario; changes recorded during the run are dropped. */
  reset(): void {
    this.recorded = [];
    this.restart(this.requireBase());
  }

  /**
   * "Run again": back to time 0 keeping the changes recorded during the run, which replay at the
   * times they were made (the same report, byte for byte, as the run that recorded them).
   * Returns every intervention in force (the file's and the recorded ones) and how many were recorded.
   */
  rerun(): { interventions: Intervention[]; recorded: number } {
    const interventions = this.interventions();
    this.restart({ ...this.requireBase(), interventions });
    return { interventions, recorded: this.recorded.length };
  }

  private restart(scenario: Scenario): void {
    this.stop();
    this.runId++;
    this.hadWindow = false;
    this.previewSimMs = 0;
    this.sim = new Simulation(scenario, DEFAULT_LIMITS, this.checkChange);
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
    const sim = this.requireSim();
    const live = checks.changedScenario(sim.scenario, change);
    // Also restarted: the fault timeline (the engine schedules faults when a run starts) and
    // removing an optional group such as auto-scaling (an intervention cannot say "remove").
    const fixed =
      (!live.ok && live.problems.some((p) => p.message.startsWith('cannot change during a run'))) ||
      (live.ok && (change.set === 'faults' || change.set.startsWith('faults.') || change.value === undefined));
    if (!live.ok && !fixed) return live;
    const t = cleanChangeTimeMs(sim.nowMs);
    if (fixed || sim.nowMs === 0 || t >= sim.durationMs) return this.restartWith(change, checks);
    sim.runUntil(t);
    const applied = sim.applyChange(change);
    if (!applied.ok) return applied;
    // The replay processes this change as one calendar event, counted in `events`; count it here too.
    sim.events++;
    const atS = t / 1000;
    this.recorded.push({ atS, set: change.set, value: change.value });
    this.post(true);
    return { ok: true, scenario: applied.scenario, interventions: this.interventions(), restarted: false, atS };
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
    // The live change's rule for null (an optional group removed, anything else refused), then the whole file's checks.
    const set = checks.withChange(this.requireBase(), change.set, change.value, true);
    if (!set.ok) return set;
    const next = checks.parseScenario(set.value);
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
    if (windows.length > 0) this.hadWindow = true;
    const preview = this.preview(sim);
    this.onUpdate({
      runId: this.runId,
      status: this.status,
      snapshot: buildSnapshot(sim),
      windows,
      report: this.report(),
      achievedSpeed,
      ...(preview ? { preview } : {}),
      ...(error ? { error } : {}),
    });
  }

  /**
   * The first window so far, while a paced run has none yet: so a chart shows a line well
   * within the first second at 1x. The engine closes windows only on whole seconds, so this runs
   * a second Simulation of the same scenario (recorded changes included) that ends now, and takes
   * its one window. The run itself is not touched: its report stays byte for byte the same. Only
   * while simulating is cheap next to the wall clock, since each preview re-runs from time 0.
   */
  private preview(sim: Simulation): WindowStats | null {
    if (this.hadWindow || this.status !== 'running' || this.speed === 'max') return null;
    const t = Math.floor(sim.nowMs);
    if (t < this.previewSimMs + PREVIEW_EVERY_MS || t >= WINDOW_MS || this.wallRunMs > t / 4) return null;
    this.previewSimMs = t;
    try {
      const shadow = new Simulation({ ...this.scenarioToSave(), durationS: t / 1000 });
      shadow.run();
      const w = shadow.drainWindows()[0];
      return w ? perSecond(w, t) : null;
    } catch {
      return null; // a preview is a nicety: the run goes on without it
    }
  }
}

/** JSON of what the page sent, or null when it has none (a cycle, a BigInt: the checks say what is wrong). */
function jsonOf(input: unknown): string | null {
  try {
    return JSON.stringify(input) ?? null;
  } catch {
    return null;
  }
}
