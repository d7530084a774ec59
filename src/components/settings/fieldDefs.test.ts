import { describe, expect, it } from 'vitest';
import { fieldAt } from '../../../simulation/fields';
import { FIXED_DURING_RUN, SECTIONS } from './fieldDefs';

describe('fieldDefs', () => {
  it('every field the settings panel edits is one of the engine\'s fields (one list of paths)', () => {
    const unknown: string[] = [];
    for (const section of Object.values(SECTIONS)) {
      for (const f of section.fields) if (f.kind !== 'heading' && fieldAt(f.path) === undefined) unknown.push(f.path);
    }
    expect(unknown).toEqual([]);
  });

  it('the fields the page treats as fixed during a run are the engine\'s', () => {
    for (const path of FIXED_DURING_RUN) expect(fieldAt(path)?.fixedDuringRun, path).toBe(true);
  });
});
