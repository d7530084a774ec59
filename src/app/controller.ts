/**
 * What the page's controls do: each action sends one command through the bridge and puts the
 * answer in the stores. Components call these and read the stores; they never see the worker.
 */
import type { Scenario } from '../../simulation/index';
import { SimBridge } from '../bridge/simBridge';
import { useRunStore } from '../state/runStore';
import { useScenarioStore } from '../state/scenarioStore';
import type { Speed } from '../worker/runner';
import { onFailure, onUpdate } from './runUpdates';
import type { LinkRead } from '../lib/shareLink';
import { activeGuard, loadUnderLocks, lockedBase } from '../embed/lockGate';
import { withoutEmbedOptions } from '../embed/embedOptions';

// Saving and sharing load when first used: the first screen needs neither.
const exportCode = () => Promise.all([import('../lib/download'), import('../lib/shareLink')]).then(([d, s]) => ({ ...d, ...s }));

const WATCHDOG_MS = 2000;

/** The scenario the worker runs from time 0 (what a restart or a fresh worker loads). */
let base: Scenario = useScenarioStore.getState().scenario;

const bridge = new SimBridge({ onUpdate, onFailure });

/** Runs `fn`; a rejected call has already been reported by the bridge, so it is only logged. */
async function guarded<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (!bridge.alive) return undefined; // the failure message is on the page already
    useRunStore.setState({ error: `The simulation refused the command: ${(e as Error).message}` });
    return undefined;
  }
}

/** Starts a worker with `scenario` if none is running (first use, or after a failure). */
async function ensureWorker(): Promise<void> {
  if (bridge.alive) return;
  const r = await bridge.call('load', base);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  await bridge.call('setSpeed', useRunStore.getState().speed);
}

// Embed mode's `lock=` (src/embed/lockGate.ts): every scenario and change enters the page here, so the locks are kept here.
export { guardFields, lockedFields } from '../embed/lockGate';

/** The locks' values are taken from the scenario now loaded (once the address's own lab, example or link has loaded). */
export function pinLockedFields(): void {
  activeGuard()?.pin(useScenarioStore.getState().scenario);
}

/** Who asks: the learner (the default: locks hold) or the host page (its commands set locked fields). */
export interface Asker {
  host?: boolean;
}

/** Clears what belonged to the previous run or worker (the new run's updates bring the rest). */
function clearRun(): void {
  useRunStore.setState({ error: null, notice: null });
}

/**
 * Starts the worker and loads the address's link; resolves once the page is on its first
 * scenario, with whether that is the link's (false: no link, or a damaged one; `fallback` then
 * says, in the notice, what is shown instead: asked only then, since it may have to look the
 * address's example or lab up first).
 */
export function init(fallback: () => Promise<string> = async () => 'the built-in scenario is shown instead'): Promise<boolean> {
  const hash = location.hash;
  const ready = guarded(async () => {
    const link = hash.length > 1 ? exportCode().then((m) => m.readLink(hash)) : null;
    await ensureWorker();
    const linked = link ? await loadRead(await link, fallback) : false;
    // From here on the address follows the scenario, so a reload or a copied address keeps it.
    useScenarioStore.subscribe((s, was) => {
      if (s.scenario !== was.scenario || s.interventions !== was.interventions) keepAddress();
    });
    return linked;
  });
  setInterval(() => {
    if (useRunStore.getState().status === 'running' && bridge.alive) void guarded(() => bridge.call('ping'));
  }, WATCHDOG_MS);
  // A link pasted into an open tab (or a host page changing the frame's hash) loads too.
  // The event's own URL: the address may have been rewritten (keepAddress) since it was queued.
  window.addEventListener('hashchange', (e) => void loadLink(new URL(e.newURL).hash));
  return ready.then((linked) => linked === true);
}

/** Hash changes handled so far (the browser tests wait on it). */
let linksHandled = 0;
export const linksHandledForTest = () => linksHandled;

/** Loads the scenario in a link's hash; anything wrong with it is said and the page keeps its run (and the address names that run again). */
async function loadLink(hash: string): Promise<void> {
  try {
    const read = await (await exportCode()).readLink(hash);
    await loadRead(read, async () => 'the page keeps its current scenario');
    if (read.kind === 'bad') keepAddress();
  } finally {
    linksHandled++;
  }
}

/**
 * Loads what a link held: a damaged one gets one sentence (never text from the link) and leaves
 * the address (a reload or a copied address would say it again); a scenario is validated like a
 * file. True when the link's scenario is loaded.
 */
async function loadRead(read: LinkRead, fallback: () => Promise<string>): Promise<boolean> {
  if (read.kind === 'scenario') return loadText(read.text, 'the shared link');
  if (read.kind === 'bad') {
    if (!inFrame()) history.replaceState(history.state, '', location.href.replace(/#.*$/, ''));
    useScenarioStore.setState({ fileProblems: [] });
    useRunStore.setState({ notice: (await exportCode()).badLinkSentence(read.why, await fallback()) });
  }
  return false;
}

/** The address is rewritten at most this often while the scenario changes (replaceState: no history entries). */
const ADDRESS_EVERY_MS = 1000;
let addressTimer: ReturnType<typeof setTimeout> | null = null;
let lastAddressAt = -Infinity;
const inFrame = (): boolean => window.self !== window.top;

/** Keeps the address's link current, throttled; a page in a frame leaves the host's address alone. */
function keepAddress(): void {
  if (addressTimer !== null || inFrame()) return;
  addressTimer = setTimeout(
    () => {
      addressTimer = null;
      lastAddressAt = performance.now();
      void writeAddress();
    },
    Math.max(0, lastAddressAt + ADDRESS_EVERY_MS - performance.now()),
  );
}

/** The link hash (`#s=2.…`) of the scenario with its interventions, as "Share link" makes it. */
export async function currentLink(): Promise<string | undefined> {
  const s = await guarded(async () => {
    await ensureWorker();
    return bridge.call('scenarioToSave');
  });
  return s ? (await exportCode()).linkHash(s) : undefined;
}

async function writeAddress(): Promise<string | undefined> {
  const s = bridge.alive ? await bridge.call('scenarioToSave').catch(() => undefined) : undefined;
  if (!s) return undefined;
  const hash = await (await exportCode()).linkHash(s);
  if (!inFrame() && location.hash !== hash) history.replaceState(history.state, '', hash);
  return hash;
}

export async function play(): Promise<void> {
  await guarded(async () => {
    const fresh = !bridge.alive;
    await ensureWorker();
    if (fresh) {
      clearRun();
      useScenarioStore.setState({ scenario: base, interventions: base.interventions, fieldProblems: {}, recorded: 0 });
    }
    if (useRunStore.getState().status === 'done') await rerun();
    useRunStore.setState({ error: null });
    await bridge.call('play');
  });
}

export async function pause(): Promise<void> {
  await guarded(() => bridge.call('pause'));
}

export async function step(): Promise<void> {
  await guarded(async () => {
    if (!bridge.alive) {
      await ensureWorker();
      clearRun();
    }
    await bridge.call('step');
  });
}

export async function reset(): Promise<void> {
  await guarded(async () => {
    const fresh = !bridge.alive;
    await ensureWorker();
    clearRun();
    // A host's set of a locked field made during the run was an intervention: it holds from time 0 now.
    const locked = lockedBase(base);
    if (locked) {
      const r = await bridge.call('load', locked);
      if (r.ok) base = r.scenario;
    } else if (!fresh) await bridge.call('reset');
    useScenarioStore.setState({ scenario: base, interventions: base.interventions, fieldProblems: {}, recorded: 0 });
  });
}

/**
 * "Run again" (Play once a run is done): back to time 0 keeping the changes recorded during the
 * run, which replay at the times they were made, so the run repeats exactly. Reset drops them.
 */
async function rerun(): Promise<void> {
  const r = await bridge.call('rerun');
  clearRun();
  useScenarioStore.setState({ scenario: base, interventions: r.interventions, fieldProblems: {}, recorded: r.recorded });
  if (r.recorded > 0) {
    const changes = r.recorded === 1 ? 'the change' : `the ${r.recorded} changes`;
    useRunStore.setState({ notice: `Running again with ${changes} you made during the run, at the same simulated times. Reset drops them.` });
  }
}

export async function setSpeed(speed: Speed): Promise<void> {
  useRunStore.setState({ speed });
  if (bridge.alive) await guarded(() => bridge.call('setSpeed', speed));
}

/** Sets one scenario field; a refused value leaves a message at the field and changes nothing. */
export async function change(path: string, value: unknown, who: Asker = {}): Promise<boolean> {
  if (activeGuard()?.locked(path) && !who.host) {
    useScenarioStore.setState((s) => ({ fieldProblems: { ...s.fieldProblems, [path]: 'is set by the course page and cannot be changed here' } }));
    return false;
  }
  const started = (useRunStore.getState().snapshot?.tMs ?? 0) > 0;
  const ended = useRunStore.getState().status === 'done';
  const r = await guarded(async () => {
    await ensureWorker();
    return bridge.call('change', { set: path, value });
  });
  if (!r) return false;
  const problems = { ...useScenarioStore.getState().fieldProblems };
  if (!r.ok) {
    problems[path] = r.problems.map((p) => (p.path === path ? p.message : `${p.path}: ${p.message}`)).join('; ');
    useScenarioStore.setState({ fieldProblems: problems });
    return false;
  }
  delete problems[path];
  useScenarioStore.setState({
    scenario: r.scenario,
    interventions: r.interventions,
    fieldProblems: problems,
    recorded: r.restarted ? 0 : r.interventions.length - base.interventions.length,
  });
  if (who.host) activeGuard()?.pin(r.scenario);
  // The field's name as the settings show it, from their chunk (loaded by now in the page: whoever
  // changed a field had it open, or pressed a scale button after the first paint); the path if it
  // cannot load. The notice is written only if no other was while it loaded (Reset, a new run).
  const before = useRunStore.getState().notice;
  const label = () => import('../components/settings/fieldDefs').then((m) => m.fieldLabel(path), () => path);
  const say = (notice: string | null) => {
    if (useRunStore.getState().notice === before) useRunStore.setState({ notice });
  };
  if (r.restarted) {
    base = r.scenario;
    if (!started) say(null);
    else {
      const name = await label();
      say(ended ? `The run had ended: a new run started with ${name} changed.` : `${name} cannot change during a run: a new run started with it.`);
    }
  } else {
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    say(`${await label()} set to ${shown} at ${r.atS.toFixed(3)} s, recorded as an intervention.`);
  }
  return true;
}

/**
 * Loads scenario text (a file, a link, an example, a lab, the host's); the worker validates it.
 * Problems are listed and the current run is kept. Every scenario enters the page here, so locked
 * fields are kept here: a learner's scenario is loaded with them put back (and the notice says
 * which); a host's sets them. `notice` is what a loaded scenario says (by default "Loaded …").
 */
export async function loadText(text: string, fileName: string, opts: Asker & { notice?: string } = {}): Promise<boolean> {
  const loaded = await guarded(async () => {
    await ensureWorker();
    return loadUnderLocks(text, worker, opts.host === true);
  });
  if (!loaded) return false;
  const { r, kept } = loaded;
  const keptList = kept.join(', ');
  if (!r.ok) {
    useScenarioStore.setState({ fileProblems: r.problems });
    useRunStore.setState({ notice: `${fileName} was not loaded${kept.length > 0 ? ` with ${keptList} as the course page set ${kept.length === 1 ? 'it' : 'them'}` : ''}.` });
    return false;
  }
  if (opts.host) activeGuard()?.pin(r.scenario);
  base = r.scenario;
  useScenarioStore.setState({ scenario: r.scenario, interventions: r.scenario.interventions, fieldProblems: {}, fileProblems: [], recorded: 0 });
  const keptSentence = kept.length > 0 ? ` The course page sets ${keptList}: ${kept.length === 1 ? 'it keeps its value' : 'they keep their values'}.` : '';
  useRunStore.setState({ notice: `${opts.notice ?? `Loaded ${fileName}.`}${keptSentence}`, error: null });
  return true;
}

/** The worker's loading commands, for loadUnderLocks. */
const worker = {
  parseText: (text: string) => bridge.call('parseText', text),
  load: (s: Scenario) => bridge.call('load', s),
  loadText: (text: string) => bridge.call('loadText', text),
};

/** Downloads the scenario: the loaded settings plus every intervention, so the run replays. */
export async function saveScenario(): Promise<void> {
  const s = await guarded(async () => {
    await ensureWorker();
    return bridge.call('scenarioToSave');
  });
  if (s) (await exportCode()).downloadJson(s, `${s.name.replace(/[^\w.-]+/g, '-') || 'scenario'}.json`);
}

/**
 * Puts the scenario (with its interventions) in the address and copies the link if allowed. In a
 * frame the address is the host's business: the link is copied, or shown to copy by hand.
 */
export async function shareLink(): Promise<void> {
  const s = await guarded(async () => {
    await ensureWorker();
    return bridge.call('scenarioToSave');
  });
  if (!s) return;
  const hash = await (await exportCode()).linkHash(s);
  // From a frame, the link opens the normal page in a tab of its own: the embed options stay behind.
  const url = (inFrame() ? withoutEmbedOptions(location.href) : location.href.replace(/#.*$/, '')) + hash;
  if (!inFrame()) history.replaceState(history.state, '', hash);
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard permission (a frame without clipboard-write, plain http).
  }
  const n = s.interventions.length;
  // The host API (src/embed/hostApi.ts), when loaded, passes the link on to the host page.
  if (inFrame()) window.dispatchEvent(new CustomEvent('cqrs-lab:link', { detail: url }));
  const its = `its ${n} intervention${n === 1 ? '' : 's'}`;
  if (inFrame()) useRunStore.setState({ notice: copied ? `Link to this scenario with ${its} copied.` : `Link to this scenario: ${url}` });
  else useRunStore.setState({ notice: `The address now links to this scenario with ${its}${copied ? ' (copied)' : ''}.` });
}

/** The scenario as "Save scenario" gives it (interventions included): variant A of a study. */
export async function scenarioForStudy(): Promise<Scenario | undefined> {
  return guarded(async () => {
    await ensureWorker();
    return bridge.call('scenarioToSave');
  });
}

/** The scenario as the run stands now (at a run's end: the values it ended with), from the worker. */
export async function scenarioNow(): Promise<Scenario | undefined> {
  return bridge.alive ? guarded(() => bridge.call('scenarioNow')) : undefined;
}

/** Downloads the report as the CLI prints it with --json. */
export async function saveReport(): Promise<void> {
  const r = await guarded(() => bridge.call('report'));
  if (!r) return;
  const code = await exportCode();
  code.downloadJson(r, `${code.fileNameOf(r.scenario, 'scenario')}-report.json`);
}

/** Test hook: make the worker fail ('throw') or stop answering ('hang'). */
export function failWorkerForTest(mode: 'throw' | 'hang'): void {
  if (bridge.alive) void bridge.call('failForTest', mode).catch(() => {});
}
