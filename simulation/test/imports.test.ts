/**
 * The shape of the house, measured: no import circles (type imports included) in simulation/, cli/
 * and src/, no code file over 300 lines (tests, browser tests and scripts included), and the
 * engine never importing the command line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : files(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The project files a file imports (relative specifiers only), type imports included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2];
    const base = resolve(dirname(file), spec);
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((c) => existsSync(c) && statSync(c).isFile());
    if (hit && /\.tsx?$/.test(hit)) out.push(hit);
  }
  return out;
}

/** Every import circle, each as the list of files around it. */
function cycles(all: string[]): string[][] {
  const graph = new Map(all.map((f) => [f, importsOf(f)]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (f: string) => {
    state.set(f, 1);
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 1) found.push(stack.slice(stack.indexOf(g)).map((x) => relative(ROOT, x)));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of all) if (!state.has(f)) visit(f);
  return found;
}

describe('imports', () => {
  const engine = files(join(ROOT, 'simulation'));
  const all = [...engine, ...files(join(ROOT, 'cli')), ...files(join(ROOT, 'src'))];

  it('simulation/, cli/ and src/ have no import circles, type imports included', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(cycles(all)).toEqual([]);
  });

  it('no code file (simulation/, cli/, src/, e2e/ and scripts/, tests included) is over 300 lines', () => {
    const code = [...all, ...files(join(ROOT, 'e2e')), ...files(join(ROOT, 'scripts'))];
    expect(code.length).toBeGreaterThan(all.length);
    const long = code
      .map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((x) => x.lines > 300);
    expect(long).toEqual([]);
  });

  it("simulation/types.ts, the shapes the engine hands out, imports no engine internals (only the scenario's types)", () => {
    const internal = importsOf(join(ROOT, 'simulation/types.ts')).map((f) => relative(ROOT, f)).filter((f) => f !== 'simulation/scenario.ts');
    expect(internal).toEqual([]);
  });

  it('nothing in simulation/, its tests included, imports from cli/ (the command line uses the engine, not the reverse)', () => {
    expect(engine.length).toBeGreaterThan(50);
    const cli = join(ROOT, 'cli') + '/';
    const reaching = engine.flatMap((f) => importsOf(f).filter((g) => g.startsWith(cli)).map((g) => `${relative(ROOT, f)} -> ${relative(ROOT, g)}`));
    expect(reaching).toEqual([]);
  });
});
