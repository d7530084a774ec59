import * as ctl from '../app/controller';
import type { LabLook } from './labTypes';

const BUTTONS = {
  stages: 'Open Where the time goes',
  'slowest-query': 'Follow the slowest query',
  'slowest-command': 'Follow the slowest command',
} as const;

/**
 * Frames a heading is waited for: the panels load lazily, and on a busy machine the one asked for
 * may not be drawn yet when its button is pressed (a load run caught the focus lost that way).
 */
const FRAMES = 600;

/** Moves the focus to a panel's heading (and scrolls to it) once it is drawn; nothing if the page never shows that panel. */
function focusHeading(id: string, frames = FRAMES): void {
  const el = document.getElementById(id);
  if (!el) {
    if (frames > 0) requestAnimationFrame(() => focusHeading(id, frames - 1));
    return;
  }
  el.tabIndex = -1;
  el.focus();
  el.scrollIntoView({ block: 'nearest' });
}

/** A lab's closer look: a paragraph, and buttons that open "Where the time goes" or follow the slowest request of the last second. */
export function LabLookView({ look }: { look: LabLook }) {
  const open = (what: LabLook['open'][number]) => {
    if (what === 'stages') return focusHeading('stages-title');
    void ctl.follow(what === 'slowest-query' ? 'query' : 'command', {}).then(() => focusHeading('follow-title'));
  };
  return (
    <div className="lab-look">
      <p>{look.text}</p>
      <p>
        {look.open.map((what) => (
          <button key={what} type="button" className="btn small" onClick={() => open(what)}>
            {BUTTONS[what]}
          </button>
        ))}
      </p>
    </div>
  );
}
