/**
 * What the controller needs of the browser around it: the address, the clipboard, downloads,
 * timers. The page passes `browserHost()`; the headless harness (testController.ts) a stand-in
 * that records what the page would have done.
 */
import type { Clock } from '../worker/runner';

export interface PageHost {
  /** The page is in a frame: the address is the host page's, and links go to the host page. */
  readonly inFrame: boolean;
  /** The page's address now. */
  href(): string;
  /** Puts `url` (an address or a bare `#hash`) in the address bar, with no history entry. */
  replaceAddress(url: string): void;
  /** Calls `fn` with the new hash each time the address's hash changes (a pasted link, a host page). */
  onHashChange(fn: (hash: string) => void): void;
  /** The page's timers (wall time): the watchdog and the address's throttle. */
  readonly clock: Clock;
  /** Copies `text` to the clipboard; rejects when that is not allowed. */
  copy(text: string): Promise<void>;
  /** Passes a link made in a frame to the host API (src/embed/hostApi.ts). */
  announceLink(url: string): void;
  /** Offers `value` as a JSON file to download. */
  download(value: unknown, fileName: string): Promise<void>;
}

/** The page's own host: the window it runs in. */
export function browserHost(): PageHost {
  return {
    inFrame: window.self !== window.top,
    href: () => location.href,
    replaceAddress: (url) => history.replaceState(history.state, '', url),
    // The event's own URL: the address may have been rewritten (the controller keeps it current) since it was queued.
    onHashChange: (fn) => window.addEventListener('hashchange', (e) => fn(new URL(e.newURL).hash)),
    clock: {
      now: () => performance.now(),
      schedule: (fn, ms) => setTimeout(fn, ms),
      cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
    copy: async (text) => navigator.clipboard.writeText(text),
    announceLink: (url) => window.dispatchEvent(new CustomEvent('cqrs-lab:link', { detail: url })),
    // Saving loads when first used: the first screen does not need it.
    download: async (value, fileName) => (await import('../lib/download')).downloadJson(value, fileName),
  };
}
