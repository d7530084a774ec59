import { describe, expect, it } from 'vitest';
import { FIELDS, fieldAt } from '../../../simulation/fields';
import { FIGURES, SERIES_FIGURES } from '../../../simulation/figures';
import { SECTIONS, type FieldDef } from './fieldDefs';

const walk = (defs: FieldDef[]): FieldDef[] => defs.flatMap((d) => (d.kind === 'group' ? [d, ...walk(d.fields)] : [d]));

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
  it('every field the settings panel shows has its help in the registry', () => {
    const shown = Object.values(SECTIONS).flatMap((s) => walk(s.fields)).filter((d) => d.kind !== 'heading');
    expect(shown.length).toBeGreaterThan(50);
    for (const d of shown) expect(fieldAt(d.path)?.help, d.path).toBeTruthy();
  });
});
