/**
 * The figures panel's rows that come from the parts: the failures row (the engine's causes, then
 * each part's own cause as it declares it in `Part.causePage`) and the rows of report figures a
 * part asks for (`Part.panelRows`). Plain functions of the parts list, so a test can hand them
 * a part of its own.
 */
import type { ErrorCounts, Report } from '../../simulation/index';
import type { PartDeclaration as Part } from '../../simulation/index';
import { formatFigure } from '../lib/formatFigure';
import { numberAt } from '../lib/numberAt';

/** The failures row of the figures panel: its help, and its text for a report's failure counts. */
export function failuresRow(parts: readonly Part[]): { help: string; text: (errors: ErrorCounts) => string } {
  const causes = parts.flatMap((p) => (p.cause && p.causePage ? [{ id: p.cause.id, ...p.causePage }] : []));
  const optional = causes.map((c) => c.rowHelp);
  return {
    help:
      'Failed attempts since warm-up by cause: sent to a crashed instance not yet marked down, a write-store shard down, an injected error, no healthy instance' +
      (optional.length > 0 ? ` (and ${optional.join(' or ')}, when those are on).` : '.'),
    text: (e) =>
      `${e.deadInstance} dead instance, ${e.shardDown} shard down, ${e.injected} injected, ${e.noInstance} no instance` +
      // A part's cause is in the report only once the part was on in the run.
      causes.map((c) => (e[c.id] !== undefined ? `, ${e[c.id]} ${c.count}` : '')).join(''),
  };
}

/** The report figures the parts show in the panel, in the parts' order. */
export const partRows = (parts: readonly Part[]): string[] => parts.flatMap((p) => [...(p.panelRows ?? [])]);

/** A report figure formatted by its unit; a dash when the report lacks it (its part is off in this run). */
export function partFigure(r: Report, id: string): string {
  const v = numberAt(r, id);
  return v === undefined ? '–' : formatFigure(id, v);
}
