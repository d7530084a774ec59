/** The registry of figures against a report with every optional part on. */
import { describe, expect, it } from 'vitest';
import { FIGURES, figureAt } from '../figures';
import { runScenario, Simulation } from '../index';
import { PARTS } from '../parts';
import { scenario } from './helpers';

/** Every part's own section, on with its defaults (`Part.section`). */
const sections = Object.fromEntries(PARTS.flatMap((p) => (p.section ? [[p.section.name, p.section.defaults]] : [])));

/** Every numeric leaf of a value, lists written `[]`. */
function numericPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'number') return [prefix];
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v) => ['[]', v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => numericPaths(v, k === '[]' ? `${prefix}[]` : prefix ? `${prefix}.${k}` : k));
}

describe('figures', () => {
  const policy = { metric: 'cpu', target: 0.5, intervalS: 1, cooldownOutS: 0 };
  const r = runScenario(
    scenario({
      durationS: 20,
      warmupS: 1,
      workload: { rps: 2000 },
      commandService: { autoscaling: policy, circuitBreaker: {}, admission: { rps: 300 } },
      queryService: { circuitBreaker: {}, admission: { rps: 1500 } },
      faults: [{ atS: 5, kind: 'crash', target: 'queryService', instance: 0, forS: 5 }],
      ...sections,
    }),
  );

  it('FIGURES names every number of a report with every optional part on, and nothing else', () => {
    const paths = new Set(numericPaths(r));
    expect([...paths].filter((p) => figureAt(p) === undefined)).toEqual([]);
    // Every figure is in such a report, but for a stopped run's and the actions of groups that did not scale.
    const absent = FIGURES.map((f) => f.id).filter((id) => !paths.has(id) && id !== 'stopped.atS' && !id.includes('scalingActions[]'));
    expect(absent).toEqual([]);
  });

  it('every figure has a unit field and help text', () => {
    for (const f of FIGURES) expect(f.help.length, f.id).toBeGreaterThan(10);
    expect(figureAt('writeStore.shards[3].writes')?.unit).toBe('writes');
    expect(figureAt('__proto__')).toBeUndefined();
  });
});

describe('series figures', () => {
  it('SERIES_FIGURES names every column of the series, the optional causes included, with help', async () => {
    const { seriesHeader } = await import('../series');
    const { SERIES_FIGURES, seriesFigureAt } = await import('../figures');
    const sim = runWindows();
    const paths = new Set([...seriesHeader(scenario(sections)).split(','), ...numericPaths(sim)]);
    expect([...paths].filter((p) => seriesFigureAt(p) === undefined)).toEqual([]);
    expect(SERIES_FIGURES.map((f) => f.id).filter((id) => !paths.has(id))).toEqual([]);
    for (const f of SERIES_FIGURES) expect(f.help.length, f.id).toBeGreaterThan(10);
  });
});

describe('series columns', () => {
  it("a series has a column per declared window figure of the engine, then of each part in the run, each with a value in every row", async () => {
    const { seriesColumns, seriesRowIn } = await import('../series');
    const { ENGINE_SERIES_IDS, SERIES_FIGURES } = await import('../figures');
    const withParts = scenario({ durationS: 3, warmupS: 1, ...sections });
    const partColumns = PARTS.flatMap((p) => (p.section ? (p.windowFigures ?? []).map(([id]) => id) : []));
    expect(partColumns.length).toBeGreaterThan(0);
    expect(seriesColumns()).toEqual(ENGINE_SERIES_IDS);
    expect(seriesColumns(withParts)).toEqual([...ENGINE_SERIES_IDS, ...partColumns]);
    // Every declared figure of a window is a column in a run of every part, but for the causes of parts without a section of their own.
    const causes = PARTS.flatMap((p) => (p.cause && !p.section ? [`errors.${p.cause.id}`] : []));
    expect(SERIES_FIGURES.map((f) => f.id).filter((id) => !seriesColumns(withParts).includes(id))).toEqual(causes);
    const sim = new Simulation(withParts);
    sim.runUntil(3000);
    for (const w of sim.drainWindows()) expect(seriesRowIn(seriesColumns(withParts), w).split(',').filter((v) => v === '')).toEqual([]);
  });
});

/** The last window of a short run with a breaker and admission control on (their causes appear). */
function runWindows(): unknown {
  const sim = new Simulation(scenario({ durationS: 3, warmupS: 1, queryService: { circuitBreaker: {}, admission: { rps: 100 } }, ...sections }));
  sim.runUntil(3000);
  const windows = sim.drainWindows();
  return windows[windows.length - 1];
}

describe('figure ids', () => {
  it('FIGURES and SERIES_FIGURES list each id once (a second row would hide the first one\'s help)', async () => {
    const { FIGURES, SERIES_FIGURES } = await import('../figures');
    for (const list of [FIGURES, SERIES_FIGURES]) {
      const ids = list.map((f) => f.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    }
  });
});
