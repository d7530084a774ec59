import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import { MAX_HAPPENINGS_PER_WINDOW } from '../parts/happenings';
import type { Happening, WindowStats } from '../types';
import { scenario } from './helpers';

/** Every window of a whole run. */
function windowsOf(s: ReturnType<typeof scenario>): WindowStats[] {
  const sim = new Simulation(s);
  sim.run();
  return sim.drainWindows();
}

const logOf = (ws: WindowStats[]): Happening[] => ws.flatMap((w) => w.happenings ?? []);

// Two query instances; a schedule asks for 3 at 10 s (boot 5 s); a live change asks for 4 at
// 20 s; query instance 0 crashes at 30 s for 10 s, with probes every 1 s marking it down after
// 2 failures and up after 2 passes. No scaling on load: the target is out of reach either way
// and scaling in waits 1,000 s.
const traced = scenario({
  durationS: 50,
  warmupS: 0,
  workload: { rps: 50 },
  queryService: {
    instances: 2,
    healthCheck: { intervalMs: 1000, unhealthyAfter: 2, healthyAfter: 2 },
    autoscaling: { metric: 'cpu', target: 1, min: 2, max: 10, intervalS: 1000, cooldownInS: 1000, bootS: 5, schedule: [{ atS: 10, instances: 3 }] },
  },
  interventions: [{ atS: 20, set: 'queryService.instances', value: 4 }],
  faults: [{ atS: 30.5, kind: 'crash', target: 'queryService', instance: 0, forS: 10 }],
});

describe('Happenings', () => {
  it('a run logs its scaling, boots, live changes, faults and health marks, each in the window it happened in', () => {
    const ws = windowsOf(traced);
    // Probes at whole seconds: the crash at 30.5 s fails the probes at 31 and 32 s (down after
    // 1.5 s); it recovers at 40.5 s and passes at 41 and 42 s.
    expect(logOf(ws)).toEqual([
      { atS: 10, kind: 'scale', what: 'queryService', from: 2, to: 3, reason: 'schedule: at least 3' },
      { atS: 15, kind: 'ready', what: 'queryService', index: 2, afterS: 5 },
      { atS: 20, kind: 'change', what: 'queryService.instances', value: '4' },
      { atS: 25, kind: 'ready', what: 'queryService', index: 3, afterS: 5 },
      { atS: 30.5, kind: 'fault', what: 'crash', target: 'queryService', index: 0 },
      { atS: 32, kind: 'down', what: 'queryService', index: 0, afterS: 1.5 },
      { atS: 40.5, kind: 'faultEnd', what: 'crash', target: 'queryService', index: 0 },
      { atS: 42, kind: 'up', what: 'queryService', index: 0 },
    ]);
    // An entry at a window's edge (32 s) may fall in either window: events at one time run in calendar order.
    for (const w of ws) for (const h of w.happenings ?? []) expect(h.atS).toBeLessThanOrEqual(w.tS);
    for (const w of ws) for (const h of w.happenings ?? []) expect(h.atS).toBeGreaterThanOrEqual(w.tS - 1);
  });

  it('the log is the same run after run (deterministic)', () => {
    expect(JSON.stringify(logOf(windowsOf(traced)))).toBe(JSON.stringify(logOf(windowsOf(traced))));
  });

  it('a window keeps at most MAX_HAPPENINGS_PER_WINDOW entries and counts the rest', () => {
    // 100 interventions in the same second: the window keeps the cap and counts the others.
    const many = scenario({
      durationS: 3,
      warmupS: 0,
      interventions: Array.from({ length: 100 }, (_, i) => ({ atS: 1.5, set: 'workload.rps', value: 100 + i })),
    });
    const ws = windowsOf(many);
    const second = ws.find((w) => w.tS === 2)!;
    expect(second.happenings).toHaveLength(MAX_HAPPENINGS_PER_WINDOW);
    expect(second.happeningsDropped).toBe(100 - MAX_HAPPENINGS_PER_WINDOW);
    expect(ws.filter((w) => w.tS !== 2).every((w) => w.happenings === undefined && w.happeningsDropped === undefined)).toBe(true);
  });
});
