import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { tsImport } from 'tsx/esm/api';
import { CSP, embedOrigins, headersFile } from './scripts/csp.js';

/**
 * `virtual:engine-facts`, `virtual:part-declarations` and `virtual:chart-facts`: the exports of
 * src/engineFacts.ts (the default scenario and other plain data from the engine),
 * src/partDeclarations.ts (the parts' declarations) and src/chartFacts.ts (the built-in parts'
 * charts, in a module of its own so that it lands in the first screen's chunk beside the charts,
 * not in the entry), computed here at build time and written as JSON, so the page ships no
 * schema. tsx loads the engine, so this config imports no TypeScript by an extensionless path.
 */
function engineFacts(): Plugin {
  const modules: Record<string, string> = {
    'virtual:engine-facts': './src/engineFacts.ts',
    'virtual:part-declarations': './src/partDeclarations.ts',
    'virtual:chart-facts': './src/chartFacts.ts',
  };
  return {
    name: 'engine-facts',
    resolveId: (source) => (source in modules ? `\0${source}` : undefined),
    async load(resolved) {
      const file = resolved.startsWith('\0') ? modules[resolved.slice(1)] : undefined;
      if (!file) return undefined;
      const facts = (await tsImport(file, import.meta.url)) as Record<string, unknown>;
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

/**
 * main.tsx imports React's DOM renderer and the first screen dynamically, each in a task of its
 * own; this preloads them (and what they import) from the page itself, like the entry's static
 * imports, so that fetching starts at once and the entry budget (scripts/entrySize.ts, which
 * counts modulepreloads) still counts them as the first screen's JavaScript.
 */
function preloadFirstScreen(): Plugin {
  const firstScreen = [/[\\/]react-dom[\\/]client\.js$/, /[\\/]src[\\/]firstScreen\.tsx$/];
  return {
    name: 'preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry || entry.type !== 'chunk') return html;
        const files = new Set<string>();
        const add = (file: string) => {
          const c = bundle[file];
          if (files.has(file) || c === undefined || c.type !== 'chunk' || file === entry.fileName || entry.imports.includes(file)) return;
          files.add(file);
          c.imports.forEach(add);
        };
        for (const file of entry.dynamicImports) {
          const c = bundle[file];
          if (c?.type === 'chunk' && c.facadeModuleId && firstScreen.some((re) => re.test(c.facadeModuleId!))) add(file);
        }
        // Their styles too, as Vite links the entry's: no restyling when the first screen appears.
        const css = [...files].flatMap((f) => [...((bundle[f] as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? [])]);
        const links = [
          ...[...files].map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`),
          ...css.map((f) => `<link rel="stylesheet" crossorigin href="./${f}">`),
        ];
        return links.length === 0 ? html : html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
}

// base './' so the built page works from any path (course pages embed it in sub-folders).
export default defineConfig({
  base: './',
  plugins: [react(), engineFacts(), contentSecurityPolicy(), preloadFirstScreen()],
  // The simulation worker loads the built-in scenario from virtual:engine-facts too.
  worker: { format: 'es', plugins: () => [engineFacts()] },
  // Worker-only dependencies: pre-bundle them so the first worker call does not reload the page in dev.
  optimizeDeps: { include: ['comlink', 'seedrandom/lib/alea.js', 'zod'] },
  // embed.html: the host API's documentation and a live demo host, shipped beside the lab. No
  // modulepreload polyfill: with two pages it became a chunk of its own, one more request on first load.
  build: { target: 'es2022', sourcemap: true, modulePreload: { polyfill: false }, rollupOptions: { input: { index: 'index.html', embed: 'embed.html' } } },
  preview: { port: 4173, strictPort: true },
});
