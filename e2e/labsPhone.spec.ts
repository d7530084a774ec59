/** A lab on a phone (375 px): the whole topology fits its box, and "Show" brings a setting to the middle of the screen. */
import { expect, test } from './fixtures';
import { openLab } from './labHelpers';

test('at 375 px every part of the topology is in view with no sideways scrolling, and Show puts the setting mid-screen', async ({ lab, page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openLab(lab, 'q8');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const topology = page.locator('section.topology');
  const box = (await topology.boundingBox())!;
  const parts = await page.locator('g[data-part]').evaluateAll((gs) => gs.map((g) => ({ part: g.getAttribute('data-part'), ...g.getBoundingClientRect().toJSON() })));
  expect(parts.length).toBeGreaterThanOrEqual(7);
  for (const p of parts) {
    expect(p.left, p.part!).toBeGreaterThanOrEqual(box.x - 1);
    expect(p.right, p.part!).toBeLessThanOrEqual(box.x + box.width + 1);
  }
  // Nothing in the topology's box scrolls sideways.
  expect(await topology.evaluate((el) => [...el.querySelectorAll('*')].every((c) => c.scrollWidth <= c.clientWidth + 1 || getComputedStyle(c).overflowX === 'visible'))).toBe(true);

  await page.getByRole('button', { name: 'Show the control of step 2' }).click();
  const field = page.locator('div[data-field="readStore.indexed"]');
  await expect(field.getByRole('checkbox')).toBeFocused();
  await expect.poll(async () => {
    const b = (await field.boundingBox())!;
    const mid = b.y + b.height / 2;
    return mid > 800 * 0.3 && mid < 800 * 0.7;
  }).toBe(true);
});
