/**
 * Highlights the controls, topology parts and charts a lab points at, and (in embed mode) hides
 * the charts it does not name. One constructed style sheet, rewritten as the lab moves on: the
 * components only carry stable hooks (`data-field`, `data-part`, `data-chart`) and know nothing
 * of labs.
 */
let sheet: CSSStyleSheet | null = null;

function theSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  return sheet;
}

const attr = (name: string, value: string) => `[${name}="${CSS.escape(value)}"]`;

export interface Targets {
  fields?: readonly string[];
  parts?: readonly string[];
  charts?: readonly string[];
}

let highlighted = '';
let hidden = '';
let locked = '';

function write(): void {
  theSheet().replaceSync(highlighted + hidden + locked);
}

/** Embed mode's locked fields: the topology's +/- buttons for them go (the settings show them disabled). */
export function hideScaleButtons(fields: readonly string[]): void {
  locked = fields.length ? `${fields.map((f) => `g${attr('data-field', f)}`).join(',')} { display: none; }\n` : '';
  write();
}

/** Outlines these targets (and only these). */
export function highlight(t: Targets): void {
  const rules: string[] = [];
  const html = [...(t.fields ?? []).map((f) => `${attr('data-field', f)}:not(g)`), ...(t.charts ?? []).map((c) => attr('data-chart', c))];
  if (html.length) rules.push(`${html.join(',')} { outline: 3px solid var(--warn); outline-offset: 1px; border-radius: 6px; }`);
  const svg = [...(t.parts ?? []).map((p) => `${attr('data-part', p)} .part-frame`), ...(t.fields ?? []).map((f) => `g${attr('data-field', f)} rect`)];
  if (svg.length) rules.push(`${svg.join(',')} { stroke: var(--warn) !important; stroke-width: 3 !important; }`);
  highlighted = rules.join('\n');
  write();
}

/** In embed mode: show only these charts (none named: all). */
export function showOnlyCharts(charts: readonly string[]): void {
  hidden = charts.length ? `.charts [data-chart]${charts.map((c) => `:not(${attr('data-chart', c)})`).join('')} { display: none; }\n` : '';
  write();
}
