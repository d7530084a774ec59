import type { ReactNode } from 'react';
import { useUiStore, type PartId } from '../../state/uiStore';
import { useRunStore } from '../../state/runStore';
import type { Box } from './layout';

/**
 * A part of the topology that opens its settings: click, Enter or Space. While a request is
 * followed (its waterfall open), the parts its spans went through (RunState.followedPath) are
 * marked as on its path.
 */
export function PartButton({ part, label, frame, children }: { part: PartId; label: string; frame: Box; children: ReactNode }) {
  const selected = useUiStore((s) => s.selected === part);
  const select = useUiStore((s) => s.select);
  const onPath = useRunStore((s) => s.followedPath.includes(part));
  return (
    <g
      className={`topo-part${selected ? ' selected' : ''}${onPath ? ' on-path' : ''}`}
      data-part={part}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-description={onPath ? "on the followed request's path" : undefined}
      aria-pressed={selected}
      onClick={() => select(part)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select(part);
        }
      }}
    >
      <rect className="part-frame" x={frame.x} y={frame.y} width={frame.w} height={frame.h} />
      {children}
    </g>
  );
}
