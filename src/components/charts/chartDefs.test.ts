/** The chart registry is derived from the parts list: a part's chart and its failure cause's line are there because the part declares them. */
import { describe, expect, it } from 'vitest';
import type { WindowStats } from '../../../simulation/index';
import { BUILTIN_CHARTS, PARTS, SERIES_FIGURES, type BuiltinChart, type Part } from '../../../simulation/index';
import { CHARTS, chartsOf } from './chartDefs';

/** A part of the tests' own, declared only: a bulkhead with a cause and a chart. */
const bulkhead: Part = {
  name: 'bulkhead',
  cause: { id: 'bulkheadFull' as never, reportHelp: 'Failed at once by a full bulkhead.', windowHelp: 'Failed by a full bulkhead, in the window.' },
  causePage: { legend: 'bulkhead full', color: 'var(--c1)', count: 'bulkhead full', chartHelp: 'a full bulkhead', rowHelp: 'a bulkhead full' },
  charts: [
    {
      title: 'Bulkhead',
      unit: 'attempts',
      help: 'Attempts in flight behind the bulkhead and attempts it failed at once, each second.',
      lines: [
        ['bulkhead.inFlight', 'in flight', 'var(--c2)'],
        ['bulkhead.rejected', 'rejected', 'var(--c3)', 'dashed'],
      ],
    },
  ],
  create: () => {
    throw new Error('declared only');
  },
};

const window = (w: object) => w as unknown as WindowStats;
const failures = (parts: readonly Part[]) => chartsOf(parts).find((c) => c.title === 'Failures by cause')!;

describe('chart registry', () => {
  it("a part's chart is in the registry because the part declares it: after the page's, a line per window figure it names", () => {
    const without = chartsOf([]).map((c) => c.title);
    const charts = chartsOf([bulkhead]);
    expect(charts.map((c) => c.title)).toEqual([...without, 'Bulkhead']);
    const chart = charts[charts.length - 1];
    expect(chart.yTitle).toBe('attempts');
    expect(chart.help).toMatch(/^Attempts in flight/);
    expect(chart.series.map((s) => [s.label, s.color, s.dashed])).toEqual([
      ['in flight', 'var(--c2)', false],
      ['rejected', 'var(--c3)', true],
    ]);
    const w = window({ tS: 3, bulkhead: { inFlight: 7, rejected: 2 } });
    expect(chart.series.map((s) => s.value(w))).toEqual([7, 2]);
    // A window from before the part was on lacks its figures: the line is at 0.
    expect(chart.series[0].value(window({ tS: 1 }))).toBe(0);
  });

  it("a part's failure cause is a line of the failures chart and a clause of its help", () => {
    const plain = failures([]);
    const declared = BUILTIN_CHARTS.find((c) => c.causes)!;
    expect(plain.series.map((s) => s.label)).toEqual(declared.lines.map(([, label]) => label));
    expect(plain.help).toBe(`${declared.help}.`);
    const chart = failures([bulkhead]);
    const line = chart.series[chart.series.length - 1];
    expect([line.label, line.color]).toEqual(['bulkhead full', 'var(--c1)']);
    expect(line.value(window({ errors: { deadInstance: 1, bulkheadFull: 4 } }))).toBe(4);
    expect(line.value(window({ errors: { deadInstance: 1 } }))).toBe(0);
    expect(chart.help).toMatch(/, no instance, a full bulkhead\.$/);
  });

  it("the page's charts (from the build's declarations) carry every part on the engine's list: its cause's line and its own charts", () => {
    const titles = CHARTS.map((c) => c.title);
    const legends = CHARTS.find((c) => c.title === 'Failures by cause')!.series.map((s) => s.label);
    for (const p of PARTS) {
      if (p.cause && p.causePage) expect(legends, p.name).toContain(p.causePage.legend);
      for (const c of p.charts ?? []) {
        const chart = CHARTS.find((d) => d.title === c.title);
        expect(chart, `${p.name}: ${c.title}`).toBeDefined();
        expect([chart!.yTitle, chart!.help]).toEqual([c.unit, c.help]);
        expect(chart!.series.map((s) => s.label)).toEqual(c.lines.map(([, label]) => label));
        // Each line reads its declared window figure: a window holding 1, 2, 3... at those ids shows them.
        const w: Record<string, unknown> = { tS: 1 };
        c.lines.forEach(([figure], i) => {
          if (typeof figure !== 'string') throw new Error(`${c.title}: a sum of figures in a part's chart is not tested here`);
          const path = figure.split('.');
          const last = path.pop()!;
          let at = w;
          for (const k of path) at = (at[k] ??= {}) as Record<string, unknown>;
          at[last] = i + 1;
        });
        expect(chart!.series.map((s) => s.value(window(w))), c.title).toEqual(c.lines.map((_, i) => i + 1));
      }
    }
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('every live chart carries what it shows and how to read it, in its own declaration', () => {
    for (const def of CHARTS) expect(def.help?.length ?? 0, def.title).toBeGreaterThan(40);
  });
});

describe("the built-in parts' charts (`BuiltinView.charts`)", () => {
  it('draw window figures only, each chart at a place of its own, with no title twice', () => {
    const ids = new Set(SERIES_FIGURES.map((f) => f.id));
    for (const c of BUILTIN_CHARTS) for (const figure of c.lines.flatMap(([f]) => f)) expect(ids.has(figure), `${c.title}: ${figure}`).toBe(true);
    const places = BUILTIN_CHARTS.map((c) => c.at);
    expect(new Set(places).size).toBe(places.length);
    const titles = chartsOf([]).map((c) => c.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("a chart is there, at its place, because a part declares it: its line of a sum adds the figures, its format and axis as declared", () => {
    const chart: BuiltinChart = {
      at: 45,
      title: 'Booting, all sides',
      unit: 'instances',
      help: 'Instances booting on both services together, each second.',
      format: 'usd',
      minTop: 2,
      lines: [[['commandService.booting', 'queryService.booting'], 'booting', 'var(--c4)', 'dashed']],
    };
    const titles = chartsOf([]).map((c) => c.title);
    const charts = chartsOf([], [...BUILTIN_CHARTS, chart]);
    // Between the command side's shares (40) and the query latency (50), where its place puts it.
    const k = titles.indexOf('Query latency');
    expect(charts.map((c) => c.title)).toEqual([...titles.slice(0, k), chart.title, ...titles.slice(k)]);
    const def = charts[k];
    expect([def.yTitle, def.minTop, def.format(0.05), def.format(12)]).toEqual(['instances', 2, '0.0500', '12.00']);
    expect(def.series[0].value(window({ commandService: { booting: 2 }, queryService: { booting: 3 } }))).toBe(5);
    // A window without the figures (an older run): 0.
    expect(def.series[0].value(window({ tS: 1 }))).toBe(0);
  });
});
