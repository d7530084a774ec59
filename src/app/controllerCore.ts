/**
 * The state one controller keeps (createController.ts) and the steps every action shares: run a
 * command, say what it refused, start a worker when none runs. It holds no module-level state, so
 * a test can build as many controllers as it likes.
 */
import type { StoreApi } from 'zustand';
import type { Scenario } from '../../simulation/index';
import type { SimLink } from '../bridge/simBridge';
import type { FieldGuard } from '../embed/locks';
import type { RunState } from '../state/runStore';
import type { ScenarioState } from '../state/scenarioStore';
import type { PageHost } from './pageHost';

/** What a controller is built from: the page's, or a test's (testController.ts). */
export interface ControllerDeps {
  /** The simulation: the page's worker bridge, or the engine in process. */
  bridge: SimLink;
  /** The run as the page shows it; the bridge's updates (runUpdates.ts) land here too. */
  run: StoreApi<RunState>;
  /** The scenario as it stands, and the problems found in edits. */
  scenario: StoreApi<ScenarioState>;
  host: PageHost;
  /** A field's name as the settings show it, for notices (by default from the settings' chunk; the path if it cannot load). */
  fieldLabel?: (path: string) => Promise<string>;
}

/** Who asks: the learner (the default: locks hold) or the host page (its commands set locked fields). */
export interface Asker {
  host?: boolean;
}

// Sharing loads when first used: the first screen does not need it.
export const linkCode = () => import('../lib/shareLink');

const settingsLabel = (path: string): Promise<string> =>
  import('../components/settings/fieldDefs').then(
    (m) => m.fieldLabel(path),
    () => path,
  );

export class ControllerCore {
  readonly bridge: SimLink;
  readonly run: StoreApi<RunState>;
  readonly scenario: StoreApi<ScenarioState>;
  readonly host: PageHost;
  readonly fieldLabel: (path: string) => Promise<string>;
  /** The scenario the worker runs from time 0 (what a restart or a fresh worker loads). */
  base: Scenario;
  /** Embed mode's `lock=` (src/embed/locks.ts), once main.tsx sets it: every scenario and change enters the page here, so the locks are kept here. */
  guard: FieldGuard | null = null;
  /** Hash changes handled so far (the browser tests wait on it). */
  linksHandled = 0;

  constructor(deps: ControllerDeps) {
    this.bridge = deps.bridge;
    this.run = deps.run;
    this.scenario = deps.scenario;
    this.host = deps.host;
    this.fieldLabel = deps.fieldLabel ?? settingsLabel;
    this.base = deps.scenario.getState().scenario;
  }

  /** Runs `fn`; a rejected call has already been reported by the bridge, so it is only logged. */
  async guarded<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      if (!this.bridge.alive) return undefined; // the failure message is on the page already
      this.run.setState({ error: `The simulation refused the command: ${(e as Error).message}` });
      return undefined;
    }
  }

  /** Starts a worker with the base scenario if none is running (first use, or after a failure). */
  async ensureWorker(): Promise<void> {
    if (this.bridge.alive) return;
    const r = await this.bridge.call('load', this.base);
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    await this.bridge.call('setSpeed', this.run.getState().speed);
  }

  /** Clears what belonged to the previous run or worker (the new run's updates bring the rest). */
  clearRun(): void {
    this.run.setState({ error: null, notice: null });
  }

  /** The page shows the base scenario, as loaded: no recorded changes, no refused edits. */
  showBase(): void {
    this.scenario.setState({ scenario: this.base, interventions: this.base.interventions, fieldProblems: {}, recorded: 0 });
  }

  /** The scenario as "Save scenario" gives it (interventions included), starting a worker if need be. */
  scenarioToSave(): Promise<Scenario | undefined> {
    return this.guarded(async () => {
      await this.ensureWorker();
      return this.bridge.call('scenarioToSave');
    });
  }
}
