/** Embed mode: `?embed=1` and its options give a compact page that never scrolls in a small frame. */
import { expect, test } from './fixtures';

for (const [w, h] of [[720, 520], [640, 480]]) {
  test(`embed mode at ${w}×${h}: no page scroll, the topology and charts shown, options from the address applied`, async ({ lab, page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/?embed=1&theme=dark&speed=10&autoplay=1');
    await expect(lab.status).toHaveText('running');
    await expect(page.getByRole('combobox', { name: 'Speed', exact: true })).toHaveValue('10');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect(page.getByRole('heading', { name: 'CQRS Scaling Lab' })).toBeHidden();
    await expect(page.getByRole('button', { name: /^Query service:/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeHidden();
    await lab.waitForSimTime(3);
    const size = await page.evaluate(() => ({
      scrollH: document.documentElement.scrollHeight,
      scrollW: document.documentElement.scrollWidth,
      innerH: innerHeight,
      innerW: innerWidth,
      pageY: (window.scrollBy(0, 500), window.scrollY),
    }));
    expect(size.scrollH).toBeLessThanOrEqual(size.innerH);
    expect(size.scrollW).toBeLessThanOrEqual(size.innerW);
    expect(size.pageY).toBe(0);
    expect(lab.consoleErrors).toEqual([]);
  });
}

test('embed mode shows only the panels the address names', async ({ lab, page }) => {
  await page.setViewportSize({ width: 720, height: 520 });
  await page.goto('/?embed=1&panels=settings,figures');
  await expect(lab.status).toHaveText('ready');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Query service:/ })).toBeHidden();
});
