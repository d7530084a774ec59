import { init, failWorkerForTest, guardFields, linksHandledForTest, pinLockedFields, play, setSpeed, startPage } from './app/controller';
import { isLabId } from './labs/labTypes';
import { applyEmbedLayout, embedOptions } from './embed/embedOptions';
import { useRunStore } from './state/runStore';
import { useUiStore } from './state/uiStore';
import './styles.css';

// The page's one controller: every action of the page goes through it.
startPage();
const embed = embedOptions(location.search);
if (embed) applyEmbedLayout(embed, document.documentElement);
const params = new URLSearchParams(location.search);
const exampleId = params.get('example');
// A link in the address holds the scenario (a reloaded lab keeps the student's changes; an
// example's notes are shown beside a linked scenario); without one, an example or a lab loads its own.
const hadLink = location.hash.length > 1;
const lab = params.get('lab');
// A damaged link says so, and what is shown instead: what loads after it. A lab loads last, so a
// real lab's scenario is what shows; else a real example's; else the built-in scenario.
const fallback = async (): Promise<string> => {
  if (isLabId(lab)) return "the lab's own scenario is shown instead";
  if (exampleId !== null && (await import('./examples/exampleActions')).isExampleId(exampleId)) return "the example's own scenario is shown instead";
  return 'the built-in scenario is shown instead';
};
// What the page says about a link that did not load stays said once the example or lab has loaded
// its own scenario (their loading says "Loaded …" otherwise); what an example that failed says is added.
const keepingLinkNotice = async <T,>(linked: boolean, load: () => Promise<T>, failure: (r: T) => string | null): Promise<T> => {
  const notice = hadLink && !linked ? useRunStore.getState().notice : null;
  const result = await load();
  const failed = failure(result);
  if (notice !== null) useRunStore.setState({ notice: failed === null ? notice : `${notice} ${failed}` });
  return result;
};
// ?example=<id>: the example loads once the worker is up (over a link that loaded, only its notes). Autoplay waits for it.
const initialized = init(fallback);
const started = initialized.then(async (linked) => {
  if (exampleId !== null) {
    await keepingLinkNotice(
      linked,
      async () => (await import('./examples/exampleActions')).loadExample(exampleId, { keepScenario: linked }),
      (r) => (r.ok ? null : r.message),
    );
  }
  return linked;
});
// `?lab=q3` opens a lab: its code and data load after the first screen. (An unknown lab is said in the lab's panel.)
const labOpened =
  lab === null ? started : started.then((linked) => keepingLinkNotice(linked, async () => (await import('./labs/labActions')).openLab(lab, { load: !linked }), () => null));
// `lock=`: the locked fields keep the values the address's own scenario gives them, from the moment it has loaded.
const locksKept =
  embed && embed.locked.length > 0
    ? Promise.all([import('./embed/locks'), labOpened]).then(([m]) => (guardFields(m.fieldLocks(embed.locked)), pinLockedFields()))
    : Promise.resolve();
/**
 * The page is on what its address asked for (link, example, lab, locks) and, with `autoplay=1`, its
 * run has started: the host API answers from then on, so a host's command comes after all of it.
 */
const booted = Promise.all([labOpened, locksKept])
  .then(async () => {
    if (embed?.autoplay) await play();
  })
  .then(
    () => undefined,
    () => undefined,
  );
// Tests (and a curious host's developer) can see that the address's own loading is over: nothing of it comes later.
void booted.then(() => (document.documentElement.dataset.booted = '1'));
if (embed) {
  if (embed.theme) useUiStore.setState({ theme: embed.theme }); // for this visit, not remembered
  if (embed.speed !== null) void setSpeed(embed.speed);
  if (embed.charts.length > 0) void import('./labs/highlight').then((m) => m.showOnlyCharts(embed.charts));
  if (embed.locked.length > 0) void import('./labs/highlight').then((m) => m.hideScaleButtons(embed.locked));
}
// In a frame, the host API (src/embed) loads after the first screen: a page on its own never fetches it.
// It says `ready`, and obeys the host, only once the address's own lab, example or link has loaded.
// Messages that come while it loads are kept for it (at most EARLY_MAX; the host API checks their origin).
if (window.self !== window.top) {
  const EARLY_MAX = 100;
  const early: MessageEvent[] = [];
  const keep = (e: MessageEvent) => {
    if (early.length < EARLY_MAX) early.push(e);
  };
  window.addEventListener('message', keep);
  void import('./embed/hostApi').then((m) => m.start(booted, { messages: early, stop: () => window.removeEventListener('message', keep) }));
}
// Browser tests reach the worker's failure hook only when the page is opened with ?test-hooks.
if (new URLSearchParams(location.search).has('test-hooks')) {
  (window as unknown as { labTest: object }).labTest = { failWorker: failWorkerForTest, linksHandled: linksHandledForTest };
}

// The first screen: React's DOM renderer and the app's components are modules of their own, each
// evaluated in a task of its own after this one (and preloaded by index.html, so fetching them
// starts at once): no single task holds them all, which kept one long task over 50 ms on every
// load. They then render the first screen in a transition, in slices.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
// React's DOM renderer is evaluated once the worker is up (or after WORKER_WAIT_MS at most): the
// worker's own start-up takes a core, and on a two-core machine, beside the browser's processes,
// it stretched the page's largest task (that evaluation) well past 50 ms.
const WORKER_WAIT_MS = 400;
void (async () => {
  await Promise.race([initialized, new Promise((resolve) => setTimeout(resolve, WORKER_WAIT_MS))]).catch(() => {});
  await nextTask();
  const { createRoot } = await import('react-dom/client');
  await nextTask();
  const { renderFirstScreen } = await import('./firstScreen');
  await nextTask();
  renderFirstScreen(createRoot(document.getElementById('root')!));
})();
