/**
 * Exports from the page: the time series as CSV (the CLI's --series columns and number format),
 * a chart or the topology as a standalone SVG (computed styles written into it) or a PNG.
 */
import type { WindowStats } from '../../simulation/index';
import { seriesHeader, seriesRow } from '../../simulation/series';
export { downloadBlob, fileNameOf } from './download';

/** The windows as CSV, exactly as `npm run sim -- file.json --series out.csv` writes them. */
export function seriesCsv(windows: readonly WindowStats[]): string {
  return [seriesHeader(), ...windows.map(seriesRow)].join('\n') + '\n';
}


const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display'];

/** `svg` as standalone SVG text: sized, with the page's computed styles inlined (the page's CSS does not travel). */
export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    to[i].setAttribute('style', style);
    to[i].removeAttribute('class');
  });
  const box = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(box.width)));
  clone.setAttribute('height', String(Math.round(box.height)));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${Math.round(box.width)} ${Math.round(box.height)}`);
  const bg = getComputedStyle(document.body).backgroundColor;
  clone.insertBefore(Object.assign(document.createElementNS('http://www.w3.org/2000/svg', 'rect'), {}), clone.firstChild);
  const rect = clone.firstChild as SVGRectElement;
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('style', `fill:${bg}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** `svg` drawn as a PNG at twice its size. */
export async function svgPng(svg: SVGSVGElement): Promise<Blob> {
  const text = svgText(svg);
  const box = svg.getBoundingClientRect();
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(box.width * 2);
    canvas.height = Math.round(box.height * 2);
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(img.src);
  }
}
