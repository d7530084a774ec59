/**
 * Embed mode's options, from the address: `?embed=1` and, optionally, `panels=` (a comma list of
 * topology, charts, settings, figures, report; topology and charts by default), `theme=light|dark`,
 * `speed=1..100|max` and `autoplay=1`. Unknown values are ignored: an address is untrusted.
 */
export const EMBED_PANELS = ['topology', 'charts', 'settings', 'figures', 'report'] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];
const SPEEDS = [1, 2, 5, 10, 20, 50, 100] as const;

export interface EmbedOptions {
  panels: EmbedPanel[];
  theme: 'light' | 'dark' | null;
  speed: number | 'max' | null;
  autoplay: boolean;
}

/** The embed options in a query string, or null when it does not ask for embed mode. */
export function embedOptions(search: string): EmbedOptions | null {
  const q = new URLSearchParams(search);
  if (q.get('embed') !== '1') return null;
  const asked = (q.get('panels') ?? '').split(',').filter((p): p is EmbedPanel => (EMBED_PANELS as readonly string[]).includes(p));
  const theme = q.get('theme');
  const speed = q.get('speed');
  return {
    panels: asked.length > 0 ? asked : ['topology', 'charts'],
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    speed: speed === 'max' ? 'max' : (SPEEDS as readonly number[]).includes(Number(speed)) ? Number(speed) : null,
    autoplay: q.get('autoplay') === '1',
  };
}

/** Marks the document for the compact layout (styles.css `html[data-embed]`): which panels show. */
export function applyEmbedLayout(o: EmbedOptions, root: HTMLElement): void {
  root.dataset.embed = '1';
  root.dataset.panels = o.panels.join(' ');
}
