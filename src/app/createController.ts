/**
 * What the page's controls do: each action sends one command through the bridge and puts the
 * answer in the stores. Components call these (through the page's one controller, controller.ts)
 * and read the stores; they never see the worker. A controller keeps all its state in itself, so
 * a Vitest test builds one over the engine in process (testController.ts) and drives it as a
 * person would.
 */
import type { FieldGuard } from '../embed/locks';
import type { Speed } from '../worker/runner';
import type { FollowKind } from '../worker/follow';
import { ControllerCore, type Asker, type ControllerDeps } from './controllerCore';
import type { SlowestAsk } from './runControl';
import { init, loadText } from './scenarioLoading';
import { AddressKeeper } from './addressKeeper';

/** The controls' actions (actions.ts), loaded on the first use of any: the first call waits for the module. */
const actions = () => import('./actions');

export type { Asker, ControllerDeps };

const builtInShown = async (): Promise<string> => 'the built-in scenario is shown instead';

export function createController(deps: ControllerDeps) {
  const c = new ControllerCore(deps);
  const address = new AddressKeeper(c);
  return {
    /** Starts the worker and loads the address's link; resolves with whether the link's scenario is what the page is on. */
    init: (fallback: () => Promise<string> = builtInShown): Promise<boolean> => init(c, address, fallback),
    play: async (): Promise<void> => (await actions()).play(c),
    pause: async (): Promise<void> => (await actions()).pause(c),
    step: async (): Promise<void> => (await actions()).step(c),
    reset: async (): Promise<void> => (await actions()).reset(c),
    setSpeed: async (speed: Speed): Promise<void> => (await actions()).setSpeed(c, speed),
    /**
     * "Follow a request": the next request's (of `kind`) trace, into the run store once it is done;
     * with `slowest`, the slowest answered in a second kept (runControl.ts's followSlowest).
     */
    follow: async (kind: FollowKind, slowest?: SlowestAsk): Promise<void> => (await actions()).follow(c, kind, slowest),
    /** Sets one scenario field; a refused value leaves a message at the field and changes nothing. */
    change: async (path: string, value: unknown, who: Asker = {}): Promise<boolean> => (await actions()).change(c, path, value, who),
    /** Loads scenario text (a file, a link, an example, a lab, the host's); problems are listed and the run kept. */
    loadText: (text: string, fileName: string, opts: Asker & { notice?: string } = {}): Promise<boolean> => loadText(c, text, fileName, opts),
    currentLink: async (): Promise<string | undefined> => (await actions()).currentLink(c),
    saveScenario: async (): Promise<void> => (await actions()).saveScenario(c),
    shareLink: async (): Promise<void> => (await actions()).shareLink(c),
    saveReport: async (): Promise<void> => (await actions()).saveReport(c),
    /** The scenario as "Save scenario" gives it (interventions included): variant A of a study. */
    scenarioForStudy: () => c.scenarioToSave(),
    scenarioNow: async () => (await actions()).scenarioNow(c),
    /** Starts keeping embed mode's locks (main.tsx, with `lock=`). */
    guardFields(g: FieldGuard): void {
      c.guard = g;
    },
    /** The paths the course page locked (none outside embed mode). */
    lockedFields: (): readonly string[] => c.guard?.paths ?? [],
    /** The locks' values are taken from the scenario now loaded (once the address's own lab, example or link has loaded). */
    pinLockedFields(): void {
      c.guard?.pin(c.scenario.getState().scenario);
    },
    /** Hash changes handled so far (the browser tests wait on it). */
    linksHandled: (): number => c.linksHandled,
    /** Test hook: make the worker fail ('throw') or stop answering ('hang'). */
    failWorkerForTest(mode: 'throw' | 'hang'): void {
      if (c.bridge.alive) void c.bridge.call('failForTest', mode).catch(() => {});
    },
  };
}

export type Controller = ReturnType<typeof createController>;
