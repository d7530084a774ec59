import type { ReactNode } from 'react';
import { useUiStore, type PartId } from '../../state/uiStore';
import type { Box } from './layout';

/** A part of the topology that opens its settings: click, Enter or Space. */
export function PartButton({ part, label, frame, children }: { part: PartId; label: string; frame: Box; children: ReactNode }) {
  const selected = useUiStore((s) => s.selected === part);
  const select = useUiStore((s) => s.select);
  return (
    <g
      className={`topo-part${selected ? ' selected' : ''}`}
      data-part={part}
      role="button"
      tabIndex={0}
      aria-label={label}
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
