import { expect, test } from './fixtures';

test('the built page loads with its title and no console errors', async ({ lab }) => {
  await lab.goto();
  await expect(lab.page.getByRole('button', { name: 'Play' })).toBeEnabled();
  expect(lab.consoleErrors).toEqual([]);
});

test('the default scenario runs: time advances and requests complete', async ({ lab }) => {
  await lab.goto();
  await lab.setSpeed('10×');
  await lab.play();
  await lab.waitForSimTime(3);
  await lab.waitForFigure('queries.completed', (v) => v > 100);
  await lab.waitForFigure('commands.completed', (v) => v > 10);
  expect(lab.consoleErrors).toEqual([]);
});
