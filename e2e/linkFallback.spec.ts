/**
 * A damaged link beside `?example=` or `?lab=`: the page says what it shows instead, truly, for
 * every combination of an unknown or real example or lab, and drops the bad hash from the address.
 */
import { expect, test } from './fixtures';

const DAMAGED = '#s=2.zzzz';
const cases: { query: string; shows: string; also?: string }[] = [
  { query: '?example=nope', shows: 'the built-in scenario is shown instead', also: 'There is no example called "nope"' },
  { query: '?example=flash-sale', shows: "the example's own scenario is shown instead" },
  { query: '?lab=q42', shows: 'the built-in scenario is shown instead' },
  { query: '?lab=q3', shows: "the lab's own scenario is shown instead" },
  { query: '?example=nope&lab=q42', shows: 'the built-in scenario is shown instead', also: 'There is no example called "nope"' },
  { query: '?example=nope&lab=q3', shows: "the lab's own scenario is shown instead", also: 'There is no example called "nope"' },
  { query: '?example=flash-sale&lab=q42', shows: "the example's own scenario is shown instead" },
  { query: '?example=flash-sale&lab=q3', shows: "the lab's own scenario is shown instead" },
];

for (const c of cases) {
  test(`a damaged link beside ${c.query} says truly what is shown (${c.shows.replace(/ is shown instead$/, '')}), and leaves the address`, async ({ lab, page }) => {
    await page.goto(`/${c.query}${DAMAGED}`);
    const notice = page.getByRole('status').filter({ hasText: 'This link is damaged or incomplete' });
    await expect(notice).toContainText(`This link is damaged or incomplete, so ${c.shows}.`);
    if (c.also) await expect(notice).toContainText(c.also);
    // The bad hash is gone (a scenario loaded since may have put its own link there).
    const hash = await page.evaluate(() => location.hash);
    expect(hash).not.toBe(DAMAGED);
    if (c.shows.includes('built-in')) expect(hash).toBe('');
    // What is said is what is shown: the lab's or the example's scenario, or the built-in one.
    if (c.shows.includes("lab's")) await expect(page.getByRole('heading', { name: /^Lab 3 of 10:/ })).toBeVisible();
    if (c.shows.includes("example's")) await expect(page.getByRole('region', { name: /E-commerce flash sale$/ })).toBeVisible();
    expect(lab.consoleErrors).toEqual([]);
  });
}

test('a valid link beside an unknown example or lab loads, and the unknown id is said', async ({ page }) => {
  await page.goto('/?example=nope#scenario=' + Buffer.from(JSON.stringify({ version: 1, name: 'shared' })).toString('base64url'));
  await expect(page.getByRole('status').filter({ hasText: 'There is no example called "nope"' })).toContainText('The page keeps its current scenario.');
  await expect(page.getByRole('status').filter({ hasText: 'damaged' })).toHaveCount(0);
});
