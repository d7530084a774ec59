/** Exports of a finished run: the series as CSV, a chart or the topology as SVG or PNG. */
import { useState } from 'react';
import { useRunStore } from '../state/runStore';
import { useScenarioStore } from '../state/scenarioStore';
import { downloadBlob, fileNameOf, seriesCsv, svgPng, svgText } from '../lib/exports';

/** The figures on the page that can be exported: the topology and each chart, by their titles. */
function figures(): { title: string; svg: SVGSVGElement }[] {
  const out: { title: string; svg: SVGSVGElement }[] = [];
  const topo = document.querySelector<SVGSVGElement>('.topology svg');
  if (topo) out.push({ title: 'topology', svg: topo });
  for (const f of document.querySelectorAll('figure.chart')) {
    const svg = f.querySelector<SVGSVGElement>('svg');
    const title = f.querySelector('figcaption')?.textContent ?? '';
    if (svg && title) out.push({ title, svg });
  }
  return out;
}

export function ExportPanel() {
  const [choice, setChoice] = useState('topology');
  const [titles, setTitles] = useState<string[]>(['topology']);
  const name = fileNameOf(useScenarioStore((s) => s.scenario.name), 'scenario');
  const pick = () => figures().find((f) => f.title === choice);
  const slug = fileNameOf(choice.toLowerCase(), 'chart');
  return (
    <p className="exports">
      <button type="button" className="btn" onClick={() => downloadBlob(new Blob([seriesCsv(useRunStore.getState().series)], { type: 'text/csv' }), `${name}-series.csv`)}>
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
      <button type="button" className="btn" onClick={() => { const f = pick(); if (f) downloadBlob(new Blob([svgText(f.svg)], { type: 'image/svg+xml' }), `${name}-${slug}.svg`); }}>
        SVG
      </button>{' '}
      <button type="button" className="btn" onClick={() => { const f = pick(); if (f) void svgPng(f.svg).then((b) => downloadBlob(b, `${name}-${slug}.png`)); }}>
        PNG
      </button>
    </p>
  );
}
