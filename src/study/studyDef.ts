/**
 * Checking a study (see studyLink.ts for its shape): files and links are untrusted input: the
 * text is capped and its nesting checked before it is parsed, every key is known, every field path
 * is looked up in the engine's registry (never walked), and the scenario itself is validated by the
 * engine in a worker (src/study/plan.ts), never here.
 */
import { fieldAt, MAX_DEPTH, MAX_SWEEP_POINTS, parseSweep, textDepth } from '../../simulation/index';
import { MAX_REPLICATIONS, MAX_RUNS, MAX_STUDY_CHARS, MAX_VARIANT_CHANGES, STUDY_KINDS, type FieldChange, type StudyDef, type StudyKind } from './studyLink';

export type { FieldChange, StudyDef, StudyKind } from './studyLink';

export type StudyCheck = { ok: true; def: StudyDef } | { ok: false; problems: string[] };

const KEYS = new Set(['study', 'kind', 'replications', 'scenario', 'variant', 'sweep', '$schema']);

/** The runs a study takes (before its scenario is validated). */
export function runsOf(def: Pick<StudyDef, 'kind' | 'replications' | 'sweep'>): number {
  if (def.kind === 'compare') return 2 * def.replications;
  if (def.kind === 'sweep') {
    const s = parseSweep(def.sweep ?? '');
    return s.ok ? s.values.length * def.replications : 0;
  }
  return def.replications;
}

/** Checks a study's shape (the scenario aside); every problem is listed. */
export function checkStudy(input: unknown): StudyCheck {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { ok: false, problems: ['(study): not an object'] };
  const o = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const k of Object.keys(o)) if (!KEYS.has(k)) problems.push(`${k}: unknown key`);
  if (o.study !== 1) problems.push('study: must be 1 (the format version)');
  const kind = o.kind as StudyKind;
  if (!STUDY_KINDS.includes(kind)) problems.push(`kind: one of ${STUDY_KINDS.join(', ')}`);
  const n = o.replications;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_REPLICATIONS) problems.push(`replications: a whole number from 1 to ${MAX_REPLICATIONS}`);
  if (o.scenario === null || typeof o.scenario !== 'object' || Array.isArray(o.scenario)) problems.push('scenario: a scenario object');
  if (kind === 'compare') {
    const v = o.variant;
    if (!Array.isArray(v) || v.length < 1 || v.length > MAX_VARIANT_CHANGES) problems.push(`variant: a list of 1 to ${MAX_VARIANT_CHANGES} changes`);
    else {
      v.forEach((c: unknown, i) => {
        const ok =
          c !== null && typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 2 && Object.hasOwn(c, 'path') && Object.hasOwn(c, 'value');
        const path = ok ? (c as FieldChange).path : undefined;
        if (!ok) problems.push(`variant[${i}]: { "path", "value" }`);
        else if (typeof path !== 'string' || fieldAt(path) === undefined) problems.push(`variant[${i}].path: unknown field ${JSON.stringify(String(path)).slice(0, 80)}`);
      });
    }
  } else if (o.variant !== undefined) problems.push('variant: only in a comparison');
  if (kind === 'sweep') {
    if (typeof o.sweep !== 'string' || o.sweep.length > 2000) problems.push('sweep: field=values, such as queryService.instances=1..8');
    else {
      const s = parseSweep(o.sweep);
      if (!s.ok) problems.push(`sweep: ${s.message}`);
      else if (s.values.length > MAX_SWEEP_POINTS) problems.push(`sweep: more than ${MAX_SWEEP_POINTS} points`);
    }
  } else if (o.sweep !== undefined) problems.push('sweep: only in a sweep');
  if (problems.length === 0) {
    const runs = runsOf({ kind, replications: n as number, sweep: o.sweep as string | undefined });
    if (runs > MAX_RUNS) problems.push(`(study): ${runs} runs, over the limit of ${MAX_RUNS}`);
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 20) };
  const def: StudyDef = { study: 1, kind, replications: n as number, scenario: o.scenario };
  if (kind === 'compare') def.variant = (o.variant as FieldChange[]).map((c) => ({ path: c.path, value: c.value }));
  if (kind === 'sweep') def.sweep = o.sweep as string;
  return { ok: true, def };
}

/** A study from the text of a file or link: size and nesting capped before parsing, then checked. */
export function parseStudyText(text: string): StudyCheck {
  if (typeof text !== 'string') return { ok: false, problems: ['(study): not text'] };
  if (text.length > MAX_STUDY_CHARS) return { ok: false, problems: [`(study): too large: ${text.length} characters, over the limit of ${MAX_STUDY_CHARS}`] };
  if (textDepth(text, MAX_DEPTH + 1) > MAX_DEPTH + 1) return { ok: false, problems: [`(study): nested more than ${MAX_DEPTH} levels deep`] };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`(study): not JSON (${(e as Error).message})`] };
  }
  return checkStudy(input);
}

