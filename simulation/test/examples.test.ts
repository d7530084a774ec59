/** The example scenarios in scenarios/ stay valid and run (they are what people start from). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runScenario } from '../index';

const dir = join(process.cwd(), 'scenarios');

describe('scenarios/', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    it(`${file} parses and runs with every request accounted for`, () => {
      const parsed = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
      expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems)).toBe(true);
      if (!parsed.ok) return;
      const r = runScenario(parsed.scenario);
      for (const c of [r.commands, r.queries]) {
        expect(c.offered).toBe(c.completed + c.rejected + c.timedOut + c.failed + c.inFlight);
        expect(c.completed).toBeGreaterThan(0);
      }
    });
  }
});
