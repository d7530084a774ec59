import { cleanChangeTimeMs } from '../src/worker/interventions';
import { expect, test } from './fixtures';

test('pause stops simulated time: nothing moves the clock until the next command', async ({ lab }) => {
  await lab.goto();
  await lab.play(); // at 1x: the 60 s run is still going when Pause is pressed
  await lab.waitForSimTime(1);
  await lab.pause();
  const ms = await lab.simMs();
  // Every exact time the clock shows from here on, recorded in the page; then a change goes to the
  // worker and comes back with the simulated time it was applied at. Replies and updates share one
  // channel, in order: had the run gone on after the pause, the clock would have moved before the
  // reply, and the change would land after the time shown at the pause.
  await lab.page.evaluate(() => {
    const w = window as unknown as { clockMs: string[] };
    w.clockMs = [];
    const clock = document.querySelector('output[aria-label="Simulated time"]')!;
    new MutationObserver(() => w.clockMs.push(clock.getAttribute('data-ms') ?? '')).observe(clock, { attributes: true, attributeFilter: ['data-ms'] });
  });
  await lab.button('Add one query instance').click();
  const notice = lab.page.getByRole('status').filter({ hasText: /^Query service: Instances set to 3 at \d+\.\d{3} s/ });
  await expect(notice).toBeVisible();
  // A change lands at the paused time's next clean whole millisecond (cleanChangeTimeMs), compared
  // in ms with the clock's exact time, not with its text in tenths.
  const atMs = Number(/at (\d+\.\d{3}) s/.exec((await notice.textContent()) ?? '')![1].replace('.', ''));
  expect(atMs).toBe(cleanChangeTimeMs(ms));
  await expect(lab.status).toHaveText('paused');
  // The clock may be redrawn with the time the change was applied at; never with any other.
  const seen = await lab.page.evaluate(() => (window as unknown as { clockMs: string[] }).clockMs);
  expect(seen.map(Number).filter((m) => m !== ms && m !== atMs)).toEqual([]);
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
  // At 1x the 60 s run outlasts the test: at 5x a busy machine could see it end before the check.
  await lab.play();
  await lab.openPart(/^Query service:/);
  await lab.setField('vCPUs per instance', '0');
  await expect(lab.page.getByLabel('vCPUs per instance', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(lab.page.getByRole('alert').filter({ hasText: /must be at least 1/ })).toBeVisible();
  await expect(lab.status).toHaveText('running');
  await lab.waitForSimTime((await lab.simMs()) / 1000 + 0.5);
  await lab.setField('vCPUs per instance', '4');
  await expect(lab.page.getByLabel('vCPUs per instance', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
});

test('changing the seed during a run starts a new run with it', async ({ lab }) => {
  await lab.goto();
  await lab.stepTo(2);
  await lab.page.getByRole('button', { name: 'Run', exact: true }).click();
  await lab.setField('Seed', '7');
  await expect(lab.page.getByRole('status').filter({ hasText: 'Run: Seed cannot change during a run' })).toBeVisible();
  await expect(lab.simTime).toHaveText('0.0 s');
  await expect(lab.page.getByLabel('Seed', { exact: true })).toHaveValue('7');
});

test('a scenario file with problems is refused with each problem named, and the run keeps going', async ({ lab }) => {
  await lab.goto();
  await lab.play(); // at 1x: the 60 s run outlasts the test
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
