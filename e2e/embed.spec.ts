/** Embed mode: `?embed=1` and its options give a compact page that never scrolls in a small frame. */
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

for (const [w, h] of [[720, 520], [640, 480]]) {
  test(`embed mode at ${w}×${h}: no page scroll, the topology and charts shown, options from the address applied`, async ({ lab, page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/?embed=1&theme=dark&speed=10&autoplay=1');
    // Autoplay: the run goes, or has already ended (60 s at 10x; a busy machine is slow to look).
    await expect(lab.status).toHaveText(/^(running|done)$/);
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

test('embed mode at 640×480: the toolbar never scrolls sideways; file, link and theme actions are under "More", from the keyboard, with no serious axe violation', async ({ lab, page }) => {
  await page.setViewportSize({ width: 640, height: 480 });
  await page.goto('/?embed=1');
  await expect(lab.status).toHaveText('ready');
  const header = page.locator('.app-header');
  const fits = await header.evaluate((h) => h.scrollWidth <= h.clientWidth);
  expect(fits).toBe(true);
  // Every toolbar button lies inside the frame.
  for (const b of await page.getByRole('toolbar', { name: 'Run controls' }).getByRole('button').all()) {
    const box = (await b.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(640);
  }
  await expect(page.getByRole('button', { name: 'Share link' })).toHaveCount(0);
  const more = page.getByRole('button', { name: 'More' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const list = page.getByRole('group', { name: 'More actions' });
  for (const name of ['Load scenario…', 'Save scenario', 'Share link', 'Copy embed code…']) await expect(list.getByRole('button', { name })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Load scenario…' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(more).toBeFocused();
  // An action chosen closes the list: the theme switches.
  await more.click();
  await list.getByRole('button', { name: 'Dark theme' }).click();
  await expect(list).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(lab.consoleErrors).toEqual([]);
});

test('embed mode shows only the panels the address names', async ({ lab, page }) => {
  await page.setViewportSize({ width: 720, height: 520 });
  await page.goto('/?embed=1&panels=settings,figures');
  await expect(lab.status).toHaveText('ready');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Query service:/ })).toBeHidden();
});

test('"Copy embed code" builds an iframe snippet whose page opens the same scenario in embed mode', async ({ lab, page }) => {
  await lab.goto();
  await lab.loadScenario({ version: 1, name: 'embedded lesson', durationS: 20, warmupS: 2 }, 'lesson.json');
  await lab.button('Copy embed code…').click();
  const dialog = page.getByRole('dialog', { name: 'Copy embed code' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Play on load').check();
  await dialog.getByLabel('figures').check();
  const code = dialog.getByRole('textbox', { name: 'Embed code' });
  await expect(code).toHaveValue(/#s=2\./);
  const snippet = await code.inputValue();
  expect(snippet).toMatch(/^<iframe src="[^"]+\?embed=1&amp;panels=topology,charts,figures&amp;autoplay=1#s=2\.[\w-]+" width="720" height="520"/);
  const src = /src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await page.setViewportSize({ width: 720, height: 520 });
  await page.goto('about:blank');
  await page.goto(src);
  await expect(lab.status).toHaveText('running');
  await expect(page.getByRole('status').filter({ hasText: 'Loaded the shared link.' })).toBeAttached();
  await expect(page.getByRole('heading', { name: 'Current figures' })).toBeVisible();
});
