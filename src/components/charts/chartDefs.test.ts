/** The chart registry is derived from the parts list: a part's chart and its failure cause's line are there because the part declares them. */
import { describe, expect, it } from 'vitest';
import type { WindowStats } from '../../../simulation/index';
import { PARTS, type Part } from '../../../simulation/index';
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
    expect(plain.series.map((s) => s.label)).toEqual(['dead instance', 'shard down', 'injected', 'no instance']);
    expect(plain.help).toMatch(/, no instance\.$/);
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
          const path = String(figure).split('.');
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
