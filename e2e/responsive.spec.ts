import { expect, test } from './fixtures';

// The largest valid scenario (1,000 instances a side, a million requests a second, 2 million keys,
// 32 replicas, 1,024 partitions and projectors, 256 cache nodes, a rolling restart): the worker is
// as busy as it can be, and the page must still answer a person. How fast it answers (click to
// drawn, target 200 ms) is a wall-clock figure, measured by `npm run measure`; here, that each
// click is answered and the worker keeps answering its watchdog while the run goes on.
test('the page answers clicks and the worker its pings while the largest valid scenario runs', async ({ lab, page }) => {
  test.setTimeout(180_000);
  await lab.goto();
  await lab.loadScenario('e2e/scenarios/largest.json', 'largest.json');
  await lab.setSpeed('Fastest');
  await lab.play();
  const dark = lab.button('Dark theme');
  for (let i = 0; i < 12; i++) {
    const pressed = await dark.getAttribute('aria-pressed');
    await dark.click();
    await expect(dark).not.toHaveAttribute('aria-pressed', pressed ?? 'false');
  }
  // The run goes on (the clock moves on from where it was after the clicks) or stops at a run
  // limit and says so; meanwhile the watchdog (a ping every 2 s, given up after 5 s) never gave up.
  const stopped = page.getByRole('region', { name: 'Run stopped' });
  const after = await lab.simTimeS();
  await expect.poll(async () => (await stopped.isVisible()) || (await lab.simTimeS()) > after, { timeout: 90_000 }).toBe(true);
  await expect(lab.alert).toBeHidden();
  expect(await lab.status.textContent()).not.toBe('failed');
  if (await stopped.isVisible()) await expect(stopped).toContainText(/over the limit of/);
});

test('a run over the limit of requests in flight stops with a sentence on the page and in the saved report', async ({ lab, page }) => {
  test.setTimeout(120_000);
  await lab.goto();
  await lab.loadScenario('e2e/scenarios/overload.json', 'overload.json');
  await lab.setSpeed('Fastest');
  await lab.play();
  const stopped = page.getByRole('region', { name: 'Run stopped' });
  await expect(stopped).toContainText(/^The run stopped at 2\.0 s: 2,00\d,\d{3} requests in flight, over the limit of 2,000,000\./, { timeout: 90_000 });
  await expect(lab.status).toHaveText('done');
  await expect(lab.alert).toBeHidden();
  const report = JSON.parse(await lab.download('Save report (JSON)'));
  expect(report.stopped.reason).toMatch(/^2,00\d,\d{3} requests in flight, over the limit of 2,000,000$/);
  expect(report.simulatedS).toBe(report.stopped.atS);
});

/** Boxes of the elements `selector` matches (visible ones), in page pixels. */
async function boxes(page: import('@playwright/test').Page, selector: string) {
  return page.locator(selector).evaluateAll((els) =>
    els
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { name: (el.getAttribute('aria-label') ?? el.textContent ?? '').slice(0, 40), x: r.x, y: r.y, w: r.width, h: r.height };
      })
      .filter((b) => b.w > 0 && b.h > 0),
  );
}

type Box = Awaited<ReturnType<typeof boxes>>[number];
/** Pairs of boxes that overlap by more than a pixel each way. */
function overlaps(list: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i];
      const b = list[j];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > 1 && dy > 1) out.push(`"${a.name}" and "${b.name}"`);
    }
  return out;
}

for (const [width, height] of [
  [375, 800],
  [768, 1000],
  [1280, 900],
] as const) {
  test(`at ${width} px the page fits its width and nothing overlaps: panels, toolbar, topology headings, +/- buttons of 24 px`, async ({ lab, page }) => {
    await page.setViewportSize({ width, height });
    await lab.goto();
    await lab.button('Step 1 s').click();
    await expect(lab.simTime).toHaveText('1.0 s');
    await expect(page.getByRole('region', { name: 'Current figures' })).toBeVisible();
    // No sideways scrolling of the page itself (a wide part scrolls in its own box).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(overlaps(await boxes(page, 'main .panel'))).toEqual([]);
    expect(overlaps(await boxes(page, '.toolbar > button, .toolbar > select, .toolbar > .clock'))).toEqual([]);
    expect(overlaps(await boxes(page, '.topology text.topo-head, .topology text.topo-sub'))).toEqual([]);
    const scale = await boxes(page, '.topology .scale-btn');
    expect(scale.length).toBe(8);
    for (const b of scale) {
      expect(b.w, b.name).toBeGreaterThanOrEqual(24);
      expect(b.h, b.name).toBeGreaterThanOrEqual(24);
    }
    // The +/- buttons are reachable where they are: scroll the topology to one and press it.
    const add = lab.button('Add one projector');
    await add.scrollIntoViewIfNeeded();
    await add.click();
    await expect(page.getByRole('listitem').filter({ hasText: 'eventStream.projectors = 3' })).toBeVisible();
    // A help text stays inside the window.
    const help = page.getByRole('button', { name: 'About Request rate' });
    await help.click();
    const pop = await help.locator('xpath=following-sibling::*[1]').boundingBox();
    expect(pop).not.toBeNull();
    expect(pop!.x).toBeGreaterThanOrEqual(0);
    expect(pop!.x + pop!.width).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`page-${width}.png`), fullPage: true });
  });
}
