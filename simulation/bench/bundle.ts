/**
 * Bundles benchmark programs to run under plain Node, as scripts/buildCli.mjs bundles the command
 * line: ES modules for Node 20, with a `require` of their own (seedrandom is CommonJS).
 */
import { build, type BuildOptions } from 'esbuild';

export async function bundleForNode(options: Pick<BuildOptions, 'entryPoints' | 'outdir' | 'outfile' | 'nodePaths'>): Promise<void> {
  await build({
    ...options,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: 'import { createRequire as __cqrsLabRequire } from "node:module"; const require = __cqrsLabRequire(import.meta.url);' },
  });
}
