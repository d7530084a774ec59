/**
 * The charts of the page, made from the parts' declarations: each built-in part's charts
 * (`BuiltinView.charts`, in their places) and the contract parts' (`Part.charts`, after them), a
 * line per window figure, with a line per contract part's failure cause on the chart that asks
 * for them. Only what computes is code here: the formats, and the two charts of attempts not
 * answered, whose lines are shares of a class's ended attempts rather than figures of a window.
 */
import type { BuiltinChart, ClassWindow, PartDeclaration, WindowStats } from '../../../simulation/index';
import { formatMs, formatNum } from '../../lib/format';
import { numberAt } from '../../lib/numberAt';
import { BUILTIN_CHARTS } from 'virtual:chart-facts';
import { PART_CHARTS } from 'virtual:engine-facts';
import type { ChartDef, SeriesDef } from './LineChart';

/** What the charts read of a part's declaration. */
type Part = Pick<PartDeclaration, 'causePage' | 'charts'> & { readonly cause?: Pick<NonNullable<PartDeclaration['cause']>, 'id'> };
type PartChart = NonNullable<Part['charts']>[number];

const count = (v: number) => formatNum(Math.round(v * 10) / 10);
const pct = (v: number) => `${Math.round(v * 100)}%`;
/** Dollars: to the hundredth of a cent while small, to the cent after. */
const usd = (v: number) => (v < 0.1 ? v.toFixed(4) : v.toFixed(2));

/** Of a class's attempts that ended in a window, the share `n` of them are (0 when none ended). */
export function shareOfEnded(c: ClassWindow, n: number): number {
  const ended = c.completed + c.rejected + c.timedOut + c.failed;
  return ended > 0 ? n / ended : 0;
}

/**
 * Of the attempts that ended in a window, the share that timed out, was rejected or failed: code,
 * because each line divides a figure by the sum of four others (no window figure is this share).
 */
function failureShares(title: string, help: string, pick: (w: WindowStats) => ClassWindow): ChartDef {
  const share = (w: WindowStats, n: number) => shareOfEnded(pick(w), n);
  return {
    title,
    help,
    yTitle: 'share of attempts (%)',
    format: pct,
    percent: true,
    fixedTop: 1,
    series: [
      { label: 'timed out', color: 'var(--c4)', value: (w) => share(w, pick(w).timedOut) },
      { label: 'rejected', color: 'var(--c3)', value: (w) => share(w, pick(w).rejected) },
      { label: 'failed', color: 'var(--c5)', value: (w) => share(w, pick(w).failed) },
    ],
  };
}

/** The computed charts, each at its place among the built-in parts' (the latency charts' neighbours: read one beside the other). */
const COMPUTED: readonly { at: number; def: ChartDef }[] = [
  {
    at: 40,
    def: failureShares(
      'Command attempts not answered',
      'Of the command attempts that ended each second, the share that timed out, was rejected or failed. The latency chart leaves these out, so a side can look fast while many of its requests fail.',
      (w) => w.commands,
    ),
  },
  {
    at: 60,
    def: failureShares(
      'Query attempts not answered',
      'Of the query attempts that ended each second, the share that timed out, was rejected or failed: the failures the latency chart cannot show.',
      (w) => w.queries,
    ),
  },
];

/** A line's value in a window: its figure, or the sum of its figures (0 for one the window lacks: a part off, an older run). */
const lineValue = (w: WindowStats, figure: string | readonly string[]): number =>
  typeof figure === 'string' ? (numberAt(w, figure) ?? 0) : figure.reduce((n, f) => n + (numberAt(w, f) ?? 0), 0);

/** The lines of the contract parts' failure causes (`Part.causePage`), in the parts' order. */
const causeLines = (parts: readonly Part[]): SeriesDef[] =>
  parts.flatMap((p): SeriesDef[] => {
    const id = p.cause?.id;
    return id && p.causePage ? [{ label: p.causePage.legend, color: p.causePage.color, value: (w) => w.errors?.[id] ?? 0 }] : [];
  });

/** A declared chart (`PartChart`): a line per window figure it names, read from each window by its id; its causes' lines where it asks for them. */
function declaredChart(c: PartChart, parts: readonly Part[]): ChartDef {
  const causes = c.causes ? parts.flatMap((p) => (p.cause && p.causePage ? [`, ${p.causePage.chartHelp}`] : [])) : [];
  return {
    title: c.title,
    yTitle: c.unit,
    help: c.causes ? `${c.help}${causes.join('')}.` : c.help,
    format: c.percent ? pct : c.format === 'ms' ? formatMs : c.format === 'usd' ? usd : count,
    ...(c.percent ? { percent: true, fixedTop: 1 } : { minTop: c.minTop ?? 1 }),
    ...(c.follow ? { follow: c.follow } : {}),
    series: [
      ...c.lines.map(([figure, label, color, dashed]): SeriesDef => ({ label, color, value: (w) => lineValue(w, figure), dashed: dashed === 'dashed' })),
      ...(c.causes ? causeLines(parts) : []),
    ],
  };
}

/**
 * The live charts: the built-in parts' and the computed ones, by their places, then the contract
 * parts' own, in the parts' order.
 */
export function chartsOf(parts: readonly Part[], builtin: readonly BuiltinChart[] = BUILTIN_CHARTS): ChartDef[] {
  const placed = [...builtin.map((c) => ({ at: c.at, def: declaredChart(c, parts) })), ...COMPUTED];
  // A stable sort: charts at one place keep the declarations' order.
  return [...placed.sort((a, b) => a.at - b.at).map((c) => c.def), ...parts.flatMap((p) => (p.charts ?? []).map((c) => declaredChart(c, parts)))];
}

export const CHARTS: ChartDef[] = chartsOf(PART_CHARTS);
