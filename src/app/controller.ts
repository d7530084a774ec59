/**
 * The page's one controller (createController.ts), made by main.tsx at start over the simulation
 * worker's bridge and the page's stores. Components, the host API, labs and examples call its
 * actions through the functions below, so they need not be handed the instance.
 */
import { SimBridge } from '../bridge/simBridge';
import type { FieldGuard } from '../embed/locks';
import { useRunStore } from '../state/runStore';
import { useScenarioStore } from '../state/scenarioStore';
import type { Speed } from '../worker/runner';
import type { FollowKind } from '../worker/follow';
import type { SlowestAsk } from './runControl';
import { createController, type Asker, type Controller } from './createController';
import { browserHost } from './pageHost';
import { RunUpdates } from './runUpdates';

export type { Asker };

let page: Controller | null = null;

/** Makes the page's controller (once; later calls return it). */
export function startPage(): Controller {
  if (page) return page;
  const host = browserHost();
  const bridge = new SimBridge(new RunUpdates(useRunStore, host.clock));
  page = createController({ bridge, run: useRunStore, scenario: useScenarioStore, host });
  return page;
}

function the(): Controller {
  if (!page) throw new Error('the page controller has not started (main.tsx calls startPage first)');
  return page;
}

export const init = (fallback?: () => Promise<string>) => the().init(fallback);
export const play = () => the().play();
export const pause = () => the().pause();
export const step = () => the().step();
export const reset = () => the().reset();
export const setSpeed = (speed: Speed) => the().setSpeed(speed);
export const follow = (kind: FollowKind, slowest?: SlowestAsk) => the().follow(kind, slowest);
export const change = (path: string, value: unknown, who?: Asker) => the().change(path, value, who);
export const loadText = (text: string, fileName: string, opts?: Asker & { notice?: string }) => the().loadText(text, fileName, opts);
export const currentLink = () => the().currentLink();
export const saveScenario = () => the().saveScenario();
export const shareLink = () => the().shareLink();
export const saveReport = () => the().saveReport();
export const scenarioForStudy = () => the().scenarioForStudy();
export const scenarioNow = () => the().scenarioNow();
export const guardFields = (g: FieldGuard) => the().guardFields(g);
export const lockedFields = () => the().lockedFields();
export const pinLockedFields = () => the().pinLockedFields();
export const linksHandledForTest = () => the().linksHandled();
export const failWorkerForTest = (mode: 'throw' | 'hang') => the().failWorkerForTest(mode);
