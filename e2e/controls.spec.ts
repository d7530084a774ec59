import { expect, test } from './fixtures';

test('pause stops simulated time', async ({ lab }) => {
  await lab.goto();
  await lab.setSpeed('5×');
  await lab.play();
  await lab.waitForSimTime(1);
  await lab.pause();
  const t = await lab.simTimeS();
  await lab.page.waitForTimeout(700);
  expect(await lab.simTimeS()).toBe(t);
});

test('step advances simulated time to the next second', async ({ lab }) => {
  await lab.goto();
  await lab.button('Step 1 s').click();
  await expect(lab.simTime).toHaveText('1.0 s');
  await lab.button('Step 1 s').click();
  await expect(lab.simTime).toHaveText('2.0 s');
  await expect(lab.status).toHaveText('paused');
});

test('reset returns to time zero and clears the charts', async ({ lab }) => {
  await lab.goto();
  await lab.setSpeed('20×');
  await lab.play();
  await lab.waitForSimTime(3);
  await lab.button('Reset').click();
  await expect(lab.simTime).toHaveText('0.0 s');
  await expect(lab.status).toHaveText('ready');
  await expect(lab.page.getByRole('img', { name: 'Query latency: 0 s of data' })).toBeVisible();
});

test('an invalid value is refused at the control with a message, and the run keeps going', async ({ lab }) => {
  await lab.goto();
  await lab.setSpeed('5×');
  await lab.play();
  await lab.openPart(/^Query service:/);
  await lab.setField('vCPUs per instance', '0');
  await expect(lab.page.getByLabel('vCPUs per instance', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(lab.page.getByRole('alert').filter({ hasText: /must be at least 1/ })).toBeVisible();
  await expect(lab.status).toHaveText('running');
  const t = await lab.simTimeS();
  await lab.waitForSimTime(t + 0.5);
  await lab.setField('vCPUs per instance', '4');
  await expect(lab.page.getByLabel('vCPUs per instance', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
});

test('changing the seed during a run starts a new run with it', async ({ lab }) => {
  await lab.goto();
  await lab.setSpeed('5×');
  await lab.play();
  await lab.waitForSimTime(2);
  await lab.pause();
  await lab.page.getByRole('button', { name: 'Run', exact: true }).click();
  await lab.setField('Seed', '7');
  await expect(lab.page.getByRole('status').filter({ hasText: 'Run: Seed cannot change during a run' })).toBeVisible();
  await expect(lab.simTime).toHaveText('0.0 s');
  await expect(lab.page.getByLabel('Seed', { exact: true })).toHaveValue('7');
});

test('a scenario file with problems is refused with each problem named, and the run keeps going', async ({ lab }) => {
  await lab.goto();
  await lab.setSpeed('5×');
  await lab.play();
  await lab.page.locator('input[type=file]').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, queryService: { instances: -1 }, cache: { colour: 'red' } })),
  });
  const problems = lab.page.getByRole('region', { name: 'Scenario file problems' });
  await expect(problems).toContainText('queryService.instances');
  await expect(problems).toContainText('cache.colour: unknown field');
  await expect(lab.status).toHaveText('running');
});
