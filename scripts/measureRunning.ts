/**
 * Wall-clock figures of the page while a run goes, for `npm run measure` (scripts/measure.ts).
 * They were browser tests once; a timing in a test fails on a busy machine, so they are measured
 * here and printed against their targets, and the browser tests keep the behaviour only.
 *
 * - long tasks on the main thread during a full-speed run (3,000 s at 800 rps): none over 50 ms;
 * - click to drawn (the input event's own time stamp to the frame after React has drawn the
 *   change) while the largest valid scenario runs at full speed: median at most 200 ms.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

/** What a full-speed run did to the main thread. */
export interface RunTasks {
  wallS: number;
  longTasks: number[];
}

/** Click-to-drawn times, in ms, one per click. */
export type ClickTimes = number[];

async function open(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('status', { name: 'Run status' }).filter({ hasText: /^ready$/ }).waitFor({ timeout: 30_000 });
  return page;
}

async function load(page: Page, name: string, text: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('status').filter({ hasText: `Loaded ${name}.` }).waitFor({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Speed', exact: true }).selectOption({ label: 'Fastest' });
}

/**
 * A full-speed run of 3,000 simulated seconds at 800 rps, with the long tasks of the main thread
 * while it goes. The page tells when the run is done (a MutationObserver and an exposed function),
 * so nothing from Playwright runs on the main thread meanwhile: its polls would be long tasks of their own.
 */
export async function fullSpeedRun(browser: Browser, url: string): Promise<RunTasks> {
  const page = await open(browser, url);
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await page.exposeFunction('runFinished', () => done());
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[]; runFinished(): void };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    new MutationObserver(() => {
      if (document.querySelector('output[aria-label="Run status"]')?.textContent === 'done') void w.runFinished();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await load(page, 'long.json', JSON.stringify({ version: 1, name: 'long', durationS: 3000, warmupS: 5, workload: { rps: 800 } }));
  await page.getByRole('button', { name: 'Play', exact: true }).focus();
  const start = await page.evaluate(() => performance.now());
  await page.keyboard.press('Enter');
  await finished;
  const end = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(
    ([s, e]) => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= s && t.start <= e).map((t) => t.duration),
    [start, end],
  );
  await page.context().close();
  return { wallS: (end - start) / 1000, longTasks: tasks };
}

/**
 * Twelve clicks on the theme button, 300 ms apart, while the largest valid scenario (1,000
 * instances a side, a million requests a second) runs at full speed: each timed in the page from
 * the input event's time stamp to the frame after React has drawn the change.
 */
export async function clicksWhileLargest(browser: Browser, url: string, largestFile: string): Promise<ClickTimes> {
  const page = await open(browser, url);
  await load(page, 'largest.json', readFileSync(largestFile, 'utf8'));
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.evaluate(() => {
    const w = window as unknown as { clickMs: number[] };
    w.clickMs = [];
    document.addEventListener(
      'click',
      (e) => {
        const start = e.timeStamp;
        // After the handlers, after React's render, when the next frame is drawn.
        setTimeout(() => requestAnimationFrame(() => setTimeout(() => w.clickMs.push(performance.now() - start))));
      },
      true,
    );
  });
  const dark = page.getByRole('button', { name: 'Dark theme', exact: true });
  for (let i = 0; i < 12; i++) {
    const pressed = (await dark.getAttribute('aria-pressed')) ?? 'false';
    await dark.click();
    // Drawn: the button says so (a polling loop; this is a script, not a test).
    for (let n = 0; (await dark.getAttribute('aria-pressed')) === pressed; n++) {
      if (n > 400) throw new Error('the theme button did not change in 10 s');
      await page.waitForTimeout(25);
    }
    // A person's clicks come apart; this spacing is what the figure means.
    await page.waitForTimeout(300);
  }
  const times = await page.evaluate(() => (window as unknown as { clickMs: number[] }).clickMs);
  await page.context().close();
  return times;
}
