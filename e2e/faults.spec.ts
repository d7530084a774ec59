import { expect, test } from './fixtures';

test('a crash fault shows the instance down in the topology and failures in the figures', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario('scenarios/retry-storm.json', 'retry-storm.json');
  await lab.setSpeed('20×');
  await lab.play();
  // The fault crashes query instance 0 at 30 s; health checks mark it down a few seconds later.
  await expect(lab.page.getByRole('button', { name: /^Query service: 3 instances \(2 ready, 1 down\)/ })).toBeVisible({ timeout: 30_000 });
  // The failures last only until health checks mark it down (a few simulated seconds, a blink at
  // 20x), so read them from the run's report rather than from the moving chart.
  await lab.setSpeed('Fastest');
  await expect(lab.status).toHaveText('done');
  const report = JSON.parse(await lab.download('Save report (JSON)'));
  expect(report.errors.deadInstance).toBeGreaterThan(0);
  expect(report.detectionMs.count).toBe(1);
  await expect(lab.page.getByRole('img', { name: /^Failures by cause: 120 s of data/ })).toBeVisible();
});

test('adding a fault from the Faults settings starts a new run with it', async ({ lab }) => {
  await lab.goto();
  await lab.page.getByRole('button', { name: 'Faults', exact: true }).click();
  await lab.page.getByLabel('At (s)').fill('2');
  await lab.button('Add fault').click();
  await expect(lab.page.getByRole('list', { name: 'Faults' }).getByRole('listitem')).toHaveText([/2 s: crash queryService \(instance 0\) for 10 s/]);
  await lab.setSpeed('5×');
  await lab.play();
  await expect(lab.page.getByRole('button', { name: /^Query service: 2 instances \(1 ready, 1 down\)/ })).toBeVisible();
});

test('turning on auto-scaling while running adds instances under load', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario('e2e/scenarios/saturated-queries.json', 'saturated-queries.json');
  await lab.setSpeed('20×');
  await lab.play();
  await lab.waitForSimTime(3);
  await lab.openPart(/^Query service:/);
  await lab.page.getByLabel('Auto-scaling', { exact: true }).click();
  await expect(lab.page.getByLabel('Auto-scaling', { exact: true })).toBeChecked();
  await expect(lab.page.getByRole('listitem').filter({ hasText: 'queryService.autoscaling =' })).toBeVisible();
  await expect(lab.page.getByRole('button', { name: /^Query service: [2-9] instances .*auto-scaling/ })).toBeVisible({ timeout: 30_000 });
});
