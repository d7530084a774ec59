/**
 * The topology's parts a followed request went through, from its trace's spans (Span.part): the
 * clients are the workload's, the projectors the event stream's. The topology marks them while
 * the waterfall is open (RunState.followedPath).
 */
import type { Trace } from '../../../simulation/index';

const PART: Record<string, string> = { clients: 'workload', projectors: 'eventStream' };

/** Each part once, in the order the request first reached it. */
export function pathOf(trace: Trace | null): string[] {
  if (!trace) return [];
  const parts: string[] = [];
  for (const s of [...trace.spans].sort((a, b) => a.startMs - b.startMs)) {
    const part = PART[s.part] ?? s.part;
    if (!parts.includes(part)) parts.push(part);
  }
  return parts;
}
