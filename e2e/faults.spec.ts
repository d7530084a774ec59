import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('a crash fault shows the instance down in the topology and failures in the figures', async ({ lab }) => {
  await lab.goto();
  // The example's crash of query instance 0 at 30 s, made to last to the end: watched while the run
  // went at 20x, its 20 s of "1 down" were a second of wall time, missed by a busy machine. The
  // run's last picture shows it, whatever the speed.
  const retryStorm = JSON.parse(readFileSync('scenarios/retry-storm.json', 'utf8'));
  retryStorm.faults = [{ ...retryStorm.faults[0], forS: undefined }];
  await lab.loadScenario(retryStorm, 'retry-storm.json');
  await lab.setSpeed('Fastest');
  await lab.play();
  // A 120 s retry storm: at Fastest it ends when the machine gets it there (the test's own limit, not 20 s).
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  // Health checks marked it down a few seconds after the crash; the failures lasted until then.
  await expect(lab.page.getByRole('button', { name: /^Query service: 3 instances \(2 ready, 1 down\)/ })).toBeVisible();
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
  // Step by step: the crash (2 s to 12 s) is seen at a simulated second, not in a blink of a fast run.
  const down = lab.page.getByRole('button', { name: /^Query service: 2 instances \(1 ready, 1 down\)/ });
  await lab.stepUntil('query instance 0 marked down', () => down.isVisible(), 12);
});

test('turning on auto-scaling while running adds instances under load', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario('e2e/scenarios/saturated-queries.json', 'saturated-queries.json');
  // At 3 s by steps, then on: at 20x a busy machine could reach the end before the click.
  await lab.stepTo(3);
  await lab.openPart(/^Query service:/);
  await lab.page.getByLabel('Auto-scaling', { exact: true }).click();
  await expect(lab.page.getByLabel('Auto-scaling', { exact: true })).toBeChecked();
  await expect(lab.page.getByRole('listitem').filter({ hasText: 'queryService.autoscaling =' })).toHaveText(/^3(\.\d+)? s: /);
  await lab.setSpeed('20×');
  await lab.play();
  const scaled = lab.page.getByRole('button', { name: /^Query service: [2-9] instances .*auto-scaling/ });
  await lab.waitWhileRunning('more query instances by auto-scaling', () => scaled.isVisible());
});
