/** The run's "what happened" log in words, and the markers the charts draw for it. */
import type { Happening, WindowStats } from '../../simulation/index';

/** How a marker looks: one colour and one letter per kind of happening. */
export type MarkKind = 'change' | 'scaling' | 'fault' | 'health';

export const MARK_KINDS: Record<MarkKind, { label: string; color: string; letter: string }> = {
  change: { label: 'live change', color: 'var(--c1)', letter: 'C' },
  scaling: { label: 'scaling or instance ready', color: 'var(--c2)', letter: 'S' },
  fault: { label: 'fault starts or ends', color: 'var(--c3)', letter: 'F' },
  health: { label: 'health check marks down or up', color: 'var(--c5)', letter: 'H' },
};

export function markKind(h: Happening): MarkKind {
  switch (h.kind) {
    case 'change':
      return 'change';
    case 'scale':
    case 'ready':
      return 'scaling';
    case 'fault':
    case 'faultEnd':
      return 'fault';
    default:
      return 'health';
  }
}

const GROUP: Record<string, string> = { commandService: 'command service', queryService: 'query service', projectors: 'projectors', replicas: 'read replicas' };
const instanceName = (service: string | undefined, i: number | undefined) =>
  `${service === 'commandService' ? 'command' : 'query'} instance ${service === 'commandService' ? 'c' : 'q'}${(i ?? 0) + 1}`;
const secs = (s: number) => `${Number.isInteger(s) ? s : s.toFixed(s < 10 ? 2 : 1).replace(/\.?0+$/, '')} s`;
const pct = (v: number) => `${Math.round(v * 100)}%`;

/** "cpu 1 vs target 0.6" -> "cpu 100% against a target of 60%". */
function reasonWords(reason: string | undefined): string {
  if (!reason) return '';
  const m = /^(\w+) ([\d.e+-]+) vs target ([\d.e+-]+)$/.exec(reason);
  if (!m) return ` (${reason})`;
  const [, metric, value, target] = m;
  const ratio = metric === 'cpu' || metric === 'memory';
  const show = (v: string) => (ratio ? pct(Number(v)) : String(Number(v)));
  const what = { cpu: 'load (cpu)', memory: 'memory', rps: 'requests/s per instance', queue: 'queue per instance', lag: 'lag per projector' }[metric] ?? metric;
  return ` (${what} ${show(value)} against a target of ${show(target)})`;
}

/** What a fault does, in a few words. */
function faultWords(h: Happening): string {
  const inst = instanceName(h.target, h.index);
  const service = h.target === 'commandService' ? 'the command service' : 'the query service';
  switch (h.what) {
    case 'crash':
      return `${inst} crashes`;
    case 'recover':
      return `${inst} recovers`;
    case 'slow':
      return `${inst} slows down (gray failure)`;
    case 'errors':
      return `errors injected at ${service}`;
    case 'shardDown':
      return `write-store shard s${(h.index ?? 0) + 1} goes down`;
    case 'shardUp':
      return `write-store shard s${(h.index ?? 0) + 1} comes back`;
    case 'cacheFlush':
      return 'the cache is flushed';
    case 'streamCut':
      return 'the event stream is cut from the projectors';
    case 'streamHeal':
      return 'the event stream is healed';
    case 'replicaLag':
      return `read replica ${(h.index ?? 0) + 1} falls behind`;
    default:
      return `${h.what} on ${service}`;
  }
}

/** One happening in words, without its time: "query service: scale-out 2 → 3 requested (...)". */
export function describeHappening(h: Happening): string {
  const group = GROUP[h.what] ?? h.what;
  switch (h.kind) {
    case 'change':
      return `live change: ${h.what} set to ${h.value ?? ''}`;
    case 'scale': {
      const dir = (h.to ?? 0) > (h.from ?? 0) ? 'scale-out' : 'scale-in';
      return `${group}: ${dir} ${h.from} → ${h.to} requested${h.reason?.startsWith('schedule') ? ` (${h.reason})` : reasonWords(h.reason)}`;
    }
    case 'ready':
      if (h.what === 'projectors' || h.what === 'replicas') return `${group}: ${h.to} now serve (were ${h.from})`;
      if (h.reason === 'restart') return `${instanceName(h.what, h.index)} serves again after its restart${h.afterS !== undefined ? ` (${secs(h.afterS)})` : ''}`;
      return `${instanceName(h.what, h.index)} serves${h.afterS !== undefined ? ` (boot ${secs(h.afterS)})` : ''}`;
    case 'fault':
      return `fault: ${faultWords(h)}`;
    case 'faultEnd':
      return `fault over: ${faultWords(h).replace(/ (crashes|goes down|slows down \(gray failure\)|falls behind|is cut from the projectors)$/, ' is back to normal')}`;
    case 'down':
      return `health checks mark ${instanceName(h.what, h.index)} down${h.afterS !== undefined ? ` (${secs(h.afterS)} after it failed)` : ''}`;
    case 'up':
      return `health checks mark ${instanceName(h.what, h.index)} up again`;
  }
}

/** "20 s: ..." */
export const happeningLine = (h: Happening) => `${secs(h.atS)}: ${describeHappening(h)}`;

/** Every happening the kept windows hold, in order, and how many were dropped by the engine's caps. */
export function happeningsOf(series: readonly WindowStats[]): { list: Happening[]; dropped: number } {
  const list: Happening[] = [];
  let dropped = 0;
  for (const w of series) {
    if (w.happenings) for (const h of w.happenings) list.push(h);
    dropped += w.happeningsDropped ?? 0;
  }
  return { list, dropped };
}
