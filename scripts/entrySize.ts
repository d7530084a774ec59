/**
 * The JavaScript the first screen loads: the entry script of `index.html` and every module it
 * preloads (`<link rel="modulepreload">`), gzipped. Lazy chunks and the worker are not counted:
 * the first screen does not wait for them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The budget for that JavaScript, in gzipped KB (1 KB = 1000 bytes). 112 since the page gained the
 * kept run's overlay, the Plan button and the skip link to "where the time goes" (111.7 KB measured;
 * the panels themselves load lazily); 113 since "Follow the slowest", a chart point's follow and the
 * path on the topology (112.005 KB measured on 2026-12-07, 111.988 before an engine-only change: the
 * entry names the lazy chunks by their content hashes, so an edit anywhere moves it by a few bytes,
 * and a budget with 12 bytes to spare failed a load run on exactly that).
 */
export const ENTRY_BUDGET_KB = 113;

export interface EntrySize {
  /** Each file, relative to the built site, with its gzipped size in bytes. */
  files: { file: string; gzipBytes: number }[];
  totalGzipBytes: number;
}

/** Reads `dist/index.html` (or `distDir`'s) and gzips (zlib's default level, 6) what it loads before first paint. */
export function entrySize(distDir: string): EntrySize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = [
    ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]),
  ];
  if (srcs.length === 0) throw new Error(`no module script in ${join(distDir, 'index.html')}`);
  const files = srcs.map((src) => {
    const file = src.replace(/^\.?\//, '');
    return { file, gzipBytes: gzipSync(readFileSync(join(distDir, file))).length };
  });
  return { files, totalGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0) };
}
