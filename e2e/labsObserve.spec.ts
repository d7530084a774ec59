/**
 * Observe first: a lab opened by its address runs its starting system with no click, so the state
 * its first step names is on the screen (within the assertions' 20 s), and the prediction is
 * still open.
 */
import { expect, test } from './fixtures';

/** Per lab: the part its first step names, and the text on it that shows the state. */
const STATES: [lab: string, part: string, state: RegExp][] = [
  ['q1', 'queryService', /^q\d+ (9\d|1\d\d)%/],
  ['q2', 'queryService', /^q1 (9\d|1\d\d)%/],
  ['q4', 'writeStore', /HOT$/],
  ['q5', 'readStore', /^replica 1 (9\d|1\d\d)%/],
  ['q8', 'readStore', /^replica \d (9\d|1\d\d)%/],
  ['q10', 'queryService', /^q1 (9\d|1\d\d)%/],
];

for (const [id, part, state] of STATES) {
  test(`lab ${id} opened by its address shows, with no click, the state its first step names, and the prediction stays open`, async ({ lab, page }) => {
    await page.goto(`/?lab=${id}`);
    await expect(page.getByRole('heading', { name: new RegExp(`^Lab ${id.slice(1)} of 10:`) })).toBeVisible();
    await expect(page.locator(`g[data-part="${part}"] text`).filter({ hasText: state }).first()).toBeVisible();
    await expect(page.getByText(/^Before \(the lab.s starting system/)).toBeVisible();
    await expect(page.getByRole('radio').first()).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Record my prediction' })).toBeVisible();
    expect(lab.consoleErrors).toEqual([]);
  });
}

test('a lab opened by its address answers the welcome: the plain address does not show it afterwards', async ({ lab, page }) => {
  await page.goto('/?lab=q1');
  await expect(page.getByRole('heading', { name: /^Lab 1 of 10:/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Welcome to the lab' })).toHaveCount(0);
  await lab.goto();
  await expect(page.getByRole('region', { name: 'Welcome to the lab' })).toHaveCount(0);
});
