import { expect, test } from './fixtures';

test('turning the cache on raises the hit ratio from 0', async ({ lab }) => {
  await lab.goto();
  // At 2 s by steps: at 10x a busy machine could reach the end of the run before the click.
  await lab.stepTo(2);
  expect(await lab.figure('cacheHitRatio')).toBe(0);
  await lab.openPart(/^Cache:/);
  await lab.page.getByLabel('Cache on').click();
  await expect(lab.page.getByLabel('Cache on')).toBeChecked();
  await expect(lab.page.getByRole('button', { name: /^Cache: 3 nodes/ })).toBeVisible();
  await lab.setSpeed('10×');
  await lab.play();
  await lab.waitForFigure('cacheHitRatio', (v) => v > 0);
});

test('switching invalidation from TTL to event lowers the stale-read ratio', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario('e2e/scenarios/stale-cache.json', 'stale-cache.json');
  // By steps until stale reads show (from 8 s on), then the switch, then the run goes on: at 10x
  // a busy machine could reach the end of the 120 s run before the switch.
  await lab.stepTo(8);
  await lab.stepUntil('stale reads with TTL', async () => (await lab.figure('staleReadRatio')) > 0, 60);
  const ttlStale = await lab.figure('staleReadRatio');
  await lab.openPart(/^Cache:/);
  await lab.page.getByLabel('Invalidation', { exact: true }).selectOption('event');
  await expect(lab.page.getByRole('listitem').filter({ hasText: 'cache.invalidation =' })).toBeVisible();
  await lab.setSpeed('10×');
  await lab.play();
  const eventStale = await lab.waitForFigure('staleReadRatio', (v) => v < ttlStale * 0.8);
  console.log(`stale-read ratio: ${ttlStale}% with TTL, ${eventStale}% with event invalidation`);
});
