/**
 * A scenario in the page's address, in a format that lasts.
 *
 * - Format 2 (written now): `#s=2.<payload>`, the payload being base64url of the deflate-raw
 *   compressed JSON of the scenario's difference from `LINK_BASE_2` (a frozen copy of the default
 *   scenario): keys that differ, `null` for a key the base has and the scenario has not.
 * - Format 1 (read, never written): `#scenario=<base64url of the whole scenario JSON>`.
 *
 * Reading a link is a chain: the link format's decoder gives scenario JSON, then one migration
 * per scenario `version` brings it to the current one; the worker validates the result like a
 * file. A link is untrusted: its length is capped before anything is decoded, decompression stops
 * past `MAX_SCENARIO_CHARS`, and what goes wrong is one of a few reasons, never text from the link.
 */
import { LINK_BASE_2 } from './linkBase2';

/** The link format this page writes. */
export const LINK_FORMAT = 2;
/** The scenario format (`version`) the engine reads; links of older ones are migrated to it. */
export const SCENARIO_VERSION = 1;
/** The engine's limit on scenario text (simulation/input/load.ts MAX_SCENARIO_CHARS; a test checks they agree). */
export const MAX_SCENARIO_CHARS = 4 * 1024 * 1024;
/** Longest link payload read, in characters: base64 of the largest scenario, plus slack. */
export const MAX_LINK_CHARS = Math.ceil((MAX_SCENARIO_CHARS * 4) / 3) + 64;

/** What a hash holds. */
export type LinkRead =
  | { kind: 'none' }
  | { kind: 'scenario'; text: string; format: number }
  | { kind: 'bad'; why: Why };

type Json = unknown;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

// ---- base64url and UTF-8 ----

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Bytes of base64url text (padding optional), or null if it is not base64url. */
function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return null;
  const b64 = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (b64.length % 4 === 1) return null;
  try {
    return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// ---- compression ----

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Inflates `bytes`, stopping as soon as the output passes `maxBytes` ('too-large'); null if not deflate data. */
export async function inflateBounded(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | null | 'too-large'> {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  // Errors surface on the reading side; these promises only need a handler.
  writer.write(bytes as BufferSource).catch(() => {});
  writer.close().catch(() => {});
  const reader = ds.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        void reader.cancel().catch(() => {});
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) (out.set(c, at), (at += c.byteLength));
  return out;
}

// ---- difference from a base ----

const same = Symbol('same');

/** `value` as a difference from `base`: what differs, `null` where `base` has a key `value` lacks; `same` if equal. */
export function diffFrom(base: Json, value: Json): Json | typeof same {
  if (isObject(base) && isObject(value)) {
    const d: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      const sub = Object.hasOwn(base, k) ? diffFrom(base[k], value[k]) : value[k];
      if (sub !== same) define(d, k, sub);
    }
    for (const k of Object.keys(base)) if (!Object.hasOwn(value, k)) define(d, k, null);
    return Object.keys(d).length === 0 ? same : d;
  }
  return JSON.stringify(base) === JSON.stringify(value) ? same : value;
}

/** `base` with `diff` applied (the inverse of diffFrom). Keys are defined, never assigned, so `__proto__` stays a plain key. */
export function applyDiff(base: Json, diff: Json): Json {
  if (!isObject(base) || !isObject(diff)) return diff;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(base)) define(out, k, base[k]);
  for (const k of Object.keys(diff)) {
    if (diff[k] === null) delete out[k];
    else define(out, k, Object.hasOwn(base, k) ? applyDiff(base[k], diff[k]) : diff[k]);
  }
  return out;
}

function define(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

// ---- formats and migrations ----

/**
 * Each link format's decoder: payload text to scenario JSON (of whatever scenario version it was
 * made with). A new format adds an entry here and never changes an old one.
 */
const DECODERS: Record<number, (payload: string) => Promise<Json>> = {
  1: async (payload) => JSON.parse(utf8.decode(bytesOf(payload))),
  2: async (payload) => {
    const text = await inflateBounded(bytesOf(payload), MAX_SCENARIO_CHARS);
    if (text === null) throw new BadLink('damaged');
    if (text === 'too-large') throw new BadLink('too-large');
    return applyDiff(LINK_BASE_2, JSON.parse(utf8.decode(text)));
  },
};

type Why = 'damaged' | 'too-large' | 'newer';
class BadLink extends Error {
  constructor(readonly why: Why) {
    super(why);
  }
}

function bytesOf(payload: string): Uint8Array {
  const bytes = fromBase64Url(payload);
  if (!bytes) throw new BadLink('damaged');
  return bytes;
}

/**
 * Scenario migrations: entry n turns a scenario of `version` n into one of version n + 1. None
 * yet (version 1 is the only one); the chain runs for every link, so adding one is all it takes.
 */
const MIGRATIONS: Record<number, (scenario: Record<string, unknown>) => Record<string, unknown>> = {};

function migrate(scenario: Json): Json {
  let s = scenario;
  // A version the engine does not know is left for its validation to name.
  while (isObject(s) && typeof s.version === 'number' && s.version < SCENARIO_VERSION && MIGRATIONS[s.version]) {
    s = MIGRATIONS[s.version](s);
  }
  return s;
}

/** The link format and payload in a hash, or null for a hash that is not a scenario link. */
function split(hash: string): { format: number; payload: string } | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h.startsWith('scenario=')) return { format: 1, payload: h.slice('scenario='.length) };
  const m = /^s=(\d{1,6})\.?/.exec(h);
  if (m) return { format: Number(m[1]), payload: h.slice(m[0].length) };
  if (h.startsWith('s=')) return { format: NaN, payload: '' };
  return null;
}

/** Reads the scenario in a hash (`#s=2.…` or `#scenario=…`). Never throws. */
export async function readLink(hash: string): Promise<LinkRead> {
  const parts = split(hash);
  if (!parts) return { kind: 'none' };
  if (parts.payload.length > MAX_LINK_CHARS) return { kind: 'bad', why: 'too-large' };
  if (parts.format > LINK_FORMAT) return { kind: 'bad', why: 'newer' };
  const decode = DECODERS[parts.format];
  if (!decode) return { kind: 'bad', why: 'damaged' };
  try {
    const text = JSON.stringify(migrate(await decode(parts.payload)));
    if (text.length > MAX_SCENARIO_CHARS) return { kind: 'bad', why: 'too-large' };
    return { kind: 'scenario', text, format: parts.format };
  } catch (e) {
    // Not base64url, not deflate, not UTF-8, not JSON, or nested past what JSON.parse and
    // JSON.stringify can take: a damaged link in every case.
    return { kind: 'bad', why: e instanceof BadLink ? e.why : 'damaged' };
  }
}

/** The hash (`#s=2.…`) that links to `scenario`. */
export async function linkHash(scenario: unknown): Promise<string> {
  const d = diffFrom(LINK_BASE_2, scenario);
  const json = JSON.stringify(d === same ? {} : d);
  return `#s=${LINK_FORMAT}.${toBase64Url(await deflate(new TextEncoder().encode(json)))}`;
}

/** The one sentence a bad link gets; `fallback` says what the page shows instead. */
export function badLinkSentence(why: Why, fallback: string): string {
  if (why === 'too-large') return `This link is too large to be a scenario, so ${fallback}.`;
  if (why === 'newer') return `This link was made by a newer version of the lab, so ${fallback}.`;
  return `This link is damaged or incomplete, so ${fallback}.`;
}

/** A format-1 link's payload (for the corpus and tests; the page writes format 2). */
export function encodeScenario(scenario: unknown): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(scenario)));
}
