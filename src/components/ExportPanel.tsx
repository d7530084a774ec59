/** Exports of a finished run: the series as CSV, a chart or the topology as a standalone SVG or PNG. */
import { useState } from 'react';
import { useRunStore } from '../state/runStore';
import { useScenarioStore } from '../state/scenarioStore';
import { downloadBlob, fileNameOf, seriesCsv, standalonePng, standaloneSvg, type Figure, type LegendEntry } from '../lib/exports';

/**
 * A chart's legend from its drawing: each series' name and the colour it is drawn in (its fill for
 * an area such as an interval band, marked `data-legend="fill"`). A chart with nothing drawn says so,
 * rather than export an empty legend under empty axes.
 */
function chartLegend(svg: SVGSVGElement): LegendEntry[] {
  const series = [...svg.querySelectorAll<SVGPathElement>('path[data-series]')];
  if (!series.some((p) => (p.getAttribute('d') ?? '').length > 0)) return [{ label: 'no data' }];
  return series.map((p) => {
    const cs = getComputedStyle(p);
    if (p.dataset.legend === 'fill') return { label: p.dataset.series!, color: cs.fill };
    return { label: p.dataset.series!, color: cs.stroke, dashed: cs.strokeDasharray !== 'none' };
  });
}

/** The topology's legend as the page shows it under the drawing (load colours, marks), not its hint. */
function topologyLegend(): LegendEntry[] {
  return [...document.querySelectorAll<HTMLElement>('.topo-legend > span:not([data-no-export])')].map((span) => {
    const swatch = span.querySelector('.swatch');
    return { label: span.textContent ?? '', color: swatch ? getComputedStyle(swatch).backgroundColor : undefined };
  });
}

/** The figures on the page that can be exported: the topology and each chart, by their titles. */
function figures(): Figure[] {
  const out: Figure[] = [];
  const topo = document.querySelector<SVGSVGElement>('.topology svg');
  if (topo) out.push({ title: 'topology', svg: topo, legend: topologyLegend() });
  for (const f of document.querySelectorAll('figure.chart')) {
    // The chart's drawing (role img), not a legend swatch drawn as a small svg before it.
    const svg = f.querySelector<SVGSVGElement>('svg[role="img"]') ?? f.querySelector<SVGSVGElement>('svg');
    const title = f.querySelector('figcaption')?.textContent ?? '';
    if (svg && title) out.push({ title, svg, legend: chartLegend(svg), seeds: f.getAttribute('data-seeds') ?? undefined });
  }
  return out;
}

/** The chosen figure as a standalone SVG, titled (the topology as "Topology") and with its source. */
function exported(choice: string) {
  const f = figures().find((g) => g.title === choice);
  if (!f) return undefined;
  const { name, seed } = useScenarioStore.getState().scenario;
  const title = f.title === 'topology' ? 'Topology' : f.title;
  return standaloneSvg({ ...f, title }, { scenarioName: name, seed: f.seeds ?? seed });
}

/** The series of the run as CSV: the run's scenario (its changes included) says which parts' columns it has. */
function seriesFile(): Blob {
  const { scenario, interventions } = useScenarioStore.getState();
  return new Blob([seriesCsv(useRunStore.getState().series, { ...scenario, interventions })], { type: 'text/csv' });
}

/** A PNG that could not be drawn is said, not dropped (the button would seem to do nothing). */
function pngFailed(e: unknown): void {
  useRunStore.setState({ notice: `The PNG could not be made (${e instanceof Error ? e.message : String(e)}); the SVG export has the same figure.` });
}

export function ExportPanel() {
  const [choice, setChoice] = useState('topology');
  const [titles, setTitles] = useState<string[]>(['topology']);
  const name = fileNameOf(useScenarioStore((s) => s.scenario.name), 'scenario');
  const slug = fileNameOf(choice.toLowerCase(), 'chart');
  return (
    <p className="exports">
      <button type="button" className="btn" onClick={() => downloadBlob(seriesFile(), `${name}-series.csv`)}>
        Series (CSV)
      </button>{' '}
      <label className="inline-label">
        Figure
        <select value={choice} onFocus={() => setTitles(figures().map((f) => f.title))} onChange={(e) => setChoice(e.target.value)}>
          {titles.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>{' '}
      <button type="button" className="btn" onClick={() => { const f = exported(choice); if (f) downloadBlob(new Blob([f.text], { type: 'image/svg+xml' }), `${name}-${slug}.svg`); }}>
        SVG
      </button>{' '}
      <button type="button" className="btn" onClick={() => { const f = exported(choice); if (f) void standalonePng(f).then((b) => downloadBlob(b, `${name}-${slug}.png`), pngFailed); }}>
        PNG
      </button>
    </p>
  );
}
