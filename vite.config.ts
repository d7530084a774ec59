import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { tsImport } from 'tsx/esm/api';
import { CSP, embedOrigins, headersFile } from './scripts/csp.js';

/**
 * `virtual:engine-facts`: the exports of src/engineFacts.ts (the default scenario and other plain
 * data from the engine), computed here at build time and written as JSON, so the page ships no
 * schema. tsx loads the engine, so this config imports no TypeScript by an extensionless path.
 */
function engineFacts(): Plugin {
  const id = 'virtual:engine-facts';
  return {
    name: 'engine-facts',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const facts = (await tsImport('./src/engineFacts.ts', import.meta.url)) as Record<string, unknown>;
      return Object.entries(facts)
        .filter(([name]) => name !== 'default')
        .map(([name, value]) => `export const ${name} = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(value))});`)
        .join('\n');
    },
  };
}

/**
 * The built pages declare the Content-Security-Policy (scripts/csp.ts) in a `<meta>`, and `_headers`
 * carries it with `frame-ancestors` from VITE_EMBED_ORIGINS. Build only: the dev server needs inline scripts.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(embedOrigins(process.env.VITE_EMBED_ORIGINS)) });
    },
  };
}

// base './' so the built page works from any path (course pages embed it in sub-folders).
export default defineConfig({
  base: './',
  plugins: [react(), engineFacts(), contentSecurityPolicy()],
  worker: { format: 'es' },
  // Worker-only dependencies: pre-bundle them so the first worker call does not reload the page in dev.
  optimizeDeps: { include: ['comlink', 'seedrandom/lib/alea.js', 'zod'] },
  // embed.html: the host API's documentation and a live demo host, shipped beside the lab. No
  // modulepreload polyfill: with two pages it became a chunk of its own, one more request on first load.
  build: { target: 'es2022', sourcemap: true, modulePreload: { polyfill: false }, rollupOptions: { input: { index: 'index.html', embed: 'embed.html' } } },
  preview: { port: 4173, strictPort: true },
});
