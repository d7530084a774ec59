import { describe, expect, it } from 'vitest';
import { fieldAt } from '../../../simulation/fields';
import { PARTS } from '../../../simulation/index';
import { FIXED_DURING_RUN, SECTIONS, type FieldDef } from './fieldDefs';

describe('fieldDefs', () => {
  it('the fields the page treats as fixed during a run are the engine\'s', () => {
    for (const path of FIXED_DURING_RUN) expect(fieldAt(path)?.fixedDuringRun, path).toBe(true);
  });

  it("each part's optional settings group is on both services' settings as the part declares it, after the service's own", () => {
    const groups = PARTS.flatMap((p) => (p.serviceGroup?.optional && p.serviceGroup.page ? [p.serviceGroup] : []));
    expect(groups.length).toBeGreaterThan(1);
    for (const svc of ['commandService', 'queryService'] as const) {
      const fields = SECTIONS[svc].fields;
      // In the parts' order, at the end of the service's settings.
      expect(fields.slice(-groups.length).map((d) => d.path)).toEqual(groups.map((g) => `${svc}.${g.name}`));
      for (const g of groups) {
        const path = `${svc}.${g.name}`;
        const def = fields.find((d) => d.path === path) as Extract<FieldDef, { kind: 'group' }>;
        expect(def.kind, path).toBe('group');
        expect([def.label, def.defaults, def.hint]).toEqual([g.page!.label, g.page!.whenOn, fieldAt(path)!.help]);
        // The page's fields are the group's, in its order: a field the part adds without a label is caught here.
        expect(def.fields.map((d) => d.path)).toEqual(g.fields.map(([name]) => `${path}.${name}`));
        for (const d of def.fields) {
          const unit = fieldAt(d.path)!.unit;
          expect(d.kind === 'number' && d.unit, d.path).toBe(unit === 'ratio' ? undefined : unit);
        }
      }
    }
  });
});
