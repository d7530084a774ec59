/**
 * The built-in parts' declarations (`parts/decl/`): leaves that the scenario's schema may read
 * without an import circle, and figure blocks whose places say the order on their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DECLS, BUILTIN_DERIVED, BUILTIN_VIEWS, type BuiltinDecl } from '../parts/decl';

const DIR = resolve(__dirname, '../parts/decl');

describe('the built-in parts declarations', () => {
  it("import only the field format, the shared bounds, each other and the report's shape as a type (no engine module)", () => {
    const outside = readdirSync(DIR).flatMap((file) =>
      [...readFileSync(join(DIR, file), 'utf8').matchAll(/^(?:import|export)\b([^;=]*?)\bfrom\s*['"]([^'"]+)['"]/gm)]
        .filter(([, what, spec]) => !spec.startsWith('./') && spec !== '../../input/fieldSpec' && spec !== '../../input/bounds' && !(spec === '../../types' && /^\s*type\b/.test(what)))
        .map(([, , spec]) => `${file} -> ${spec}`),
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

  it("name, in their views and derived figures, a declared part (once each), in the declarations' order", () => {
    const names = BUILTIN_DECLS.map((d: BuiltinDecl) => d.name);
    for (const list of [BUILTIN_VIEWS, BUILTIN_DERIVED]) {
      const at = list.map((x) => names.indexOf(x.name));
      expect(at.filter((i) => i < 0), list.map((x) => x.name).join()).toEqual([]);
      expect(at.slice().sort((a, b) => a - b)).toEqual([...new Set(at)]);
    }
  });

  it('each own the sections they declare (no section declared twice)', () => {
    const names = BUILTIN_DECLS.flatMap((d: BuiltinDecl) => Object.keys(d.sections ?? {}));
    expect(new Set(names).size).toBe(names.length);
  });
});
