/**
 * The built-in parts' declarations (`parts/decl/`): leaves that the scenario's schema may read
 * without an import circle, and figure blocks whose places say the order on their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DECLS, type BuiltinDecl } from '../parts/decl';

const DIR = resolve(__dirname, '../parts/decl');

describe('the built-in parts declarations', () => {
  it('import only the field format, the shared bounds and each other (no engine module)', () => {
    const outside = readdirSync(DIR).flatMap((file) =>
      [...readFileSync(join(DIR, file), 'utf8').matchAll(/^(?:import|export)\b[^;=]*?\bfrom\s*['"]([^'"]+)['"]/gm)]
        .map((m) => m[1])
        .filter((spec) => !spec.startsWith('./') && spec !== '../../input/fieldSpec' && spec !== '../../input/bounds')
        .map((spec) => `${file} -> ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('give each block of figures a place of its own, in the report and in a window', () => {
    for (const key of ['figures', 'windowFigures'] as const) {
      const places = BUILTIN_DECLS.flatMap((d: BuiltinDecl) => (d[key] ?? []).map((b) => `${b.at} (${d.name})`));
      const seen = new Map<string, string>();
      const clashes = places.flatMap((p) => {
        const at = p.split(' ')[0];
        const first = seen.get(at);
        seen.set(at, p);
        return first === undefined ? [] : [`${first} and ${p}`];
      });
      expect(clashes, key).toEqual([]);
    }
  });

  it('give each word of the label rule once (a second would hide the first)', () => {
    for (const key of ['subjects', 'measures', 'words'] as const) {
      const names = BUILTIN_DECLS.flatMap((d: BuiltinDecl) => Object.keys(d.labels?.[key] ?? {}));
      expect(names.filter((n, i) => names.indexOf(n) !== i), key).toEqual([]);
    }
  });

  it('each own the sections they declare (no section declared twice)', () => {
    const names = BUILTIN_DECLS.flatMap((d: BuiltinDecl) => Object.keys(d.sections ?? {}));
    expect(new Set(names).size).toBe(names.length);
  });
});
