import { describe, expect, it } from 'vitest';
import { defaultScenario, runScenario } from '../index';

describe('runScenario', () => {
  it('runScenario(default) serves both classes and conserves requests', () => {
    const r = runScenario(defaultScenario());
    for (const c of [r.commands, r.queries]) {
      expect(c.completed).toBeGreaterThan(0);
      expect(c.offered).toBe(c.completed + c.rejected + c.timedOut + c.failed + c.inFlight);
    }
  });
});
