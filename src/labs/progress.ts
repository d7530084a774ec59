/**
 * A student's progress through the labs, kept in the browser (localStorage) so it survives a
 * reload: each lab's recorded prediction, whether it was right, and whether its check passed.
 * Storage may be off (a sandboxed frame): progress then lasts for the visit.
 */
import { create } from 'zustand';
import { isLabId, type LabId } from './labTypes';

export interface LabProgress {
  /** The option picked before running. */
  prediction?: string;
  predictionRight?: boolean;
  /** The check passed at least once. */
  passed?: boolean;
  /** The last check's score (terms met) and maximum. */
  score?: number;
  max?: number;
  /** The lab's figures (labFigures.ts) in its starting system's run: "before". */
  before?: (number | null)[];
  /** The same figures in the last run checked: "after". */
  after?: (number | null)[];
  /** The values the last check read, one per term (the check's figures survive a reload). */
  terms?: (number | null)[];
}

/** A stored list of figures: numbers or nulls, at most 30 (anything else is dropped). */
const figureList = (v: unknown): (number | null)[] | undefined =>
  Array.isArray(v) && v.length <= 30 && v.every((x) => x === null || (typeof x === 'number' && Number.isFinite(x))) ? (v as (number | null)[]) : undefined;

export const PROGRESS_KEY = 'cqrs-lab-progress-v1';

/** Reads stored progress; anything malformed is dropped field by field (storage is not trusted). */
export function parseProgress(text: string | null): Partial<Record<LabId, LabProgress>> {
  const out: Partial<Record<LabId, LabProgress>> = {};
  let data: unknown;
  try {
    data = JSON.parse(text ?? '{}');
  } catch {
    return out;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return out;
  for (const [id, v] of Object.entries(data as Record<string, unknown>)) {
    if (!isLabId(id) || v === null || typeof v !== 'object') continue;
    const p = v as Record<string, unknown>;
    const e: LabProgress = {};
    if (typeof p.prediction === 'string' && p.prediction.length <= 40) e.prediction = p.prediction;
    if (typeof p.predictionRight === 'boolean') e.predictionRight = p.predictionRight;
    if (typeof p.passed === 'boolean') e.passed = p.passed;
    if (Number.isInteger(p.score) && Number.isInteger(p.max)) [e.score, e.max] = [p.score as number, p.max as number];
    for (const k of ['before', 'after', 'terms'] as const) {
      const list = figureList(p[k]);
      if (list) e[k] = list;
    }
    out[id] = e;
  }
  return out;
}

function load(): Partial<Record<LabId, LabProgress>> {
  try {
    return parseProgress(localStorage.getItem(PROGRESS_KEY));
  } catch {
    return {};
  }
}

export const useProgress = create<{ labs: Partial<Record<LabId, LabProgress>> }>()(() => ({ labs: load() }));

/** Merges `p` into lab `id`'s progress and stores it. */
export function saveProgress(id: LabId, p: LabProgress | null): void {
  const labs = { ...useProgress.getState().labs };
  if (p === null) delete labs[id];
  else labs[id] = { ...labs[id], ...p };
  useProgress.setState({ labs });
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(labs));
  } catch {
    // Not stored: the progress lasts for this visit.
  }
}
