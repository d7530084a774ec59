/**
 * A lab's check, evaluated from the report of a finished run and the settings in force at its
 * end. A term names a figure: a report figure id (`queries.latencyMs.p99`, see
 * simulation/figures.ts), a derived figure id (`queries.lostShare`, which a part declares: see
 * simulation/derived.ts), or `setting:<field path>` for a scenario field (a boolean counts as 1
 * or 0, a list as its length).
 */
import { numberAt } from '../lib/numberAt';
import { derivedAt } from '../../simulation/derived';
import { getField } from '../../simulation/fields';
import { figureAt } from '../../simulation/figures';
import type { Report } from '../../simulation/index';
import type { CheckTerm, LabDef, LabFigure } from './labTypes';

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** A figure of a report by its registry id (own properties of the plain report only), or undefined. */
export function reportFigure(r: Report, id: string): number | undefined {
  return figureAt(id) === undefined ? undefined : numberAt(r, id);
}

/** The measured span of a run in seconds: after the warm-up, as the report's rates count (what a derived figure is handed). */
function measuredS(r: Report, settings: unknown): number {
  const w = getField(settings, 'warmupS');
  return r.simulatedS - (typeof w === 'number' ? Math.min(w, r.simulatedS) : 0);
}

/** The value a term names, or undefined when the run does not have it. */
export function termValue(figure: string, r: Report, settings: unknown): number | undefined {
  if (figure.startsWith('setting:')) {
    const v = getField(settings, figure.slice('setting:'.length));
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (Array.isArray(v)) return v.length;
    return typeof v === 'number' ? v : undefined;
  }
  const derived = derivedAt(figure);
  return derived ? derived.of(r, measuredS(r, settings)) : reportFigure(r, figure);
}

export interface TermResult {
  term: CheckTerm;
  value: number | undefined;
  met: boolean;
}

export interface CheckResult {
  passed: boolean;
  /** Terms met, of `max` (H5P and xAPI call them raw and max; scaled = score / max). */
  score: number;
  max: number;
  scaled: number;
  terms: TermResult[];
}

function meets(v: number, op: CheckTerm['op'], limit: number): boolean {
  switch (op) {
    case '<':
      return v < limit;
    case '<=':
      return v <= limit;
    case '>':
      return v > limit;
    case '>=':
      return v >= limit;
  }
}

/** Evaluates a lab's check on a finished run's report and the settings in force at its end. */
export function evaluateCheck(lab: Pick<LabDef, 'check'>, r: Report, settings: unknown): CheckResult {
  const terms = lab.check.terms.map((term) => {
    const value = termValue(term.figure, r, settings);
    return { term, value, met: value !== undefined && Number.isFinite(value) && meets(value, term.op, term.limit) };
  });
  const score = terms.filter((t) => t.met).length;
  const max = terms.length;
  return { passed: score === max, score, max, scaled: ratio(score, max), terms };
}

/** A figure as the lab panel shows it: "23.4 ms", "3.1%", "1,480 req/s". */
export function formatTermValue(v: number | undefined, unit: CheckTerm['unit']): string {
  if (v === undefined || !Number.isFinite(v)) return 'not measured';
  switch (unit) {
    case 'ms':
      return `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} ms`;
    case '%':
      return `${(v * 100).toFixed(v < 0.1 ? 2 : 1)}%`;
    case 'req/s':
      return `${Math.round(v).toLocaleString('en-US')} req/s`;
    case 'yes/no':
      return v >= 1 ? 'yes' : 'no';
    case 'USD':
      return `$${v.toFixed(4)}`;
    default:
      return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(2);
  }
}

/** The limit of a term in words, as written: "under 50 ms", "under 5%", "at most 4". */
export function termLimitText(t: CheckTerm): string {
  if (t.unit === 'yes/no') return (t.op === '>=' || t.op === '>') === t.limit > 0 ? 'yes' : 'no';
  const words = { '<': 'under', '<=': 'at most', '>': 'over', '>=': 'at least' }[t.op];
  const n = (v: number) => (+v.toFixed(4)).toLocaleString('en-US');
  const limit = t.unit === '%' ? `${n(t.limit * 100)}%` : t.unit === 'USD' ? `$${n(t.limit)}` : t.unit ? `${n(t.limit)} ${t.unit}` : n(t.limit);
  return `${words} ${limit}`;
}

/** The figures the debrief quotes: the lab's `compare` ones first, then the check's (settings left out). */
export function labFigures(def: Pick<LabDef, 'check' | 'compare'>): LabFigure[] {
  const all = [...(def.compare ?? []), ...def.check.terms.filter((t) => !t.figure.startsWith('setting:'))];
  return all.filter((f, i) => all.findIndex((g) => g.figure === f.figure) === i).map(({ figure, label, unit }) => ({ figure, label, unit }));
}
