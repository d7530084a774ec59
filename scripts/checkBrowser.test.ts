import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_BROWSER } from './browser';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'check-browser-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the pre-e2e check as `npm run test:e2e` does, with `env` added. */
function check(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/checkBrowser.ts'], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe('checkBrowser', () => {
  it('checkBrowser stops with one sentence saying what to run when no Chromium is found', () => {
    // No system Chromium, an empty Playwright browser folder, and no download attempt.
    const r = check({ LAB_CHROMIUM: join(tmp, 'missing', 'chromium'), PLAYWRIGHT_BROWSERS_PATH: tmp, LAB_NO_BROWSER_DOWNLOAD: '1' });
    expect(r).toEqual({ status: 1, stdout: '', stderr: NO_BROWSER });
  });

  it('checkBrowser passes and names the system Chromium when there is one', () => {
    const fake = join(tmp, 'chromium');
    writeFileSync(fake, '');
    const r = check({ LAB_CHROMIUM: fake, PLAYWRIGHT_BROWSERS_PATH: tmp, LAB_NO_BROWSER_DOWNLOAD: '1' });
    expect(r).toEqual({ status: 0, stdout: `Browser tests use ${fake}.`, stderr: '' });
  });
});
