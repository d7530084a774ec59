/**
 * Scenarios entering the page: the address's link at start, a link pasted later, and scenario
 * text from a file, an example, a lab or the host page.
 */
import type { Scenario } from '../../simulation/index';
import type { LinkRead } from '../lib/shareLink';
import { linkCode, type Asker, type ControllerCore } from './controllerCore';
import type { AddressKeeper } from './addressKeeper';

/** How often a running page checks that its worker still answers. */
const WATCHDOG_MS = 2000;

/**
 * Starts the worker and loads the address's link; resolves once the page is on its first
 * scenario, with whether that is the link's (false: no link, or a damaged one; `fallback` then
 * says, in the notice, what is shown instead: asked only then, since it may have to look the
 * address's example or lab up first).
 */
export function init(c: ControllerCore, address: AddressKeeper, fallback: () => Promise<string>): Promise<boolean> {
  const hash = new URL(c.host.href()).hash;
  const ready = c.guarded(async () => {
    const link = hash.length > 1 ? linkCode().then((m) => m.readLink(hash)) : null;
    await c.ensureWorker();
    const linked = link ? await loadRead(c, await link, fallback) : false;
    // From here on the address follows the scenario, so a reload or a copied address keeps it.
    c.scenario.subscribe((s, was) => {
      if (s.scenario !== was.scenario || s.interventions !== was.interventions) address.keep();
    });
    return linked;
  });
  const watchdog = () => {
    if (c.run.getState().status === 'running' && c.bridge.alive) void c.guarded(() => c.bridge.call('ping'));
    c.host.clock.schedule(watchdog, WATCHDOG_MS);
  };
  c.host.clock.schedule(watchdog, WATCHDOG_MS);
  // A link pasted into an open tab (or a host page changing the frame's hash) loads too.
  c.host.onHashChange((h) => void loadLink(c, address, h));
  return ready.then((linked) => linked === true);
}

/** Loads the scenario in a link's hash; anything wrong with it is said and the page keeps its run (and the address names that run again). */
async function loadLink(c: ControllerCore, address: AddressKeeper, hash: string): Promise<void> {
  try {
    const read = await (await linkCode()).readLink(hash);
    await loadRead(c, read, async () => 'the page keeps its current scenario');
    if (read.kind === 'bad') address.keep();
  } finally {
    c.linksHandled++;
  }
}

/**
 * Loads what a link held: a damaged one gets one sentence (never text from the link) and leaves
 * the address (a reload or a copied address would say it again); a scenario is validated like a
 * file. True when the link's scenario is loaded.
 */
async function loadRead(c: ControllerCore, read: LinkRead, fallback: () => Promise<string>): Promise<boolean> {
  if (read.kind === 'scenario') return loadText(c, read.text, 'the shared link');
  if (read.kind === 'bad') {
    if (!c.host.inFrame) c.host.replaceAddress(c.host.href().replace(/#.*$/, ''));
    c.scenario.setState({ fileProblems: [] });
    c.run.setState({ notice: (await linkCode()).badLinkSentence(read.why, await fallback()) });
  }
  return false;
}

/**
 * Loads scenario text (a file, a link, an example, a lab, the host's); the worker validates it.
 * Problems are listed and the current run is kept. Every scenario enters the page here, so locked
 * fields are kept here: a learner's scenario is loaded with them put back (and the notice says
 * which); a host's sets them. `notice` is what a loaded scenario says (by default "Loaded …").
 */
export async function loadText(c: ControllerCore, text: string, fileName: string, opts: Asker & { notice?: string } = {}): Promise<boolean> {
  const worker = {
    parseText: (t: string) => c.bridge.call('parseText', t),
    load: (s: Scenario) => c.bridge.call('load', s),
    loadText: (t: string) => c.bridge.call('loadText', t),
  };
  const loaded = await c.guarded(async () => {
    await c.ensureWorker();
    // The lock gate is loaded with the first scenario loaded, after the first screen.
    const { loadUnderLocks } = await import('../embed/lockGate');
    return loadUnderLocks(text, worker, opts.host === true ? null : c.guard);
  });
  if (!loaded) return false;
  const { r, kept } = loaded;
  const keptList = kept.join(', ');
  if (!r.ok) {
    c.scenario.setState({ fileProblems: r.problems });
    c.run.setState({ notice: `${fileName} was not loaded${kept.length > 0 ? ` with ${keptList} as the course page set ${kept.length === 1 ? 'it' : 'them'}` : ''}.` });
    return false;
  }
  if (opts.host) c.guard?.pin(r.scenario);
  c.base = r.scenario;
  c.scenario.setState({ scenario: r.scenario, interventions: r.scenario.interventions, fieldProblems: {}, fileProblems: [], recorded: 0 });
  const keptSentence = kept.length > 0 ? ` The course page sets ${keptList}: ${kept.length === 1 ? 'it keeps its value' : 'they keep their values'}.` : '';
  c.run.setState({ notice: `${opts.notice ?? `Loaded ${fileName}.`}${keptSentence}`, error: null });
  return true;
}
