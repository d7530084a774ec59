import { expect, test } from './fixtures';

test('turning the cache on raises the hit ratio from 0', async ({ lab }) => {
  await lab.goto();
  await lab.setSpeed('10×');
  await lab.play();
  await lab.waitForSimTime(2);
  expect(await lab.figure('cacheHitRatio')).toBe(0);
  await lab.openPart(/^Cache:/);
  await lab.page.getByLabel('Cache on').click();
  await expect(lab.page.getByLabel('Cache on')).toBeChecked();
  await expect(lab.page.getByRole('button', { name: /^Cache: 3 nodes/ })).toBeVisible();
  await lab.waitForFigure('cacheHitRatio', (v) => v > 0);
});

test('switching invalidation from TTL to event lowers the stale-read ratio', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario('e2e/scenarios/stale-cache.json', 'stale-cache.json');
  await lab.setSpeed('10×');
  await lab.play();
  await lab.waitForSimTime(8);
  const ttlStale = await lab.waitForFigure('staleReadRatio', (v) => v > 0);
  await lab.openPart(/^Cache:/);
  await lab.page.getByLabel('Invalidation', { exact: true }).selectOption('event');
  const eventStale = await lab.waitForFigure('staleReadRatio', (v) => v < ttlStale * 0.8);
  console.log(`stale-read ratio: ${ttlStale}% with TTL, ${eventStale}% with event invalidation`);
});
