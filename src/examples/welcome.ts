/** Whether a visit gets the welcome, and remembering that it was seen (localStorage). */
export const WELCOMED_KEY = 'cqrs-lab-welcomed';

/**
 * The welcome is for a person opening the page on their own, once: never in embed mode or a
 * frame, and not when the address already says what to do (an example, a lab or a shared link).
 */
export function shouldWelcome(search: string, hash: string, inFrame: boolean, storage: Pick<Storage, 'getItem'> | null): boolean {
  const q = new URLSearchParams(search);
  if (inFrame || q.get('embed') === '1' || q.has('example') || q.has('lab') || hash.length > 1) return false;
  try {
    return storage !== null && storage.getItem(WELCOMED_KEY) === null;
  } catch {
    return false; // storage off: better no welcome than one on every visit
  }
}

/** Remembers that the welcome was answered; where storage is off, it lasts this visit. */
export function rememberWelcomed(storage: Pick<Storage, 'setItem'> | null): void {
  try {
    storage?.setItem(WELCOMED_KEY, '1');
  } catch {
    // Not saved (a sandboxed frame, private mode with storage off).
  }
}
