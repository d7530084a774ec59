/**
 * A what-if study as a person saves or shares it, and its link (`#study=` and the study's JSON as
 * base64url). Types, limits and the link's encoding only: nothing here reaches the engine, so the
 * page's main thread loads no schema. The study itself is checked in a worker (studyDef.ts, plan.ts).
 */

export type StudyKind = 'replications' | 'compare' | 'sweep';
export const STUDY_KINDS: readonly StudyKind[] = ['replications', 'compare', 'sweep'];

/** One field of variant B set to a value (a path of simulation/fields.ts). */
export interface FieldChange {
  path: string;
  value: unknown;
}

export interface StudyDef {
  /** The format's version. */
  study: 1;
  kind: StudyKind;
  /** Seeds per variant or sweep point: the scenario's seed, seed + 1, ... */
  replications: number;
  /** The scenario (variant A), as a scenario file holds it; validated by the engine. */
  scenario: unknown;
  /** Variant B of a comparison: A with these fields changed. */
  variant?: FieldChange[];
  /** A sweep, in the CLI's syntax: `queryService.instances=1..8`. */
  sweep?: string;
}

export const MAX_REPLICATIONS = 100;
/** Most runs in one study (a sweep of 20 points x 100 seeds). */
export const MAX_RUNS = 2000;
export const MAX_VARIANT_CHANGES = 50;
/** A study's text: a scenario at its largest (the engine's MAX_SCENARIO_CHARS, 4 MiB; a test checks they agree) and room for the rest. */
export const MAX_STUDY_CHARS = 4 * 1024 * 1024 + 64 * 1024;

const KEY = 'study=';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The address hash of a study: `#study=` and its JSON as base64url (UTF-8). */
export function studyHash(def: StudyDef): string {
  return `#${KEY}${toBase64Url(JSON.stringify(def))}`;
}

/** The study text in a `#study=` hash; null if the hash is not a study link; a text that fails to parse if it is garbled. */
export function studyTextFromHash(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith(KEY)) return null;
  const b64 = h.slice(KEY.length).replace(/-/g, '+').replace(/_/g, '/');
  // base64 is 4/3 of the bytes: refuse before decoding anything larger than a study may be.
  if (b64.length > (MAX_STUDY_CHARS * 4) / 3 + 4) return '(too large)';
  try {
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return '(not a study link)';
  }
}
