import { describe, expect, it } from 'vitest';
import type { Happening, WindowStats } from '../../simulation/index';
import { happeningLine, happeningsOf, markKind } from './happenings';

const h = (x: Omit<Happening, 'atS'> & { atS?: number }): Happening => ({ atS: 20, ...x });

describe('happenings', () => {
  it('happeningLine() says each kind of happening in words', () => {
    expect(
      [
        h({ kind: 'scale', what: 'queryService', from: 2, to: 3, reason: 'cpu 1 vs target 0.6' }),
        h({ atS: 40, kind: 'ready', what: 'queryService', index: 2, afterS: 20 }),
        h({ kind: 'scale', what: 'commandService', from: 3, to: 2, reason: 'rps 40.5 vs target 100' }),
        h({ kind: 'scale', what: 'queryService', from: 1, to: 4, reason: 'schedule: at least 4' }),
        h({ kind: 'change', what: 'workload.rps', value: '800' }),
        h({ atS: 30.5, kind: 'fault', what: 'crash', target: 'queryService', index: 0 }),
        h({ atS: 32, kind: 'down', what: 'queryService', index: 0, afterS: 1.5 }),
        h({ atS: 40.5, kind: 'faultEnd', what: 'crash', target: 'queryService', index: 0 }),
        h({ atS: 42, kind: 'up', what: 'queryService', index: 0 }),
        h({ kind: 'ready', what: 'replicas', from: 1, to: 2 }),
        h({ kind: 'fault', what: 'shardDown', target: 'commandService', index: 1 }),
      ].map(happeningLine),
    ).toEqual([
      '20 s: query service: scale-out 2 → 3 requested (load (cpu) 100% against a target of 60%)',
      '40 s: query instance q3 serves (boot 20 s)',
      '20 s: command service: scale-in 3 → 2 requested (requests/s per instance 40.5 against a target of 100)',
      '20 s: query service: scale-out 1 → 4 requested (schedule: at least 4)',
      '20 s: live change: workload.rps set to 800',
      '30.5 s: fault: query instance q1 crashes',
      '32 s: health checks mark query instance q1 down (1.5 s after it failed)',
      '40.5 s: fault over: query instance q1 is back to normal',
      '42 s: health checks mark query instance q1 up again',
      '20 s: read replicas: 2 now serve (were 1)',
      '20 s: fault: write-store shard s2 goes down',
    ]);
  });
  it('markKind() puts scaling and boots together, faults with their ends, health marks apart', () => {
    expect(['change', 'scale', 'ready', 'fault', 'faultEnd', 'down', 'up'].map((kind) => markKind(h({ kind: kind as Happening['kind'], what: 'x' })))).toEqual([
      'change',
      'scaling',
      'scaling',
      'fault',
      'fault',
      'health',
      'health',
    ]);
  });
  it('happeningsOf() joins the windows\' entries in order and adds up what the caps dropped', () => {
    const w = (tS: number, extra: Partial<WindowStats>) => ({ tS, ...extra }) as WindowStats;
    const a = h({ atS: 1.5, kind: 'change', what: 'workload.rps', value: '1' });
    const b = h({ atS: 3, kind: 'up', what: 'queryService', index: 1 });
    expect(happeningsOf([w(1, {}), w(2, { happenings: [a], happeningsDropped: 4 }), w(3, { happenings: [b] })])).toEqual({ list: [a, b], dropped: 4 });
  });
});
