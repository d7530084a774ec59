import * as ctl from '../../app/controller';
import { useUiStore, type PartId } from '../../state/uiStore';
import type { Stack } from './layout';

/**
 * +/- under a stack of instances: one more or one fewer, applied live like the side panel's.
 * A refused change opens the part's settings, where the message is shown at the field.
 */
export function ScaleButtons(props: { stack: Stack; part: PartId; path: string; noun: string; value: number; size: number }) {
  const { stack, part, path, noun, value, size } = props;
  const select = useUiStore((s) => s.select);
  const apply = async (next: number) => {
    if (!(await ctl.change(path, next))) select(part);
  };
  const last = stack.boxes[stack.boxes.length - 1];
  const y = (last ? last.y + last.h : stack.frame.y + stack.frame.h) + 4;
  const buttons = [
    { label: `Remove one ${noun}`, text: '−', next: value - 1, x: stack.cx - size - 3 },
    { label: `Add one ${noun}`, text: '+', next: value + 1, x: stack.cx + 3 },
  ];
  return (
    // Controls, not part of the drawing: an exported topology leaves them out.
    <g data-field={path} data-no-export>
      {buttons.map((b) => (
        <g
          key={b.text}
          className="scale-btn"
          role="button"
          tabIndex={0}
          aria-label={b.label}
          onClick={() => void apply(b.next)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              void apply(b.next);
            }
          }}
        >
          <title>{b.label}</title>
          <rect x={b.x} y={y} width={size} height={size} rx={4} />
          <text x={b.x + size / 2} y={y + size / 2} textAnchor="middle" dominantBaseline="central" style={{ fontSize: Math.round(size * 0.56) }}>
            {b.text}
          </text>
        </g>
      ))}
    </g>
  );
}
