import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/browser';

// Debian's Chromium where it is installed, else Playwright's own; `npm run test:e2e` checks first
// (scripts/checkBrowser.ts) and says what to run when there is neither.
const launchOptions = chromiumLaunchOptions();
/** The preview server's port: LAB_E2E_PORT, to run beside another run or a server left on 4173. */
const port = Number(process.env.LAB_E2E_PORT || 4173);
/** The built site to serve: LAB_E2E_DIST (a build of its own, so two runs in one checkout do not share dist/). */
const outDir = process.env.LAB_E2E_DIST ? ` --outDir ${JSON.stringify(process.env.LAB_E2E_DIST)}` : '';

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort${outDir}`,
    url: `http://127.0.0.1:${port}`,
    // Never a server already there: it may serve another build (another checkout, an older dist/),
    // and stop in the middle of this run. A busy port fails at once, saying so.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
