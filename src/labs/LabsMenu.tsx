import { useEffect, useRef, useState } from 'react';
import './labs.css';
import { loadAllLabs } from './labIndex';
import { useLabStore } from './labStore';
import type { LabDef } from './labTypes';
import { useProgress, type LabProgress } from './progress';

function progressText(p: LabProgress | undefined): string {
  if (!p) return 'not started';
  // Whether the prediction was right is said once the check has passed, as in the lab's debrief.
  const graded = p.passed === true && p.predictionRight !== undefined;
  const parts = [p.prediction ? (!graded ? 'predicted' : p.predictionRight ? 'predicted right' : 'predicted wrong') : 'no prediction'];
  parts.push(p.passed ? 'check passed' : p.score !== undefined ? 'check not passed yet' : 'not run');
  return parts.join(', ');
}

/** The list of labs (a disclosure under the toolbar's "Labs" button). Arrow keys move between labs; Escape closes it. */
export function LabsMenu({ onClose }: { onClose: (refocus: boolean) => void }) {
  const [labs, setLabs] = useState<LabDef[] | null>(null);
  const progress = useProgress((s) => s.labs);
  const openId = useLabStore((s) => s.id);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    void loadAllLabs().then(setLabs);
  }, []);
  useEffect(() => {
    if (labs) first.current?.focus();
  }, [labs]);
  const passed = Object.values(progress).filter((p) => p?.passed).length;
  const predicted = Object.values(progress).filter((p) => p?.prediction).length;

  const open = async (id: string) => {
    onClose(false);
    await (await import('./labActions')).openLab(id, { load: true });
  };

  return (
    <div
      id="labs-menu"
      className="labs-menu panel"
      role="region"
      aria-labelledby="labs-menu-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose(true);
        }
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.labs-item')];
          const at = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
          e.preventDefault();
        }
      }}
    >
      <h2 id="labs-menu-title">Labs: one per quiz question</h2>
      <p className="muted">
        {passed} of 10 checks passed, {predicted} predictions made. Progress stays in this browser.
      </p>
      {!labs ? (
        <p className="muted">Loading the labs…</p>
      ) : (
        <ol className="labs-list">
          {labs.map((l, i) => (
            <li key={l.id}>
              <button
                ref={i === 0 ? first : undefined}
                type="button"
                className="btn labs-item"
                aria-current={openId === l.id ? 'true' : undefined}
                aria-describedby={`labs-progress-${l.id}`}
                onClick={() => void open(l.id)}
              >
                Lab {l.n}: {l.title}
              </button>
              <span id={`labs-progress-${l.id}`} className={progress[l.id]?.passed ? 'labs-progress passed' : 'labs-progress'}>
                {progressText(progress[l.id])}
              </span>
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="btn small" onClick={() => onClose(true)}>
        Close the list
      </button>
    </div>
  );
}
