/**
 * What the page's controls do: each action sends one command through the bridge and puts the
 * answer in the stores. Components call these and read the stores; they never see the worker.
 */
import type { Scenario, WindowStats } from '../../simulation/index';
import { SimBridge } from '../bridge/simBridge';
import { appendWindows } from '../state/series';
import { useRunStore } from '../state/runStore';
import { useScenarioStore } from '../state/scenarioStore';
import type { RunUpdate, Speed } from '../worker/runner';
import type { LinkRead } from '../lib/shareLink';
import type { FieldGuard } from '../embed/locks';
import { withoutEmbedOptions } from '../embed/embedOptions';

// Saving and sharing load when first used: the first screen needs neither.
const exportCode = () => Promise.all([import('../lib/download'), import('../lib/shareLink')]).then(([d, s]) => ({ ...d, ...s }));

/** Windows reach the charts at most this often while running (the topology updates every post). */
const SERIES_FLUSH_MS = 250;
const UI_EVERY_MS = 100;
const WATCHDOG_MS = 2000;

let pendingWindows: WindowStats[] = [];
let lastFlush = 0;
/** The scenario the worker runs from time 0 (what a restart or a fresh worker loads). */
let base: Scenario = useScenarioStore.getState().scenario;

/**
 * The run's first window so far (RunUpdate.preview), not yet shown; and whether the series the
 * page shows is that preview alone. The first whole window replaces it.
 */
let preview: WindowStats | null = null;
let showingPreview = false;

function flushSeries(): void {
  lastFlush = performance.now();
  if (pendingWindows.length === 0) {
    if (!preview) return;
    const first = preview;
    preview = null;
    showingPreview = true;
    useRunStore.setState({ series: [first] });
    return;
  }
  const windows = pendingWindows;
  pendingWindows = [];
  preview = null;
  const replace = showingPreview;
  showingPreview = false;
  useRunStore.setState((s) => ({ series: appendWindows(replace ? [] : s.series, windows) }));
}

/** The run the page is showing; updates from an earlier run (still in flight) are dropped. */
let runId = -1;

/**
 * The latest update not yet shown. Updates are coalesced so the page renders at most every
 * `UI_EVERY_MS` (the worker may post up to ~30 a second); a change of status shows at once.
 */
let latest: RunUpdate | null = null;
let uiTimer: ReturnType<typeof setTimeout> | null = null;

function onUpdate(u: RunUpdate): void {
  if (u.runId < runId) return;
  if (u.runId > runId) {
    runId = u.runId;
    pendingWindows = [];
    preview = null;
    showingPreview = false;
    useRunStore.setState({ series: [] });
  }
  pendingWindows = appendWindows(pendingWindows, u.windows);
  if (u.preview && pendingWindows.length === 0 && (showingPreview || useRunStore.getState().series.length === 0)) preview = u.preview;
  const statusChanged = u.status !== useRunStore.getState().status;
  latest = u;
  if (statusChanged || u.error) showLatest();
  else uiTimer ??= setTimeout(showLatest, UI_EVERY_MS);
}

function showLatest(): void {
  if (uiTimer !== null) clearTimeout(uiTimer);
  uiTimer = null;
  const u = latest;
  if (!u) return;
  latest = null;
  useRunStore.setState({
    status: u.status,
    snapshot: u.snapshot,
    report: u.report,
    achievedSpeed: u.achievedSpeed,
    ...(u.error ? { error: u.error } : {}),
  });
  // As fast as possible, the charts change too fast to read anyway: redraw them less often.
  const every = useRunStore.getState().speed === 'max' ? 2 * SERIES_FLUSH_MS : SERIES_FLUSH_MS;
  if (u.status !== 'running' || performance.now() - lastFlush >= every) flushSeries();
}

function onFailure(message: string): void {
  // Drop what the dead worker said last, or it would overwrite the failure a moment later.
  if (uiTimer !== null) clearTimeout(uiTimer);
  uiTimer = null;
  latest = null;
  pendingWindows = [];
  preview = null;
  runId = -1; // a new worker counts its runs from the start
  useRunStore.setState({ status: 'failed', error: message, achievedSpeed: null });
}

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

/** Embed mode's `lock=` (src/embed/locks.ts): every scenario and change enters the page here, so the locks are kept here. */
let guard: FieldGuard | null = null;

/** Starts keeping these locks (main.tsx, in embed mode with `lock=`). */
export function guardFields(g: FieldGuard): void {
  guard = g;
}

/** The paths the course page locked (none outside embed mode). */
export const lockedFields = (): readonly string[] => guard?.paths ?? [];

/** The locks' values are taken from the scenario now loaded (once the address's own lab, example or link has loaded). */
export function pinLockedFields(): void {
  guard?.pin(useScenarioStore.getState().scenario);
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
    if (!fresh) await bridge.call('reset');
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
  if (guard?.locked(path) && !who.host) {
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
  if (who.host) guard?.pin(r.scenario);
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
  let r = await guarded(async () => {
    await ensureWorker();
    return bridge.call('loadText', text);
  });
  if (!r) return false;
  let kept: string[] = [];
  if (r.ok && guard && !opts.host) {
    const fixed = guard.enforce(r.scenario);
    if (fixed) {
      kept = fixed.kept;
      r = await guarded(() => bridge.call('loadText', JSON.stringify(fixed.scenario)));
      if (!r) return false;
    }
  }
  if (!r.ok) {
    useScenarioStore.setState({ fileProblems: r.problems });
    useRunStore.setState({ notice: `${fileName} was not loaded${kept.length > 0 ? ` with ${kept.join(', ')} as the course page set ${kept.length === 1 ? 'it' : 'them'}` : ''}.` });
    return false;
  }
  if (opts.host) guard?.pin(r.scenario);
  base = r.scenario;
  useScenarioStore.setState({ scenario: r.scenario, interventions: r.scenario.interventions, fieldProblems: {}, fileProblems: [], recorded: 0 });
  const keptSentence = kept.length > 0 ? ` The course page sets ${kept.join(', ')}: ${kept.length === 1 ? 'it keeps its value' : 'they keep their values'}.` : '';
  useRunStore.setState({ notice: `${opts.notice ?? `Loaded ${fileName}.`}${keptSentence}`, error: null });
  return true;
}

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
