/**
 * Runs before the browser tests (`pretest:e2e`): finds a Chromium for Playwright, or installs
 * Playwright's own where the network allows, or stops with one sentence saying what to run.
 * Exit status 0 when a browser is there, 1 when not. `LAB_NO_BROWSER_DOWNLOAD=1` skips the
 * download attempt (the unit test of this script uses it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';
import { NO_BROWSER, systemChromium } from './browser';

function main(): number {
  const system = systemChromium();
  if (system) {
    console.log(`Browser tests use ${system}.`);
    return 0;
  }
  if (existsSync(chromium.executablePath())) {
    console.log(`Browser tests use Playwright's Chromium (${chromium.executablePath()}).`);
    return 0;
  }
  if (!process.env.LAB_NO_BROWSER_DOWNLOAD) {
    console.log('No Chromium found: running `npx playwright install chromium`...');
    const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
    const r = spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit', timeout: 15 * 60_000 });
    if (r.status === 0 && existsSync(chromium.executablePath())) return 0;
  }
  console.error(NO_BROWSER);
  return 1;
}

process.exitCode = main();
