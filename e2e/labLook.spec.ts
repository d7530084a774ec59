import { expect, test } from './fixtures';
import { openLab } from './labHelpers';
import { seriousViolations } from './axe';

test("lab 4's closer look: Where the time goes ranks the hot shard's write connection wait first in the commands' tail, and the slowest command's waterfall opens", async ({ lab, page }) => {
  await openLab(lab, 'q4');
  const look = page.getByText(/^Where does a slow command wait\?/);
  await expect(look).toBeVisible();
  await expect(look).toContainText('write connection wait');

  await page.getByRole('button', { name: 'Open Where the time goes' }).click();
  await expect(page.getByRole('heading', { name: /^Where the time goes/ })).toBeFocused();
  const stages = page.getByRole('region', { name: 'Where the time goes' });
  await expect(stages.getByRole('img', { name: /^Commands, p99 tail \([\d,]+ requests from [\d.]+ ms\): [\d.]+ ms in all: write connection wait / })).toBeVisible();

  // By keyboard: the slowest command of the run's last second, in Follow a request.
  await page.getByRole('button', { name: 'Follow the slowest command', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Follow a request/ })).toBeFocused();
  const follow = page.getByRole('region', { name: 'Follow a request' });
  await expect(follow.getByRole('status')).toHaveText('The slowest command answered from 19 s to 20 s, of all the commands answered then.');
  await expect(follow.getByRole('img', { name: /^Waterfall of Command [\d,]+ \(at 1\d\.\d+ s\): / })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const id of ['q5', 'q9']) {
  test(`lab ${id.slice(1)}'s closer look: stale reads from the replicas' copy and the cache's; the slowest command's waterfall shows its write reaching the replica`, async ({ lab, page }) => {
    await openLab(lab, id);
    const look = page.getByText(/^Where does a stale read come from\?/);
    await expect(look).toBeVisible();
    await expect(look).toContainText('replica lag');
    await expect(look).toContainText('The cache\u2019s copy');
    await page.getByRole('button', { name: 'Follow the slowest command', exact: true }).click();
    const follow = page.getByRole('region', { name: 'Follow a request' });
    await expect(follow.getByRole('status')).toHaveText('The slowest command answered from 19 s to 20 s, of all the commands answered then.');
    await expect(follow.getByText(/^Visible on (read replica \d|the primary) at \+[\d.]+ ms after its commit/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open Where the time goes' })).toBeVisible();
  });
}
