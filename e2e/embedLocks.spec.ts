/**
 * `lock=` protects the field, not one control: whatever path a scenario takes into the page
 * (the Examples menu, Load scenario, a pasted link), a locked field keeps its value; the host's
 * `set` still changes it; a lab's result tells the host the locked and checked values; and an
 * embedded lab offers no way out of the lab (no Examples menu, no Load scenario).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { cmd, coursePage, replyTo, send, waitFor } from './coursePage';

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

test('a locked field keeps its value through the Examples menu, Load scenario and a pasted link', async ({ lab, page }) => {
  await page.setViewportSize({ width: 720, height: 520 });
  await page.goto('/?embed=1&lock=queryService.instances&panels=topology,charts,settings');
  await expect(lab.status).toHaveText('ready');
  const locked = page.getByRole('group', { name: 'Set by the course page' }).getByRole('textbox', { name: 'Query service: Instances' });
  await expect(locked).toBeDisabled();
  const value = await locked.inputValue();
  const kept = page.getByRole('status').filter({ hasText: 'The course page sets queryService.instances: it keeps its value.' });

  // The Examples menu: an example whose query side has 4 instances.
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.locator('button[data-example="horizontal-vs-vertical"]').click();
  await expect(kept).toContainText('Loaded the example');
  await expect(locked).toHaveValue(value);

  // Load scenario: a file with 9 instances and a change to 8 recorded at 1 s.
  const file = { version: 1, name: 'learner', durationS: 10, warmupS: 1, queryService: { instances: 9 }, interventions: [{ atS: 1, set: 'queryService.instances', value: 8 }] };
  await page.locator('input[type=file]').setInputFiles({ name: 'learner.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(kept).toContainText('Loaded learner.json.');
  await expect(locked).toHaveValue(value);
  // A file that keeps the value but records a change of it at 1 s: the change is dropped, and said.
  const sneaky = { ...file, name: 'sneaky', queryService: { instances: Number(value) } };
  await page.locator('input[type=file]').setInputFiles({ name: 'sneaky.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sneaky)) });
  await expect(kept).toContainText('Loaded sneaky.json.');
  // The change is gone from what the worker runs: "Save scenario" gives the scenario with every intervention.
  await page.getByRole('button', { name: 'More' }).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save scenario' }).click()]);
  const saved = JSON.parse(readFileSync(await dl.path(), 'utf8')) as { name: string; interventions: unknown[]; queryService: { instances: number } };
  expect(saved).toMatchObject({ name: 'sneaky', interventions: [], queryService: { instances: Number(value) } });

  // A pasted link with 7 instances.
  await page.evaluate((h) => (location.hash = h), `#scenario=${b64url({ version: 1, name: 'pasted', queryService: { instances: 7 } })}`);
  await expect(kept).toContainText('Loaded the shared link.');
  await expect(locked).toHaveValue(value);
  expect(lab.consoleErrors).toEqual([]);
});

test('an embedded lab with lock=: the host may set the locked field, the lab result reports locked and checked values, and the lab offers no way out', async ({ page }) => {
  await coursePage(page, '/?embed=1&lab=q10&lock=queryService.instances&speed=max');
  const f = page.frameLocator('#lab');
  await waitFor(page, (m) => m.type === 'cqrs-lab:ready', 'ready');
  await expect(f.getByRole('heading', { name: /^Lab 10 of 10:/ })).toBeVisible();
  // No Examples menu, no Load scenario: they would leave the lab.
  await expect(f.getByRole('button', { name: 'Examples', exact: true })).toHaveCount(0);
  await f.getByRole('button', { name: 'More' }).click();
  await expect(f.getByRole('button', { name: 'Share link' })).toBeVisible();
  await expect(f.getByRole('button', { name: 'Load scenario…' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await send(page, cmd('set', 'set', { path: 'queryService.instances', value: 2 }));
  expect(await replyTo(page, 'set')).toMatchObject({ type: 'cqrs-lab:reply', result: { state: { fields: { 'queryService.instances': 2 } } } });
  await send(page, cmd('play', 'play'));
  const result = await waitFor(page, (m) => m.type === 'cqrs-lab:labResult', 'labResult');
  expect(result).toMatchObject({ lab: 'q10', locked: ['queryService.instances'], fields: { 'queryService.instances': 2, 'queryService.vcpus': 2 } });
});
