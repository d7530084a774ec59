/** reportShape: the figures a report will have, known before the run (what --check is validated against). */
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, figuresOf } from '../index';
import { PARTS } from '../parts';
import { missingFigure, reportShape } from '../output/reportShape';
import type { Scenario } from '../scenario';

function scenario(input: object): Scenario {
  const r = parseScenario({ version: 1, durationS: 3, warmupS: 1, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

describe('reportShape', () => {
  it('reportShape has every figure of the run report, for scenarios with and without optional parts', () => {
    for (const input of [
      {},
      { writeStore: { shards: 3 }, readStore: { replicas: 1 } },
      { queryService: { admission: { rps: 100, burst: 10 } }, commandService: { circuitBreaker: {} } },
    ]) {
      const s = scenario(input);
      const shape = reportShape(s);
      const ran = figuresOf(runScenario(s));
      for (const figure of ran.keys()) expect(shape.has(figure), `${JSON.stringify(input)} ${figure}`).toBe(true);
      expect(shape.nodes).toBe(1 + s.readStore.replicas);
    }
  });

  it('reportShape leaves out a part that is off, a shard or a read node past the count, and names why', () => {
    const shape = reportShape(scenario({ writeStore: { shards: 1 }, readStore: { replicas: 1 } }));
    expect(shape.has('errors.shed')).toBe(false);
    expect(shape.has('queryService.circuitBreaker.opened')).toBe(false);
    expect(shape.has('queryService.admission.shed')).toBe(false);
    expect(shape.has('writeStore.shards[0].writes')).toBe(true);
    expect(shape.has('writeStore.shards[1].writes')).toBe(false);
    expect(shape.has('readStore.nodes[1].reads')).toBe(true);
    expect(shape.has('readStore.nodes[2].reads')).toBe(false);
    expect(shape.has('readStore.nodes[0].nope')).toBe(false);
    expect(missingFigure(shape, 'writeStore.shards[3].writes')).toBe('the write store has 1 shard, numbered from 0');
    expect(missingFigure(shape, 'readStore.nodes[7].reads')).toBe('the read store has at most 2 nodes (the primary and 1 replica), numbered from 0');
    expect(missingFigure(shape, 'errors.shed')).toMatch(/^not in this report: a part that is never on/);
    // The parts that may be off are named from their declarations, in the list's order.
    const nouns = PARTS.flatMap((p) => (p.noun ? [p.noun] : []));
    expect(nouns.length).toBeGreaterThan(1);
    const message = missingFigure(shape, 'errors.shed')!;
    const at = nouns.map((n) => message.indexOf(n));
    expect(at.filter((i) => i < 0), message).toEqual([]);
    expect(at, message).toEqual([...at].sort((x, y) => x - y));
    expect(missingFigure(shape, 'errors.rejected')).toBeNull();
  });

  it('reportShape counts what the run can reach: a part an intervention turns on, replicas up to auto-scaling or an intervention', () => {
    const s = scenario({
      durationS: 4,
      readStore: { replicas: 1, autoscaling: { metric: 'cpu', target: 0.6, min: 1, max: 3 } },
      interventions: [
        { atS: 2, set: 'queryService.admission', value: { rps: 50, burst: 5 } },
        { atS: 3, set: 'readStore.autoscaling.max', value: 5 },
      ],
    });
    const shape = reportShape(s);
    expect(shape.has('errors.shed')).toBe(true);
    expect(shape.has('queryService.admission.shed')).toBe(true);
    expect(shape.nodes).toBe(6);
    // And the run itself has the part's figures (which it reports once the part was on).
    expect(figuresOf(runScenario(s)).has('errors.shed')).toBe(true);
  });
});
