import { describe, expect, it } from 'vitest';
import type { Span, Trace } from '../../../simulation/index';
import { pathOf } from './path';

const span = (id: number, parent: number, name: string, part: string, startMs: number, endMs: number): Span => ({ id, parent, name, part, instance: 0, startMs, endMs, attempt: 1, outcome: 'ok' });

describe('pathOf', () => {
  it("names the topology's parts a command went through, each once, in the order it reached them; none without a trace", () => {
    const t: Trace = {
      request: 7,
      kind: 'command',
      spans: [
        span(1, 0, 'command', 'clients', 0, 6),
        span(3, 2, 'service', 'commandService', 0, 5),
        span(4, 2, 'write', 'writeStore', 5, 6),
        span(2, 1, 'attempt 1', 'commandService', 0, 6),
        span(6, 5, 'append', 'eventStream', 6, 8),
        span(7, 5, 'apply', 'projectors', 8, 9),
        span(8, 5, 'visible on replica 1', 'readStore', 9, 20),
        span(5, 4, 'visibility', 'eventStream', 6, 20),
      ],
    };
    expect(pathOf(t)).toEqual(['workload', 'commandService', 'writeStore', 'eventStream', 'readStore']);
    expect(pathOf(null)).toEqual([]);
  });
});
