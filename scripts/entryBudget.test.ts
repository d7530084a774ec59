/**
 * The size budget of the first screen: the built entry script and what it preloads, gzipped.
 * Sizes are deterministic (unlike timings), so this belongs in a test; `npm run measure` prints
 * the timings. The page is built here, into a temporary folder, so the test needs no earlier step.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRY_BUDGET_KB, entrySize } from './entrySize';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'entry-budget-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('entrySize', () => {
  it('entrySize() counts the entry script and every module it preloads, not lazy chunks', () => {
    const dir = join(tmp, 'fixture');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(
      join(dir, 'index.html'),
      '<script type="module" crossorigin src="./assets/a.js"></script><link rel="modulepreload" crossorigin href="./assets/b.js">',
    );
    for (const f of ['a', 'b', 'lazy']) writeFileSync(join(dir, 'assets', `${f}.js`), `export const ${f} = ${'1+'.repeat(500)}1;`);
    const size = entrySize(dir);
    expect(size.files.map((f) => f.file)).toEqual(['assets/a.js', 'assets/b.js']);
    expect(size.totalGzipBytes).toBe(size.files[0].gzipBytes + size.files[1].gzipBytes);
  });

  it(`the built page's first-screen JavaScript is at most ${ENTRY_BUDGET_KB} KB gzipped`, () => {
    const outDir = join(tmp, 'dist');
    // A separate process: under Vitest NODE_ENV is "test", which would build React's development files.
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--sourcemap', 'false', '--logLevel', 'error'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    });
    const size = entrySize(outDir);
    const kb = size.totalGzipBytes / 1000;
    console.log(`first-screen JavaScript: ${kb.toFixed(1)} KB gzipped (budget ${ENTRY_BUDGET_KB} KB): ${size.files.map((f) => `${f.file} ${(f.gzipBytes / 1000).toFixed(1)} KB`).join(', ')}`);
    expect(kb).toBeLessThanOrEqual(ENTRY_BUDGET_KB);
  });
});
