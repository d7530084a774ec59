/**
 * The page's type scale (src/styles.css): every face and size is a font lookup the first time it
 * is drawn, a synchronous call to the browser process on Linux, so the page keeps to five sizes,
 * two weights and no italics. This fails when a style sheet or an inline style steps outside them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SIZES = new Set(['10px', '12px', '14px', '1rem', '1.25rem', 'inherit']);
const WEIGHTS = new Set(['400', '600', 'normal', 'inherit']);

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) && !name.includes('.test.') ? [p] : [];
  });
}

describe('type scale', () => {
  const css = files(__dirname, /\.css$/).map((f) => [f, readFileSync(f, 'utf8')] as const);
  const tsx = files(__dirname, /\.tsx$/).map((f) => [f, readFileSync(f, 'utf8')] as const);

  it('style sheets and inline styles use the five sizes and two weights, and no italics', () => {
    expect(css.length).toBeGreaterThan(2);
    const off: string[] = [];
    for (const [f, text] of css) {
      for (const m of text.matchAll(/font-size:\s*([^;}\s]+)/g)) if (!SIZES.has(m[1])) off.push(`${f}: font-size ${m[1]}`);
      for (const m of text.matchAll(/font-weight:\s*([^;}\s]+)/g)) if (!WEIGHTS.has(m[1])) off.push(`${f}: font-weight ${m[1]}`);
      for (const m of text.matchAll(/font:\s*([^;}]+)/g)) {
        if (m[1].trim() === 'inherit') continue;
        const size = /(\d+(?:\.\d+)?(?:px|rem))/.exec(m[1])?.[1];
        if (!size || !SIZES.has(size) || /italic|\b[1-9]00\b/.test(m[1].replace(/\b(400|600)\b/g, ''))) off.push(`${f}: font ${m[1]}`);
      }
      if (/font-style:\s*italic|\bitalic\b/.test(text)) off.push(`${f}: italic`);
    }
    for (const [f, text] of tsx) {
      for (const m of text.matchAll(/fontSize:\s*'([^']+)'/g)) if (!SIZES.has(m[1])) off.push(`${f}: fontSize ${m[1]}`);
      for (const m of text.matchAll(/fontWeight:\s*'?(\w+)/g)) if (!WEIGHTS.has(m[1])) off.push(`${f}: fontWeight ${m[1]}`);
    }
    expect(off).toEqual([]);
  });
});
