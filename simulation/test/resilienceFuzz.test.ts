/**
 * The fuzzer's whole scenarios with a circuit breaker and admission control added to both
 * services: the same invariants hold (conservation, finite figures, determinism, drains).
 */
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../fuzz/check';
import { drawScenario } from '../fuzz/draw';

type Json = Record<string, unknown>;

describe('fuzz with the new parts', () => {
  it('checkScenario() finds nothing broken in 40 drawn scenarios with breakers and admission control', () => {
    const failures: string[] = [];
    for (let i = 0; i < 40; i++) {
      const s = drawScenario(4, i) as Json;
      for (const name of ['commandService', 'queryService']) {
        const svc = s[name] as Json;
        svc.circuitBreaker = { failureRatio: 0.2 + (i % 5) * 0.2, window: 1 + ((i * 7) % 50), openS: 0.5 + (i % 3), trials: 1 + (i % 4) };
        if (i % 2 === 0) svc.admission = { rps: 10 + ((i * 37) % 2000), burst: 1 + (i % 20) };
      }
      let calls = 0;
      const r = checkScenario(s, { interrupt: () => (++calls > 20 ? 'budget' : null), determinism: i % 4 === 0, drain: i % 3 === 0 });
      failures.push(...r.failures.map((f) => `run ${i}: ${f}`));
    }
    expect(failures).toEqual([]);
  });
});
