import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/browser';

// Debian's Chromium where it is installed, else Playwright's own; `npm run test:e2e` checks first
// (scripts/checkBrowser.ts) and says what to run when there is neither.
const launchOptions = chromiumLaunchOptions();

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: 'http://127.0.0.1:4173',
    trace: 'off',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: {
    command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    // Never a server already there: it may serve another build (another checkout, an older dist/),
    // and stop in the middle of this run. A busy port fails at once, saying so.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
