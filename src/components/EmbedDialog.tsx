/** "Copy embed code": builds the iframe snippet for a course page from the current scenario and the chosen options. */
import { useEffect, useRef, useState } from 'react';
import * as ctl from '../app/controller';
import { EMBED_PANELS, type EmbedPanel } from '../embed/embedOptions';
import { useLabStore } from '../labs/labStore';
import { useExampleStore } from '../examples/exampleStore';

/**
 * The snippet for `pageUrl` (the lab's address without query or hash) with these options and link
 * hash; with a `lab`, the frame opens that lab on its starting scenario (no hash, no example).
 */
export function embedSnippet(
  pageUrl: string,
  hash: string,
  o: { panels: EmbedPanel[]; autoplay: boolean; theme: string; example?: string; lab?: string | null },
): string {
  const q = new URLSearchParams({ embed: '1' });
  if (o.lab) q.set('lab', o.lab);
  // The loaded example's id: the frame shows its notes (the link in the hash keeps any changes).
  else if (o.example) q.set('example', o.example);
  if (o.panels.length > 0) q.set('panels', o.panels.join(','));
  if (o.autoplay) q.set('autoplay', '1');
  if (o.theme === 'light' || o.theme === 'dark') q.set('theme', o.theme);
  const src = `${pageUrl}?${q.toString().replace(/%2C/g, ',')}${o.lab ? '' : hash}`;
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${attr(src)}" width="720" height="520" title="CQRS Scaling Lab" allow="clipboard-write" style="border:0"></iframe>`;
}

export function EmbedDialog({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [hash, setHash] = useState('');
  const openLab = useLabStore((s) => s.def);
  const [withLab, setWithLab] = useState(openLab !== null);
  const [panels, setPanels] = useState<EmbedPanel[]>(openLab ? ['lab', 'charts', 'settings'] : ['topology', 'charts']);
  const [autoplay, setAutoplay] = useState(false);
  const [theme, setTheme] = useState('system');
  const [copied, setCopied] = useState(false);
  const example = useExampleStore((s) => s.current?.id);
  useEffect(() => {
    ref.current?.showModal();
    void ctl.currentLink().then((h) => setHash(h ?? ''));
  }, []);
  const lab = withLab && openLab ? openLab.id : null;
  const snippet = embedSnippet(location.href.replace(/[?#].*$/, ''), hash, { panels: lab ? panels : panels.filter((p) => p !== 'lab'), autoplay, theme, example, lab });
  const toggle = (p: EmbedPanel) => setPanels((ps) => (ps.includes(p) ? ps.filter((x) => x !== p) : EMBED_PANELS.filter((x) => x === p || ps.includes(x))));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      setCopied(false); // the snippet is selectable in the box
    }
  };
  return (
    <dialog ref={ref} className="panel embed-dialog" aria-labelledby="embed-title" onClose={onClose}>
      <h2 id="embed-title">Copy embed code</h2>
      {openLab && (
        <p>
          <label className="inline-label">
            <input type="checkbox" checked={withLab} onChange={(e) => setWithLab(e.target.checked)} /> Open lab {openLab.n}, “{openLab.title}”, on its
            starting scenario (not this scenario)
          </label>
        </p>
      )}
      <fieldset>
        <legend>Panels</legend>
        {EMBED_PANELS.filter((p) => p !== 'lab' || lab).map((p) => (
          <label key={p} className="inline-label">
            <input type="checkbox" checked={panels.includes(p)} onChange={() => toggle(p)} /> {p}
          </label>
        ))}
      </fieldset>
      <label className="inline-label">
        <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.target.checked)} /> Play on load
      </label>{' '}
      <label className="inline-label">
        Theme
        <select value={theme} onChange={(e) => setTheme(e.target.value)}>
          <option value="system">the reader's</option>
          <option value="light">light</option>
          <option value="dark">dark</option>
        </select>
      </label>
      <textarea aria-label="Embed code" readOnly rows={5} value={snippet} style={{ width: '100%', boxSizing: 'border-box' }} />
      <p>
        <button type="button" className="btn primary" onClick={() => void copy()}>
          Copy
        </button>{' '}
        <button type="button" className="btn" onClick={() => ref.current?.close()}>
          Close
        </button>{' '}
        <span role="status">{copied ? 'Copied.' : ''}</span>
      </p>
    </dialog>
  );
}
