/**
 * A figure of the page (a chart or the topology) as a standalone SVG: it is read away from the
 * page, so it carries what the page shows around it: a title, the scenario's name and seed, and a
 * legend (each series' name in its colour); the chart's axes and their units are in the drawing.
 * What is there to be pressed or focused (the +/- buttons, a focus or selection outline, a hover
 * cursor) is not part of the figure.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Style properties written into the exported elements (the page's CSS does not travel). */
const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display'];

/** One legend entry: a series' name and its colour (a dashed line when the series is drawn dashed). */
export interface LegendEntry {
  label: string;
  /** A CSS colour; none for an entry that is a note without a swatch. */
  color?: string;
  dashed?: boolean;
}

/** A figure to export: its title, its drawing and its legend. */
export interface Figure {
  title: string;
  svg: SVGSVGElement;
  legend: LegendEntry[];
  /** The seeds it was drawn from, where it is more than the scenario's one (a study: "1–10"). */
  seeds?: string;
}

/** What the figure was drawn from: the scenario's name and seed. */
export interface FigureSource {
  scenarioName: string;
  /** One seed, or a study's seeds as a range ("7–8"). */
  seed: number | string;
}

/** The standalone SVG's text and its size in px (a PNG of it is drawn at a multiple of this size). */
export interface StandaloneSvg {
  text: string;
  width: number;
  height: number;
}

const HEADER_H = 50;
const LEGEND_ROW_H = 20;
const PAD = 10;

/**
 * `svg` cloned with the page's computed styles written into it, as it looks at rest: the clone's
 * styles are computed on the clone itself, placed beside the original (so the page's selectors
 * apply) but out of sight, with no selection, focus, hover or tab stop, and without the elements
 * marked `data-no-export` (controls drawn into the figure).
 */
function restingClone(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  for (const el of clone.querySelectorAll('[data-no-export]')) el.remove();
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    el.classList.remove('selected');
    el.removeAttribute('tabindex');
    if (el !== clone) el.removeAttribute('role');
    el.removeAttribute('aria-pressed');
  }
  clone.style.cssText = 'position:absolute;left:-100000px;top:0;pointer-events:none';
  svg.after(clone);
  try {
    const all = [clone, ...clone.querySelectorAll('*')];
    const styles = all.map((el) => {
      const cs = getComputedStyle(el);
      return STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    });
    all.forEach((el, i) => {
      el.setAttribute('style', styles[i]);
      el.removeAttribute('class');
    });
  } finally {
    clone.remove();
  }
  return clone;
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * `text` with every character XML 1.0 forbids written as a visible escape: a C0 control other than
 * tab, newline and CR as `\x1b`, U+FFFE/U+FFFF and lone surrogates as U+FFFD. XMLSerializer writes
 * them as they are, and a file holding one does not parse (nor decode as an image).
 */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) =>
    c < ' ' ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : '\ufffd',
  );
}

/** Every text and attribute under `root` made XML-safe (a name may reach the drawing's own labels too). */
function makeXmlSafe(root: Element): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) n.nodeValue = xmlSafe(n.nodeValue ?? '');
  for (const e of [root, ...root.querySelectorAll('*')]) for (const a of [...e.attributes]) a.value = xmlSafe(a.value);
}

/** `text` cut with an ellipsis to fit `maxW` px at `font` (a long scenario name must not run past the figure). */
function fitText(text: string, maxW: number, font: string): string {
  if (textWidth(text, font) <= maxW) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join('') + '…', font) <= maxW) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('') + '…';
}

/** Width of `text` in px at `font` (a canvas measures it; an estimate where there is none). */
function textWidth(text: string, font: string): number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return text.length * 7;
  ctx.font = font;
  return ctx.measureText(text).width;
}

/** The legend laid out in rows that fit `width`: a swatch and a name per entry. */
function legendRows(entries: LegendEntry[], width: number, font: string): { entry: LegendEntry; x: number; row: number }[] {
  const out: { entry: LegendEntry; x: number; row: number }[] = [];
  let x = PAD;
  let row = 0;
  for (const entry of entries) {
    const w = (entry.color ? 22 : 0) + textWidth(entry.label, font) + 16;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      row++;
    }
    out.push({ entry, x, row });
    x += w;
  }
  return out;
}

/** `figure` as a standalone SVG: title and source above the drawing, its legend below. */
export function standaloneSvg(figure: Figure, source: FigureSource): StandaloneSvg {
  const box = figure.svg.getBoundingClientRect();
  const drawnW = Math.round(box.width);
  const drawnH = Math.round(box.height);
  const width = Math.max(drawnW, 360);
  const page = getComputedStyle(document.body);
  const fontFamily = page.fontFamily || 'sans-serif';
  const legendFont = `12px ${fontFamily}`;
  const rows = legendRows(figure.legend, width, legendFont);
  const legendH = rows.length ? (rows[rows.length - 1].row + 1) * LEGEND_ROW_H + PAD : 0;
  const height = HEADER_H + drawnH + legendH + PAD;

  const root = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' }) as SVGSVGElement;
  const seedText = typeof source.seed === 'number' ? `seed ${source.seed}` : `seeds ${source.seed}`;
  const label = `${figure.title}: ${source.scenarioName}, ${seedText}`;
  root.append(el('title', {}, label));
  root.append(el('rect', { width: '100%', height: '100%', style: `fill:${page.backgroundColor}` }));
  const text = `fill:${page.color};font-family:${fontFamily}`;
  root.append(el('text', { x: PAD, y: 22, style: `${text};font-size:16px;font-weight:600`, 'data-figure': 'title' }, figure.title));
  // The name is cut to fit, not the seed after it: a figure names its seed however long the name.
  const sourceFont = `12px ${fontFamily}`;
  const suffix = ` · ${seedText}`;
  const nameW = width - 2 * PAD - textWidth(`Scenario: ${suffix}`, sourceFont);
  const sourceLine = `Scenario: ${fitText(xmlSafe(source.scenarioName), nameW, sourceFont)}${suffix}`;
  root.append(el('text', { x: PAD, y: 40, style: `${text};font-size:12px`, 'data-figure': 'source' }, sourceLine));

  const drawing = restingClone(figure.svg);
  drawing.setAttribute('x', String(Math.round((width - drawnW) / 2)));
  drawing.setAttribute('y', String(HEADER_H));
  drawing.setAttribute('width', String(drawnW));
  drawing.setAttribute('height', String(drawnH));
  if (!drawing.getAttribute('viewBox')) drawing.setAttribute('viewBox', `0 0 ${drawnW} ${drawnH}`);
  drawing.removeAttribute('style');
  root.append(drawing);

  const legend = el('g', { 'data-figure': 'legend', style: `${text};font-size:12px` });
  for (const { entry, x, row } of rows) {
    const y = HEADER_H + drawnH + PAD + row * LEGEND_ROW_H;
    let tx = x;
    if (entry.color) {
      const swatch = entry.dashed
        ? el('line', { x1: x, x2: x + 16, y1: y + 6, y2: y + 6, style: `stroke:${entry.color};stroke-width:2;stroke-dasharray:4 3` })
        : el('rect', { x, y, width: 16, height: 12, rx: 2, style: `fill:${entry.color}` });
      legend.append(swatch);
      tx += 22;
    }
    legend.append(el('text', { x: tx, y: y + 10 }, entry.label));
  }
  root.append(legend);
  makeXmlSafe(root);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`, width, height };
}

/** A standalone SVG drawn as a PNG at twice its size: the same figure, title and legend included. */
export async function standalonePng(svg: StandaloneSvg): Promise<Blob> {
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = svg.width * 2;
    canvas.height = svg.height * 2;
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(img.src);
  }
}
