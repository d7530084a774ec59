import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { tsImport } from 'tsx/esm/api';

/**
 * `virtual:engine-facts`: what the page needs from the engine at first paint (the default
 * scenario, the fields fixed during a run, the fault rules, the load-balancer names), as plain
 * data computed from the engine's own exports at build time. The engine makes them with its zod
 * schema; running that on the main thread at load cost a long task and 84 KB of script, and the
 * worker validates everything again anyway. (tsx loads the engine here, so this config imports no
 * TypeScript file by an extensionless path.)
 */
function engineFacts(): Plugin {
  const id = 'virtual:engine-facts';
  return {
    name: 'engine-facts',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const sim = (await tsImport('./simulation/index.ts', import.meta.url)) as typeof import('./simulation/index');
      const scenario = (await tsImport('./simulation/scenario.ts', import.meta.url)) as typeof import('./simulation/scenario');
      const facts = {
        defaultScenario: sim.defaultScenario(),
        FIXED_DURING_RUN: sim.FIXED_DURING_RUN,
        FAULT_RULES: scenario.FAULT_RULES,
        loadBalancerAlgorithms: scenario.loadBalancerAlgorithms,
      };
      return Object.entries(facts)
        .map(([name, value]) => `export const ${name} = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(value))});`)
        .join('\n');
    },
  };
}

// base './' so the built page works from any path (course pages embed it in sub-folders).
export default defineConfig({
  base: './',
  plugins: [react(), engineFacts()],
  worker: { format: 'es' },
  // Worker-only dependencies: pre-bundle them so the first worker call does not reload the page in dev.
  optimizeDeps: { include: ['comlink', 'seedrandom/lib/alea.js', 'zod'] },
  build: { target: 'es2022', sourcemap: true },
  preview: { port: 4173, strictPort: true },
});
