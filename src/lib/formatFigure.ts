/** A report figure as the page shows it: formatted by its unit in the figure registry, never guessed from its name. */
import { figureAt } from '../../simulation/figures';
import { formatMs, formatNum, formatPct } from './format';

/** A value in `unit` (a figure registry unit): "16.9 ms", "50.0%", "4 instances", "120 /s". */
export function formatByUnit(unit: string, v: number): string {
  switch (unit) {
    case 'ms':
      return `${formatMs(v)} ms`;
    case 's':
      return `${formatNum(v)} s`;
    case 'ratio':
      return formatPct(v);
    case 'rps':
      return `${formatNum(v)} /s`;
    case 'USD':
      return `$${Math.abs(v) > 0 && Math.abs(v) < 0.1 ? v.toPrecision(2) : v.toFixed(2)}`;
    case '':
      return formatNum(v);
    default:
      // A count ("4 instances") or an amount ("0.012 vCPU-hours"): small amounts keep their digits.
      return `${Math.abs(v) > 0 && Math.abs(v) < 0.1 ? v.toPrecision(2) : formatNum(v)} ${unit}`;
  }
}

/** Figure `id` (list indices as `[3]` or `[]`) formatted by its unit; an id the registry lacks is a plain number. */
export function formatFigure(id: string, v: number): string {
  const f = figureAt(id);
  return f ? formatByUnit(f.unit, v) : formatNum(v);
}
