/** The Part contract, measured: the engine's shared files name no part on the list, and the registries carry what each part declares. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../fields';
import { FIGURES, SERIES_FIGURES } from '../figures';
import { PARTS } from '../parts';

const SIM = join(__dirname, '..');
/** The files that tie the parts together: they loop over PARTS and must not name one. */
const SHARED = [
  'simulation.ts',
  'report.ts',
  'figures.ts',
  'figureLabels.ts',
  'fields.ts',
  'fieldSections.ts',
  'types.ts',
  'parts/windows.ts',
  'parts/clients.ts',
  'metrics/classTally.ts',
];

describe('parts', () => {
  it('no shared file of the engine names a part on the list, its settings group or its failure cause', () => {
    const named: string[] = [];
    for (const file of SHARED) {
      const text = readFileSync(join(SIM, file), 'utf8');
      for (const p of PARTS) {
        for (const name of [p.name, p.serviceGroup?.name, p.cause?.id]) {
          if (name && new RegExp(`\\b${name}\\b`).test(text)) named.push(`${file}: ${name}`);
        }
      }
    }
    expect(named).toEqual([]);
  });

  it('the registries hold every setting, figure and cause a part declares, under both services', () => {
    const fields = new Set(FIELDS.map((f) => f.path));
    const figures = new Set(FIGURES.map((f) => f.id));
    const series = new Set(SERIES_FIGURES.map((f) => f.id));
    const missing: string[] = [];
    for (const p of PARTS) {
      for (const svc of ['commandService', 'queryService']) {
        const g = p.serviceGroup;
        if (g) for (const path of [`${svc}.${g.name}`, ...g.fields.map(([name]) => `${svc}.${g.name}.${name}`)]) if (!fields.has(path)) missing.push(path);
        for (const [id] of p.serviceFigures ?? []) if (!figures.has(`${svc}.${id}`)) missing.push(`${svc}.${id}`);
      }
      for (const [id] of p.figures ?? []) if (!figures.has(id)) missing.push(id);
      if (p.cause && !(figures.has(`errors.${p.cause.id}`) && series.has(`errors.${p.cause.id}`))) missing.push(`errors.${p.cause.id}`);
    }
    expect(missing).toEqual([]);
  });
});
