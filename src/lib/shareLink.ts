/**
 * A scenario in the page's address: `#scenario=` and the scenario JSON as base64url (UTF-8).
 * A teacher's link opens the same scenario, interventions included, so the run replays exactly.
 */
const KEY = 'scenario=';

export function encodeScenario(scenario: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The scenario JSON text in a hash such as `#scenario=...`, or null if there is none. */
export function scenarioTextFromHash(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith(KEY)) return null;
  try {
    const b64 = h.slice(KEY.length).replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return '(not a scenario link)';
  }
}

export function hashFor(scenario: unknown): string {
  return `#${KEY}${encodeScenario(scenario)}`;
}
