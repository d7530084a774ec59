/**
 * Which Chromium the browser tests and `npm run measure` use: Debian's at /usr/bin/chromium when it
 * is there (Playwright cannot download its own browsers on this project's machines), else
 * Playwright's own (`npx playwright install chromium`). `LAB_CHROMIUM` names another binary;
 * pointed at a missing path it simulates a machine without Debian's Chromium.
 */
import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The system Chromium to use (`LAB_CHROMIUM`, else Debian's), or null when there is none. */
export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const path = env.LAB_CHROMIUM || DEBIAN_CHROMIUM;
  return existsSync(path) ? path : null;
}

/** What `npm run test:e2e` says, and all it says, when it finds no Chromium and cannot download one. */
export const NO_BROWSER =
  "The browser tests need Chromium and none was found or could be downloaded: run `npx playwright install chromium` where the network allows (or install Debian's chromium package), then `npm run test:e2e`.";

/** Playwright launch options: the system Chromium with flags for a quiet headless run, or Playwright's defaults. */
export function chromiumLaunchOptions(): { executablePath?: string; args?: string[] } {
  const executablePath = systemChromium();
  if (!executablePath) return {};
  return {
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  };
}
