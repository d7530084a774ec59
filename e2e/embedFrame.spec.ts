/**
 * The compact page in a course page's frame (704 px wide): the More menu and the Share-link
 * notice stay inside the frame, and a link made there opens the normal page in a tab of its own.
 */
import { expect, test } from './fixtures';
import { coursePage, waitFor } from './coursePage';
import type { Locator, Page } from '@playwright/test';

/** Asserts that `inner` lies inside the iframe's box, as the course page's reader sees it. */
async function insideFrame(page: Page, inner: Locator, what: string): Promise<void> {
  const frame = (await page.locator('#lab').boundingBox())!;
  const box = (await inner.boundingBox())!;
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(frame.x);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(frame.x + frame.width);
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(frame.y);
  expect(box.y + box.height, `${what}: bottom edge`).toBeLessThanOrEqual(frame.y + frame.height);
}

for (const src of ['/?embed=1', '/?embed=1&lab=q3']) {
  test(`${src} in a 704 px frame: More opens inside the frame, the Share-link notice fits with its link and close button, and the link opens the normal page`, async ({ page, context }) => {
    // A frame without clipboard permission (the usual case): the notice shows the link itself, to copy by hand.
    await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('not allowed')) } }));
    await coursePage(page, src, [], 704);
    await waitFor(page, (m) => m.type === 'cqrs-lab:ready', 'ready');
    const f = page.frameLocator('#lab');
    await f.getByRole('button', { name: 'More' }).click();
    const list = f.getByRole('group', { name: 'More actions' });
    await expect(list).toBeVisible();
    await insideFrame(page, list, 'More menu');
    await list.getByRole('button', { name: 'Share link' }).click();
    const link = (await waitFor(page, (m) => m.type === 'cqrs-lab:link', 'link')).url as string;
    const notice = f.getByRole('status').filter({ hasText: 'Link to this scenario' }).locator('.banner');
    await expect(notice).toBeVisible();
    await insideFrame(page, notice, 'Share-link notice');
    await insideFrame(page, notice.getByRole('button', { name: 'Dismiss notice' }), 'its close button');
    await insideFrame(page, notice.getByText(link.slice(-12)), 'its text, the link included');

    expect(new URL(link).searchParams.has('embed')).toBe(false);
    expect(link).toMatch(/#s=2\./);
    const tab = await context.newPage();
    await tab.goto(link);
    await expect(tab.getByRole('heading', { name: 'CQRS Scaling Lab' })).toBeVisible();
    expect(await tab.evaluate(() => document.documentElement.dataset.embed)).toBeUndefined();
    await tab.close();
  });
}

for (const src of ['/?embed=1', '/?embed=1&lab=q3']) {
  for (const width of [704, 375]) {
    test(`${src} in a ${width} px frame: the More menu opens with both edges inside the frame`, async ({ page }) => {
      await coursePage(page, src, [], width);
      await waitFor(page, (m) => m.type === 'cqrs-lab:ready', 'ready');
      const f = page.frameLocator('#lab');
      await f.getByRole('button', { name: 'More' }).click();
      const list = f.getByRole('group', { name: 'More actions' });
      await expect(list).toBeVisible();
      await insideFrame(page, list, 'More menu');
    });
  }
}
