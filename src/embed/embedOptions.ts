/**
 * Embed mode's options, from the address: `?embed=1` and, optionally, `panels=` (a comma list of
 * lab, topology, charts, settings, figures, report; topology and charts by default, or lab, charts
 * and settings when `lab=` opens a lab), `theme=light|dark`, `speed=1..100|max`, `autoplay=1`,
 * `fields=` (the settings shown: field paths, comma-separated; a lab's own by default), `lock=`
 * (fields shown but not editable) and `charts=` (chart ids such as `query-latency`; a lab's own by
 * default). Unknown values are ignored: an address is untrusted.
 */
export const EMBED_PANELS = ['lab', 'topology', 'charts', 'settings', 'figures', 'report'] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];
const SPEEDS = [1, 2, 5, 10, 20, 50, 100] as const;

export interface EmbedOptions {
  panels: EmbedPanel[];
  theme: 'light' | 'dark' | null;
  speed: number | 'max' | null;
  autoplay: boolean;
  /** A lab id from the address (checked when the lab opens), or null. */
  lab: string | null;
  /** The settings to show (null: all, or the lab's). Paths are resolved against the field registry when shown. */
  fields: string[] | null;
  locked: string[];
  /** Charts to show (empty: all, or the lab's). */
  charts: string[];
}

/** The address's embed options: a link made in a frame drops them, so it opens the normal page in a tab of its own. */
export const EMBED_PARAMS = ['embed', 'panels', 'theme', 'speed', 'autoplay', 'fields', 'lock', 'charts'] as const;

/** `href` without its embed options (and without its hash): the address a shared link is made from. */
export function withoutEmbedOptions(href: string): string {
  const u = new URL(href);
  for (const p of EMBED_PARAMS) u.searchParams.delete(p);
  u.hash = '';
  return u.href.replace(/#$/, '');
}

/** A comma list of names such as field paths or chart ids; anything else is dropped, at most 40. */
function names(v: string | null): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[A-Za-z0-9][\w.-]{0,99}$/.test(s))
    .slice(0, 40);
}

/** The embed options in a query string, or null when it does not ask for embed mode. */
export function embedOptions(search: string): EmbedOptions | null {
  const q = new URLSearchParams(search);
  if (q.get('embed') !== '1') return null;
  const asked = (q.get('panels') ?? '').split(',').filter((p): p is EmbedPanel => (EMBED_PANELS as readonly string[]).includes(p));
  const theme = q.get('theme');
  const speed = q.get('speed');
  const lab = q.get('lab');
  const fields = q.has('fields') ? names(q.get('fields')) : null;
  return {
    panels: asked.length > 0 ? asked : lab !== null ? ['lab', 'charts', 'settings'] : ['topology', 'charts'],
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    speed: speed === 'max' ? 'max' : (SPEEDS as readonly number[]).includes(Number(speed)) ? Number(speed) : null,
    autoplay: q.get('autoplay') === '1',
    lab,
    fields,
    locked: names(q.get('lock')),
    charts: names(q.get('charts')),
  };
}

/** Marks the document for the compact layout (styles.css `html[data-embed]`): which panels show, and whether a lab does. */
export function applyEmbedLayout(o: EmbedOptions, root: HTMLElement): void {
  root.dataset.embed = '1';
  root.dataset.panels = o.panels.join(' ');
  if (o.lab !== null && o.panels.includes('lab')) root.dataset.lab = '1';
}

/** Whether the settings panel gives way to the lab's controls (or the address's fields). */
export const restrictsFields = (o: EmbedOptions | null): boolean => o !== null && (o.fields !== null || o.locked.length > 0 || o.lab !== null);

/**
 * Whether the page offers studies. Not in a frame whose course page locks fields: a study's
 * variants, sweeps and loaded studies would run the locked fields at other values, and a course
 * author who fixed them expects every run the learner makes to keep them.
 */
export const studiesOffered = (search: string): boolean => (embedOptions(search)?.locked.length ?? 0) === 0;
