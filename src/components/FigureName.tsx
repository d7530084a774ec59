import { Help } from './Help';

/** A figure's human label, its code name second, and its help: "Query p99 latency · queries.latencyMs.p99 (i)". */
export function FigureName({ id, label, help }: { id: string; label: string; help: string }) {
  return (
    <span className="fig-name">
      <span>{label}</span>
      <span aria-hidden="true">·</span>
      <code>{id}</code>
      <Help text={help} about={label} />
    </span>
  );
}
