/**
 * What a course page's locks hold against (review of the first round): a learner's file that
 * fails validation once the locks are applied never reaches the worker; a host's `set` of a
 * locked field made during a run survives the learner's Reset; no study runs a locked field at
 * another value; and a lab's result reports the settings the run ended with, after Run again too.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cmd, coursePage, got, replyTo, send, waitFor } from './coursePage';

/** "Save scenario" (under More in the compact page): what the worker holds, as a file. */
async function savedScenario(page: Page): Promise<{ name: string; durationS?: number; queryService?: { instances?: number } }> {
  await page.getByRole('button', { name: 'More' }).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save scenario' }).click()]);
  return JSON.parse(readFileSync(await dl.path(), 'utf8')) as { name: string };
}

const REFUSED = [
  {
    lock: 'queryService.instances',
    file: { version: 1, name: 'x', queryService: { instances: 9 }, faults: [{ atS: 1, kind: 'crash', target: 'queryService', instance: 5 }] },
  },
  { lock: 'durationS', file: { version: 1, name: 'x', durationS: 600, warmupS: 100 } },
];
for (const { lock, file } of REFUSED) {
  test(`lock=${lock}: a file valid alone but not with the locked value is not loaded, and the worker keeps the page's scenario`, async ({ lab, page }) => {
    await page.setViewportSize({ width: 720, height: 520 });
    await page.goto(`/?embed=1&lock=${lock}&panels=topology,charts,settings`);
    await expect(lab.status).toHaveText('ready');
    const before = await savedScenario(page);
    await page.keyboard.press('Escape');
    await page.locator('input[type=file]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect(page.getByRole('status').filter({ hasText: `x.json was not loaded with ${lock} as the course page set it.` })).toBeVisible();
    const after = await savedScenario(page);
    expect(after.name).toBe(before.name);
    expect(after).toEqual(before);
  });
}

test('a host set of a locked field during a run (an intervention) survives the learner’s Reset', async ({ page }) => {
  await coursePage(page, '/?embed=1&lock=queryService.instances&panels=topology,charts,settings');
  await waitFor(page, (m) => m.type === 'cqrs-lab:ready', 'ready');
  const f = page.frameLocator('#lab');
  // A stepped run: the set lands at 1 s simulated, so it is an intervention (not a new run), whatever the machine's speed.
  await f.getByRole('button', { name: 'Step 1 s', exact: true }).click();
  await expect(f.getByRole('status', { name: 'Simulated time' })).toHaveText('1.0 s');
  await send(page, cmd('set', 'set', { path: 'queryService.instances', value: 3 }));
  expect(await replyTo(page, 'set')).toMatchObject({ type: 'cqrs-lab:reply', result: { state: { interventions: 1, fields: { 'queryService.instances': 3 } } } });
  await f.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(f.getByRole('status', { name: 'Simulated time' })).toHaveText('0.0 s');
  await send(page, cmd('getState', 'after'));
  expect(await replyTo(page, 'after')).toMatchObject({ result: { status: 'ready', fields: { 'queryService.instances': 3 } } });
  await expect(f.getByRole('group', { name: 'Set by the course page' }).getByRole('textbox', { name: 'Query service: Instances' })).toHaveValue('3');
});

test('no study in a frame whose course page locks fields; the study stays offered without lock=', async ({ page }) => {
  await page.setViewportSize({ width: 720, height: 520 });
  await page.goto('/?embed=1&lock=queryService.instances&test-hooks');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Study', exact: true })).toHaveCount(0);
  // An example with two sides offers no study of them either.
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.locator('button[data-example="horizontal-vs-vertical"]').click();
  await expect(page.getByRole('group', { name: 'Compare' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Compare both in a study' })).toHaveCount(0);
  // Nor does a pasted study link open the study panel.
  const handled = () => page.evaluate(() => (window as unknown as { labTest: { linksHandled(): number } }).labTest.linksHandled());
  await page.evaluate(() => (location.hash = '#study=e30'));
  await expect.poll(handled).toBe(1);
  await expect(page.locator('#study-panel')).toHaveCount(0);
  await expect(page.getByText('Loading the study panel…')).toHaveCount(0);
  await page.goto('/?embed=1');
  await expect(page.getByRole('button', { name: 'Study', exact: true })).toBeVisible();
});

test('lab q10: a change made during the run is in the lab result’s fields, after Run again too', async ({ page }) => {
  await coursePage(page, '/?embed=1&lab=q10&speed=max');
  await waitFor(page, (m) => m.type === 'cqrs-lab:ready', 'ready');
  const f = page.frameLocator('#lab');
  await f.getByRole('button', { name: 'Step 1 s', exact: true }).click();
  await expect(f.getByRole('status', { name: 'Simulated time' })).toHaveText('1.0 s');
  const vcpus = f.getByRole('textbox', { name: /vCPUs per instance/ }).first();
  await vcpus.fill('4');
  await vcpus.press('Enter');
  await expect(f.getByRole('status').filter({ hasText: 'recorded as an intervention' })).toBeVisible();
  await f.getByRole('button', { name: 'Play', exact: true }).click();
  const first = await waitFor(page, (m) => m.type === 'cqrs-lab:labResult', 'first labResult');
  expect(first).toMatchObject({ lab: 'q10', fields: { 'queryService.vcpus': 4 } });
  await f.getByRole('button', { name: 'Run again', exact: true }).click();
  await expect.poll(async () => (await got(page)).filter((m) => m.type === 'cqrs-lab:labResult').length, { timeout: 60_000 }).toBe(2);
  const second = (await got(page)).filter((m) => m.type === 'cqrs-lab:labResult')[1];
  expect(second).toMatchObject({ lab: 'q10', fields: { 'queryService.vcpus': 4 } });
});
