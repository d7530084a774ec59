import { expect, test } from './fixtures';

type Tasks = { longTasks: { start: number; duration: number }[] };

// Long tasks are measured in wall time: on a small shared machine another process can stretch a
// 10 ms task past 50 ms. One retry keeps such a disturbance from failing the suite; a page that
// really blocks its main thread fails both attempts. Every attempt prints its figure.
test.describe.configure({ retries: 1 });

test('a full-speed run causes no main-thread long task over 50 ms', async ({ lab }) => {
  // The page tells the test when the run is done (a MutationObserver and an exposed function), so
  // nothing from Playwright runs on the page's main thread while the tasks are being recorded:
  // its locators and polls would show up as long tasks of their own.
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await lab.page.exposeFunction('runFinished', () => done());
  await lab.page.addInitScript(() => {
    const w = window as unknown as Tasks & { runFinished(): void };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      if (document.querySelector('output[aria-label="Run status"]')?.textContent === 'done') void w.runFinished();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await lab.goto();
  await lab.loadScenario({ version: 1, name: 'long', durationS: 3000, warmupS: 5, workload: { rps: 800 } }, 'long.json');
  await lab.setSpeed('Fastest');
  await lab.button('Play').focus();
  const start = await lab.page.evaluate(() => performance.now());
  await lab.page.keyboard.press('Enter');
  await finished;
  const end = await lab.page.evaluate(() => performance.now());
  await expect(lab.status).toHaveText('done');
  const tasks = await lab.page.evaluate(([s, e]) => (window as unknown as Tasks).longTasks.filter((t) => t.start >= s && t.start <= e), [start, end]);
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  console.log(
    `full-speed run (attempt ${test.info().retry + 1}): ${((end - start) / 1000).toFixed(1)} s wall, ${tasks.length} long tasks, longest ${longest.toFixed(0)} ms`,
  );
  expect(longest).toBeLessThanOrEqual(50);
});
