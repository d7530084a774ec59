/**
 * A followed request's trace (Simulation.trace, docs/stages.md "Traces") as the rows of a
 * waterfall: one row per span but the root, in the order of the request's life, times from the
 * request's start, each row marked when it lies on the critical path (the chain of spans whose
 * ends make the latency, and for a command the write's visibility). Plain data; Waterfall.tsx draws it.
 */
import type { Span, Trace } from '../../../simulation/index';
import type { StageFacts } from '../stages/stageSplits';

export interface WaterfallRow {
  readonly id: number;
  /** Nesting: 0 for an attempt or a back-off, 1 for an attempt's stages, 2 and 3 for a write's visibility. */
  readonly depth: number;
  readonly label: string;
  /** The part and instance, in words ("write store, shard s2"). */
  readonly where: string;
  /** From the request's start, in simulated ms. */
  readonly startMs: number;
  readonly endMs: number;
  readonly critical: boolean;
  /** ok, or how it ended (failed, rejected, timedOut, gaveUp, dropped). */
  readonly outcome: string;
}

export interface Waterfall {
  readonly kind: 'query' | 'command';
  readonly request: number;
  /** Simulated ms at which the request started. */
  readonly atMs: number;
  /** Its latency: first attempt's start to the answer (or the give-up). */
  readonly latencyMs: number;
  readonly outcome: string;
  /** The axis's length from the request's start: the latency, or further to a command's write being visible everywhere. */
  readonly axisMs: number;
  readonly rows: readonly WaterfallRow[];
  /** A command's write: where it became visible last and how long after its commit (its consistency lag to that node). */
  readonly visible: { readonly where: string; readonly lagMs: number; readonly primaryLagMs: number; readonly atMs: number } | null;
}

const PARTS: Record<string, string> = {
  clients: 'client',
  queryService: 'query service',
  commandService: 'command service',
  cache: 'cache',
  readStore: 'read store',
  writeStore: 'write store',
  eventStream: 'event stream',
  projectors: 'projectors',
};

/** A read node by its number: 0 is the primary, the replicas from 1. */
export const nodeName = (node: number): string => (node === 0 ? 'the primary' : `read replica ${node}`);

function whereOf(s: Span): string {
  const part = PARTS[s.part] ?? s.part;
  if (s.instance < 0) return part;
  const i = s.instance + 1;
  switch (s.part) {
    case 'queryService':
      return `${part}, instance q${i}`;
    case 'commandService':
      return `${part}, instance c${i}`;
    case 'writeStore':
      return `${part}, shard s${i}`;
    case 'readStore':
      return `${part}, ${nodeName(s.instance)}`;
    case 'eventStream':
      return `${part}, partition ${i}`;
    case 'projectors':
      return `projector ${i}`;
    default:
      return `${part} ${i}`;
  }
}

function labelOf(s: Span, facts: StageFacts): string {
  if (s.name === 'visibility') return 'visible everywhere (from the commit)';
  return facts.stages.find((f) => f.id === s.name)?.label ?? s.name;
}

/** The waterfall of `trace`; `facts` names the stages. */
export function waterfallOf(trace: Trace, facts: StageFacts): Waterfall {
  const root = trace.spans.find((s) => s.parent === 0) ?? trace.spans[0];
  const kids = new Map<number, Span[]>();
  for (const s of trace.spans) if (s !== root) kids.set(s.parent, [...(kids.get(s.parent) ?? []), s]);
  for (const list of kids.values()) list.sort((a, b) => a.startMs - b.startMs || a.id - b.id);
  const visibility = trace.spans.find((s) => s.name === 'visibility') ?? null;
  const copies = visibility ? (kids.get(visibility.id) ?? []).filter((s) => s.name.startsWith('visible on replica')) : [];
  // The copy that ends last ends the visibility: the other copies are off the critical path.
  const lastCopy = copies.reduce<Span | null>((m, s) => (!m || s.endMs > m.endMs ? s : m), null);
  const rows: WaterfallRow[] = [];
  const walk = (parent: number, depth: number) => {
    for (const s of kids.get(parent) ?? []) {
      const critical = !s.name.startsWith('visible on replica') || s === lastCopy;
      rows.push({ id: s.id, depth, label: labelOf(s, facts), where: whereOf(s), startMs: s.startMs - root.startMs, endMs: s.endMs - root.startMs, critical, outcome: s.outcome });
      walk(s.id, depth + 1);
    }
  };
  walk(root.id, 0);
  const latencyMs = root.endMs - root.startMs;
  const axisMs = Math.max(latencyMs, ...rows.map((r) => r.endMs));
  // The apply's end: visible in the read model's primary (the consistency lag); dropped writes never are.
  const applied = visibility ? Math.max(visibility.startMs, ...(kids.get(visibility.id) ?? []).filter((s) => !copies.includes(s)).map((s) => s.endMs)) : 0;
  const visible =
    visibility && visibility.outcome === 'ok'
      ? {
          where: lastCopy ? nodeName(lastCopy.instance) : 'the read model',
          lagMs: visibility.endMs - visibility.startMs,
          primaryLagMs: applied - visibility.startMs,
          atMs: visibility.endMs - root.startMs,
        }
      : null;
  return { kind: trace.kind, request: trace.request, atMs: root.startMs, latencyMs, outcome: root.outcome, axisMs, rows, visible };
}
