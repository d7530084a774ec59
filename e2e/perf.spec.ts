import { expect, test } from './fixtures';

test('a full-speed run causes no main-thread long task over 50 ms', async ({ lab }) => {
  await lab.page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await lab.goto();
  await lab.loadScenario({ version: 1, name: 'long', durationS: 1500, warmupS: 5, workload: { rps: 800 } }, 'long.json');
  await lab.setSpeed('Fastest');
  const start = await lab.page.evaluate(() => performance.now());
  await lab.play();
  // Poll cheaply and rarely: Playwright's role queries run on the page's main thread and would
  // themselves show up as long tasks on a big page.
  await lab.page.waitForFunction(() => document.querySelector('output[aria-label="Run status"]')?.textContent === 'done', null, {
    polling: 500,
    timeout: 60_000,
  });
  await expect(lab.status).toHaveText('done');
  const end = await lab.page.evaluate(() => performance.now());
  const tasks = await lab.page.evaluate(
    ([s, e]) => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= s && t.start <= e),
    [start, end],
  );
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  console.log(`full-speed run: ${((end - start) / 1000).toFixed(1)} s wall, ${tasks.length} long tasks, longest ${longest.toFixed(0)} ms`);
  expect(longest).toBeLessThanOrEqual(50);
});
