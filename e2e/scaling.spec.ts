import { expect, test } from './fixtures';

test('adding query instances while running shows them and query p99 falls', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario('e2e/scenarios/saturated-queries.json', 'saturated-queries.json');
  // By steps until saturated, then scaled, then the run goes on: at 10x a busy machine could reach
  // the end of the 120 s run before the clicks.
  await lab.stepUntil('query p99 over 100 ms', async () => (await lab.figure('queries.p99')) > 100, 60);
  const saturatedP99 = await lab.figure('queries.p99');
  await lab.openPart(/^Query service:/);
  const more = lab.page.getByRole('button', { name: 'Increase Instances' });
  for (let i = 0; i < 3; i++) await more.click();
  await lab.setSpeed('10×');
  await lab.play();
  // The new instances start in simulated time: wait for them, or the end of the run (then it fails), not for wall time.
  const fourReady = lab.page.getByRole('button', { name: /^Query service: 4 instances \(4 ready\)/ });
  await lab.waitWhileRunning('4 ready query instances', () => fourReady.isVisible());
  await expect(lab.page.getByRole('listitem').filter({ hasText: 'queryService.instances = 4' })).toBeVisible();
  const scaledP99 = await lab.waitForFigure('queries.p99', (v) => v < saturatedP99 / 4);
  expect(lab.consoleErrors).toEqual([]);
  console.log(`query p99: ${saturatedP99} ms with 1 instance, ${scaledP99} ms with 4`);
});
