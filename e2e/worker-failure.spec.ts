import { expect, test } from './fixtures';

type Hooks = { labTest: { failWorker(mode: 'throw' | 'hang'): void } };

test('a worker that throws is reported in words, and the next run works', async ({ lab }) => {
  await lab.goto({ testHooks: true });
  await lab.setSpeed('5×');
  await lab.play();
  await lab.page.evaluate(() => (window as unknown as Hooks).labTest.failWorker('throw'));
  await expect(lab.alert).toContainText('The simulation worker failed');
  await expect(lab.status).toHaveText('failed');
  await lab.button('Play').click();
  await expect(lab.status).toHaveText('running');
  await expect(lab.alert).toHaveCount(0);
  await lab.waitForSimTime(1);
});

test('a worker that stops answering is reported within seconds, and the next run works', async ({ lab }) => {
  await lab.goto({ testHooks: true });
  await lab.setSpeed('5×');
  await lab.play();
  await lab.page.evaluate(() => (window as unknown as Hooks).labTest.failWorker('hang'));
  // The watchdog gives up after 5 s of wall time without an answer; a busy machine runs its timers late.
  await expect(lab.alert).toContainText('did not answer', { timeout: 30_000 });
  await lab.button('Start a new worker').click();
  await expect(lab.status).toHaveText('ready');
  await lab.play();
  await lab.waitForSimTime(1);
});
