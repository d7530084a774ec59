import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The page's build-time module (vite.config.ts) is, in tests, the module it is made from.
  resolve: {
    alias: {
      'virtual:engine-facts': fileURLToPath(new URL('./src/engineFacts.ts', import.meta.url)),
      'virtual:part-declarations': fileURLToPath(new URL('./src/partDeclarations.ts', import.meta.url)),
      'virtual:chart-facts': fileURLToPath(new URL('./src/chartFacts.ts', import.meta.url)),
    },
  },
  test: {
    include: ['simulation/**/*.test.ts', 'cli/**/*.test.ts', 'src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});
