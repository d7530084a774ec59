/**
 * What the simulation worker offers the page, over one `Runner`: the worker (simWorker.ts) exposes
 * it with Comlink, and the page's headless harness (src/app/testController.ts) calls it in process.
 */
import type { Change } from '../../simulation/index';
import type { Runner, RunUpdate, Speed } from './runner';
import type { FollowKind } from './follow';

export function createSimApi(runner: Runner) {
  return {
    /** Answers at once: the page uses it to check that the worker is alive. */
    ping: (): true => true,
    /** Registers the page's update callback (a Comlink proxy in the worker). */
    subscribe(onUpdate: (u: RunUpdate) => void): void {
      runner.onUpdate = (u) => void onUpdate(u);
    },
    load: (input: unknown) => runner.load(input),
    /** Parses and loads scenario text: validation runs here, never on the page's main thread. */
    loadText: (text: string) => runner.loadText(text),
    /** Parses and checks scenario text without loading it (a learner's file is loaded only once the course page's locks are applied). */
    parseText: async (text: string) => (await runner.checks()).parseScenarioText(text),
    /** The scenario as the run stands now: the loaded one with the interventions applied so far (at a run's end, its end values). */
    scenarioNow: () => runner.scenarioNow(),
    play: () => runner.play(),
    pause: () => runner.pause(),
    step: () => runner.step(),
    reset: () => runner.reset(),
    /** Back to time 0 keeping the changes recorded during the run ("Run again"). */
    rerun: () => runner.rerun(),
    setSpeed: (speed: Speed) => runner.setSpeed(speed),
    change: (change: Change) => runner.change(change),
    report: () => runner.report(),
    /** Follows the next request (of a kind): its trace comes in an update (`followed`); answers why not, or null. */
    follow: (kind: FollowKind) => runner.follower.start(kind),
    /** The slowest request (of a kind) answered in a second kept (by default the last whole one), or why none: its trace comes in an update once a replay of the run has made it. */
    followSlowest: (kind: FollowKind, second?: number) => runner.follower.slowest(kind, second),
    scenarioToSave: () => runner.scenarioToSave(),
  };
}

export type SimApi = ReturnType<typeof createSimApi>;
