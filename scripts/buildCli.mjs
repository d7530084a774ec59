/**
 * Bundles the command line into dist-cli/ (cli.js and the worker threads' poolWorker.js beside it,
 * as cli/pool.ts expects when it does not run from source), so the `cqrs-lab`
 * command starts without tsx. Run by `npm install` (prepare) and `npm run build:cli`;
 * `node scripts/buildCli.mjs <outdir>` writes elsewhere (the tests do).
 */
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = process.argv[2] ?? join(root, 'dist-cli');

// Chunks have hashed names: those of an earlier build would pile up beside the new ones.
rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'cli/cli.ts'), join(root, 'cli/poolWorker.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir,
  entryNames: '[name]',
  // Code the two entries share, and the worker's check of timed changes (loaded when a scenario has
  // interventions), go into chunks of their own: a worker thread loads the engine, not the CLI's validation.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  define: { __LAB_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
  // seedrandom is CommonJS: give the ES module bundle a require of its own.
  banner: { js: '#!/usr/bin/env node\nimport { createRequire as __cqrsLabRequire } from "node:module"; const require = __cqrsLabRequire(import.meta.url);' },
});
chmodSync(join(outdir, 'cli.js'), 0o755);
