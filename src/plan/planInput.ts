/**
 * The panel's rows checked on the page, before anything runs (zod-free registries only): each
 * target's figure is in the figure registry and its limit a number, each field of the space is in
 * the field registry and has values. A problem names its row and field. The plan core checks the
 * rest in a worker (ranges, values the scenario refuses).
 */
import { fieldAt } from '../../simulation/fields';
import { figureAt } from '../../simulation/figures';
import type { SpaceRow, TargetOp, TargetRow } from './planStore';

export const OPS: readonly TargetOp[] = ['<', '<=', '>', '>='];

const OP_WORDS: Record<TargetOp, string> = { '<': 'stays below', '<=': 'stays at or below', '>': 'stays above', '>=': 'stays at or above' };

/** A target as a sentence: "Query p99 latency stays below 50 ms". */
export function targetSentence(t: TargetRow): string {
  const f = figureAt(t.figure);
  const unit = f && f.unit !== 'ratio' && f.unit !== 'samples' ? ` ${f.unit}` : '';
  return `${f ? f.label : t.figure} ${OP_WORDS[t.op]} ${t.limit.trim() || '?'}${unit}`;
}

/** A design's settings as one line, as the CLI writes them: `queryService.instances=3, queryService.vcpus=2`. */
export const settingsLine = (settings: Record<string, number | string | boolean>) =>
  Object.entries(settings)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');

/** A target as the CLI writes it (what the plan core reads). */
export const targetText = (t: TargetRow) => `${t.figure} ${t.op} ${t.limit.trim()}`;

export type CheckedRows = { ok: true; targets: string[]; space: string[] } | { ok: false; problems: string[] };

export function checkRows(targets: readonly TargetRow[], space: readonly SpaceRow[], replications: number): CheckedRows {
  const problems: string[] = [];
  if (targets.length === 0) problems.push('Targets: a plan needs at least one target (such as queries.latencyMs.p99 < 50)');
  targets.forEach((t, i) => {
    if (figureAt(t.figure) === undefined) problems.push(`Target ${i + 1}: figure "${t.figure}" is not in the figure registry`);
    else if (t.limit.trim() === '' || !Number.isFinite(Number(t.limit))) problems.push(`Target ${i + 1} (${t.figure}): the limit "${t.limit}" is not a number`);
  });
  if (space.length === 0) problems.push('Design space: a plan needs at least one field with its values (such as queryService.instances=1..8)');
  space.forEach((r, i) => {
    const f = fieldAt(r.field);
    if (f === undefined || f.kind === 'group' || f.kind === 'list') problems.push(`Space field ${i + 1}: "${r.field}" is not a setting in the field registry`);
    else if (r.values.trim() === '') problems.push(`Space field ${i + 1} (${r.field}): no values (write 1..16, 1,2,4 or 1..64:4)`);
  });
  if (!Number.isInteger(replications) || replications < 2 || replications > 100) problems.push('Replications: a whole number from 2 to 100 (a 95% interval needs two runs)');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, targets: targets.map(targetText), space: space.map((r) => `${r.field}=${r.values.trim()}`) };
}
