import { expect, test } from './fixtures';

// How long the main thread's tasks take during a full-speed run is a wall-clock figure: it is
// measured by `npm run measure` (scripts/measureRunning.ts), not asserted here.

test('at 1x the charts draw a line within the first simulated second (a preview of the first window)', async ({ lab }) => {
  // Recorded in the page as it happens: a poll from the test could miss a state that lasts 0.8 s.
  await lab.page.addInitScript(() => {
    const w = window as unknown as { firstLabel?: string; firstPath?: string };
    new MutationObserver(() => {
      if (w.firstLabel) return;
      const svg = document.querySelector('svg[aria-label^="Query throughput: "]');
      const label = svg?.getAttribute('aria-label') ?? '';
      if (/ s of data, at /.test(label)) {
        w.firstLabel = label;
        w.firstPath = svg!.querySelector('path')?.getAttribute('d') ?? '';
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
  });
  await lab.goto();
  await lab.play();
  await lab.waitForSimTime(2);
  const seen = await lab.page.evaluate(() => {
    const w = window as unknown as { firstLabel: string; firstPath: string };
    return { label: w.firstLabel, path: w.firstPath };
  });
  // The first data the chart showed covered less than a second, from time 0, drawn as a line.
  expect(seen.label).toMatch(/^Query throughput: 0\.\d+ s of data, at 0\.\d+ s offered \d/);
  expect(seen.path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+/);
  // Then whole windows replace the preview.
  await expect(lab.page.getByRole('img', { name: /^Query throughput: [1-9]\d* s of data, at [1-9]\d* s / })).toBeVisible();
});
