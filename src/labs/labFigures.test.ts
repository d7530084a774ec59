/**
 * The labs' before and after: each lab's starting system is recognised as such and its steps'
 * result is not, and every debrief, filled with the figures of the two runs, quotes numbers.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, withField } from '../../simulation/index';
import { comparisonLines, figureValues, fillDebrief, isStartingSystem, labFigures, movement } from './labFigures';
import { loadAllLabs } from './labIndex';
import type { LabDef } from './labTypes';

const labs = await loadAllLabs();

function settingsOf(lab: LabDef, withSteps: boolean) {
  let s: unknown = lab.scenario;
  for (const st of withSteps ? lab.steps : []) {
    if (st.field === undefined) continue;
    const r = withField(s, st.field, st.value, true);
    if (!r.ok) throw new Error(`${st.field}: ${r.message}`);
    s = r.value;
  }
  const p = parseScenario(s);
  if (!p.ok) throw new Error(p.problems.map((x) => `${x.path}: ${x.message}`).join('; '));
  return p.scenario;
}

describe('movement()', () => {
  it('movement() says a tenfold fall, a small rise, and no change in words', () => {
    expect(movement(226, 19)).toEqual({ moved: true, words: 'fell about 12\u00d7' });
    expect(movement(100, 130)).toEqual({ moved: true, words: 'rose 30%' });
    expect(movement(23.9, 24.3)).toEqual({ moved: false, words: 'stayed about the same' });
    expect(movement(0, 0).moved).toBe(false);
  });
});

describe.each(labs.map((l) => [l.id, l] as const))('lab %s, before and after', (_id, lab) => {
  const before = settingsOf(lab, false);
  const after = settingsOf(lab, true);

  it('isStartingSystem() knows the starting system, and not the system its steps make', () => {
    expect(isStartingSystem(lab, before)).toBe(true);
    expect(isStartingSystem(lab, after)).toBe(false);
  });

  it('the debrief quotes a measured figure for every placeholder, and the figure lines name both runs', () => {
    const b = figureValues(lab, runScenario(before), before);
    const a = figureValues(lab, runScenario(after), after);
    expect(a.every((v) => v !== null)).toBe(true);
    for (const p of lab.debrief) {
      const text = fillDebrief(p, lab, b, a);
      expect(text).not.toMatch(/\{(before|after):/);
      expect(text).not.toContain('not measured');
    }
    const lines = comparisonLines(lab, b, a);
    expect(lines).toHaveLength(labFigures(lab).length);
    for (const l of lines) expect(l.text).toMatch(/ before, .* after \(/);
  });
});
