/** The simulation worker's start: what it must evaluate before its first answer. */
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the simulation worker', () => {
  it('starts without the scenario schema (zod): the schema is in a chunk it imports only when first needed', async () => {
    const r = await build({
      entryPoints: ['src/worker/simWorker.ts'],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      outdir: 'out',
      write: false,
      metafile: true,
      external: ['virtual:engine-facts'],
      logLevel: 'silent',
    });
    const outputs: Metafile['outputs'] = r.metafile.outputs;
    const entry = Object.keys(outputs).find((f) => outputs[f].entryPoint === 'src/worker/simWorker.ts')!;
    // The entry and every chunk it imports statically: all evaluated before the worker can answer.
    const atStart = new Set<string>();
    const visit = (f: string) => {
      if (atStart.has(f)) return;
      atStart.add(f);
      for (const i of outputs[f].imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
    };
    visit(entry);
    const withZod = (f: string) => Object.keys(outputs[f].inputs).some((i) => i.includes('node_modules/zod/'));
    expect([...atStart].filter(withZod)).toEqual([]);
    // The schema is still there, for the first file, link or change.
    expect(Object.keys(outputs).some(withZod)).toBe(true);
    expect(outputs[entry].imports.some((i) => i.kind === 'dynamic-import')).toBe(true);
  });
});
