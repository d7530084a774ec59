import type { Stack } from './layout';

/** One drawn item: a box with a load bar (0..1) and a short label; `title` is the hover text. */
export interface Item {
  label: string;
  load: number;
  className?: string;
  queue?: number;
  title: string;
}

export function loadClass(load: number): string {
  return load >= 0.9 ? 'load-high' : load >= 0.7 ? 'load-mid' : 'load-low';
}

/** Draws a stack of items; when there are more than fit, the last box summarises the rest. */
export function StackView({ stack, items, head, sub, headY }: { stack: Stack; items: Item[]; head: string; sub: string; headY: number }) {
  const { boxes, hidden } = stack;
  const shown = hidden > 0 ? boxes.length - 1 : boxes.length;
  const rest = items.slice(shown);
  const restLoad = rest.length ? rest.reduce((a, it) => a + it.load, 0) / rest.length : 0;
  return (
    <g>
      <text className="topo-head" x={stack.cx} y={headY - 14} textAnchor="middle">
        {head}
      </text>
      <text className="topo-sub" x={stack.cx} y={headY} textAnchor="middle">
        {sub}
      </text>
      {boxes.map((b, i) => {
        const summary = i >= shown;
        const it: Item = summary
          ? { label: `+${rest.length} more`, load: restLoad, title: `${rest.length} more, mean load ${Math.round(restLoad * 100)}%` }
          : items[i];
        if (!it) return null;
        const load = Math.max(0, Math.min(1, it.load));
        const q = it.queue ?? 0;
        return (
          <g key={i}>
            <title>{it.title}</title>
            <rect className={`node-box ${it.className ?? ''}`} x={b.x} y={b.y} width={b.w} height={b.h} rx={3} />
            <rect className={loadClass(load)} x={b.x + 1} y={b.y + b.h - 4} width={Math.max(0, (b.w - 2) * load)} height={3} />
            {q > 0 && <rect className="queue-mark" x={b.x + b.w - 4} y={b.y + 1} width={3} height={Math.min(b.h - 6, 2 + Math.log2(1 + q) * 2)} />}
            {b.h >= 13 && (
              <text className="topo-label" x={b.x + 5} y={b.y + b.h / 2} dominantBaseline="central">
                {it.label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
