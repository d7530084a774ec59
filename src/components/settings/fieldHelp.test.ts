import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../simulation/fields';
import { FIGURES, SERIES_FIGURES } from '../../../simulation/figures';

describe('help texts', () => {
  it('every field of the registry has a help text of a sentence or more', () => {
    for (const f of FIELDS) expect(f.help.length, f.path).toBeGreaterThan(20);
  });
  it('every figure of the registry (report and series) has a help text and a human label that is not its code name', () => {
    for (const f of [...FIGURES, ...SERIES_FIGURES]) {
      expect(f.help.length, f.id).toBeGreaterThan(20);
      expect(f.label.length, f.id).toBeGreaterThan(2);
      expect(f.label, f.id).not.toBe(f.id);
      expect(f.label, f.id).toMatch(/^[A-Z]/);
    }
  });
});
