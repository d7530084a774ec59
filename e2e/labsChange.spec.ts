/**
 * A change made during a lab's run: the run mixes two systems, so it is not checked (before, such
 * a run failed q1's check although the student had done the steps); "Run the lab" then runs from
 * time 0 with the change in force, and that run passes.
 */
import { expect, test } from './fixtures';
import { doStep, openLab, runToEnd } from './labHelpers';
import { loadLab } from '../src/labs/labIndex';

test('a change made during a lab run leaves the run unchecked; "Run the lab" runs from the start with it and passes', async ({ lab, page }) => {
  const def = await loadLab('q1');
  await openLab(lab, 'q1');
  await lab.setSpeed('1\u00d7 real time');
  await page.getByRole('button', { name: /^Run the lab( again)?$/ }).click();
  await expect(lab.status).toHaveText('running');
  await lab.waitForSimTime(2);
  await doStep(page, def, 1);
  await expect(page.getByRole('status').filter({ hasText: /recorded as an intervention/ })).toBeVisible();
  await lab.setSpeed('Fastest');
  await expect(lab.status).toHaveText('done', { timeout: 60_000 });
  await expect(page.getByRole('alert').filter({ hasText: /^You changed a setting during this run/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Check (passed|not passed)/ })).toHaveCount(0);
  await expect(page.getByText(/^Not checked yet/)).toBeVisible();

  expect(await runToEnd(lab)).toMatch(/^Check passed/);
  await expect(page.getByRole('alert').filter({ hasText: /^You changed a setting/ })).toHaveCount(0);
  expect(lab.consoleErrors).toEqual([]);
});
