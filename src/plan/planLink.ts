/**
 * A plan as a person saves or shares it: its targets and space in the CLI's syntax, its
 * replications and the scenario it runs on, as JSON in a file or a link (`#plan=` and the JSON as
 * base64url). Its shape only is checked here (the page's main thread loads no schema); the
 * scenario, targets and space are checked in a worker when the plan runs, each problem named.
 */
import { MAX_STUDY_CHARS } from '../study/studyLink';
import type { SpaceRow, TargetOp, TargetRow } from './planStore';

export interface PlanDef {
  /** The format's version. */
  plan: 1;
  /** `queries.latencyMs.p99 < 50`, as the CLI's --plan takes them. */
  targets: string[];
  /** `queryService.vcpus=1..16`, as the CLI's --space takes them. */
  space: string[];
  replications: number;
  /** The scenario, as a scenario file holds it. */
  scenario: unknown;
}

const KEY = 'plan=';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const planHash = (def: PlanDef) => `#${KEY}${toBase64Url(JSON.stringify(def))}`;

/** The plan's text in a `#plan=` hash; null if the hash is not a plan link; a text that fails to read if it is garbled. */
export function planTextFromHash(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith(KEY)) return null;
  const b64 = h.slice(KEY.length).replace(/-/g, '+').replace(/_/g, '/');
  if (b64.length > (MAX_STUDY_CHARS * 4) / 3 + 4) return '(too large)';
  try {
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return '(not a plan link)';
  }
}

export type ReadPlan = { ok: true; targets: TargetRow[]; space: SpaceRow[]; replications: number; scenario: unknown } | { ok: false; problems: string[] };

const TARGET = /^\s*(\S+)\s*(<=|>=|<|>)\s*(\S+)\s*$/;

/** A plan's text read into the panel's rows; a problem names the field. */
export function readPlanText(text: string): ReadPlan {
  if (text.length > MAX_STUDY_CHARS) return { ok: false, problems: [`the plan is ${text.length} characters, over ${MAX_STUDY_CHARS}`] };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['the plan is not JSON'] };
  }
  const d = v as Partial<PlanDef> | null;
  if (d === null || typeof d !== 'object' || d.plan !== 1) return { ok: false, problems: ['plan: must be 1 (a plan file as "Save plan" writes it)'] };
  const problems: string[] = [];
  const targets: TargetRow[] = [];
  const space: SpaceRow[] = [];
  if (!Array.isArray(d.targets) || d.targets.length === 0) problems.push('targets: a list of targets such as "queries.latencyMs.p99 < 50"');
  else
    d.targets.forEach((t, i) => {
      const m = typeof t === 'string' ? TARGET.exec(t) : null;
      if (m) targets.push({ figure: m[1], op: m[2] as TargetOp, limit: m[3] });
      else problems.push(`targets[${i}]: ${JSON.stringify(t)} is not a target such as "queries.latencyMs.p99 < 50"`);
    });
  if (!Array.isArray(d.space) || d.space.length === 0) problems.push('space: a list of fields with values such as "queryService.vcpus=1..16"');
  else
    d.space.forEach((s, i) => {
      const eq = typeof s === 'string' ? s.indexOf('=') : -1;
      if (typeof s === 'string' && eq > 0) space.push({ field: s.slice(0, eq).trim(), values: s.slice(eq + 1).trim() });
      else problems.push(`space[${i}]: ${JSON.stringify(s)} is not field=values such as "queryService.vcpus=1..16"`);
    });
  if (typeof d.replications !== 'number' || !Number.isInteger(d.replications) || d.replications < 2 || d.replications > 100) problems.push('replications: a whole number from 2 to 100');
  if (d.scenario === null || typeof d.scenario !== 'object') problems.push('scenario: the scenario the plan runs on, as a scenario file holds it');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, targets, space, replications: d.replications!, scenario: d.scenario };
}
