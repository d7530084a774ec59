import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' so the built page works from any path (course pages embed it in sub-folders).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  // Worker-only dependencies: pre-bundle them so the first worker call does not reload the page in dev.
  optimizeDeps: { include: ['comlink', 'seedrandom/lib/alea.js', 'zod'] },
  build: { target: 'es2022', sourcemap: true },
  preview: { port: 4173, strictPort: true },
});
