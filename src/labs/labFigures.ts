/**
 * The figures a lab compares: the lab's starting system ("before") against the student's run
 * ("after"), as the debrief quotes them, and how the page knows a run was the starting system.
 */
import { defaultScenario } from 'virtual:engine-facts';
import { getField } from '../../simulation/fields';
import type { Report } from '../../simulation/index';
import { formatTermValue, labFigures, termValue } from './checks';
import type { LabDef } from './labTypes';

export { labFigures };

/** Each of `labFigures(def)` in a run (null where the run lacks it). */
export function figureValues(def: Pick<LabDef, 'check' | 'compare'>, r: Report, settings: unknown): (number | null)[] {
  return labFigures(def).map((f) => {
    const v = termValue(f.figure, r, settings);
    return v === undefined || !Number.isFinite(v) ? null : v;
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A field's value in the lab's starting scenario (its file, else the default every scenario starts from). */
export const startValue = (def: Pick<LabDef, 'scenario'>, path: string): unknown => getField(def.scenario, path) ?? getField(defaultScenario, path);

/** True when `settings` are the lab's starting system: every field its steps set is as the lab loaded it. */
export function isStartingSystem(def: Pick<LabDef, 'scenario' | 'steps'>, settings: unknown): boolean {
  return def.steps.every((s) => !s.field || same(getField(settings, s.field), startValue(def, s.field)));
}

/** How a figure moved, in words: "fell about 10×", "rose 35%", "stayed about the same". */
export function movement(before: number, after: number): { moved: boolean; words: string } {
  const base = Math.max(Math.abs(before), Math.abs(after));
  if (base === 0 || Math.abs(after - before) / base < 0.1) return { moved: false, words: 'stayed about the same' };
  const up = after > before;
  if (after === 0) return { moved: true, words: 'fell to nothing' };
  const [lo, hi] = up ? [before, after] : [after, before];
  if (lo > 0 && hi / lo >= 2) return { moved: true, words: `${up ? 'rose' : 'fell'} about ${Math.round(hi / lo).toLocaleString('en-US')}\u00d7` };
  if (before === 0) return { moved: true, words: 'rose from nothing' };
  return { moved: true, words: `${up ? 'rose' : 'fell'} ${Math.round((Math.abs(after - before) / Math.abs(before)) * 100)}%` };
}

/** One line per figure: "query p99: 187 ms before, 17.5 ms after (fell about 11×)". */
export function comparisonLines(def: Pick<LabDef, 'check' | 'compare'>, before: readonly (number | null)[] | undefined, after: readonly (number | null)[]): { label: string; text: string; moved: boolean | null }[] {
  return labFigures(def).map((f, i) => {
    const a = after[i] ?? undefined;
    const b = before?.[i] ?? undefined;
    const show = (v: number | undefined) => formatTermValue(v, f.unit);
    if (b === undefined || a === undefined) return { label: f.label, text: `${f.label}: ${show(a)} in your run`, moved: null };
    const m = movement(b, a);
    return { label: f.label, text: `${f.label}: ${show(b)} before, ${show(a)} after (${m.words})`, moved: m.moved };
  });
}

/** A debrief paragraph with its `{after:figure}` and `{before:figure}` filled from the student's runs. */
export function fillDebrief(text: string, def: Pick<LabDef, 'check' | 'compare'>, before: readonly (number | null)[] | undefined, after: readonly (number | null)[]): string {
  const figs = labFigures(def);
  return text.replace(/\{(before|after):([\w.:]+)\}/g, (whole, which: string, id: string) => {
    const i = figs.findIndex((f) => f.figure === id);
    const v = i < 0 ? undefined : ((which === 'after' ? after : before)?.[i] ?? undefined);
    return i < 0 ? whole : formatTermValue(v, figs[i].unit);
  });
}
