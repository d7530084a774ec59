/**
 * A lab embedded in a course page: `?embed=1&lab=…` in a 720×520 iframe shows the lab, the charts
 * it names and the controls it needs without scrolling the page; the host loads a lab and hears
 * whether its check passed, with a score. The host page is served on the lab's own origin (its
 * allow-list's default); hostApi.spec.ts covers other origins.
 */
import { coursePage, got, send, waitFor } from './coursePage';
import { expect, test } from './fixtures';

test('?embed=1&lab=q3 in a 720×520 frame: the lab, its charts and its controls, and no page scroll', async ({ page }) => {
  const frame = await coursePage(page, '/?embed=1&lab=q3');
  const f = page.frameLocator('#lab');
  await expect(f.getByRole('heading', { name: /^Lab 3 of 10:/ })).toBeVisible();
  await expect(f.getByRole('status', { name: 'Run status' })).toHaveText('ready');
  // The charts the lab names, and no other.
  await expect(f.locator('[data-chart="instances"]')).toBeVisible();
  await expect(f.locator('[data-chart="query-throughput"]')).toBeVisible();
  await expect(f.locator('[data-chart="cost"]')).toBeHidden();
  // The controls its steps need: auto-scaling of the query service, not every setting.
  await expect(f.getByLabel('Query service: Auto-scaling', { exact: true })).toBeVisible();
  await expect(f.getByLabel('Queue capacity')).toHaveCount(0);
  await expect(f.getByRole('button', { name: /^Query service:/ })).toBeHidden();
  const size = await frame.evaluate(() => ({
    scrollH: document.documentElement.scrollHeight,
    scrollW: document.documentElement.scrollWidth,
    innerH: innerHeight,
    innerW: innerWidth,
    pageY: (window.scrollBy(0, 500), window.scrollY),
  }));
  expect(size.innerW).toBe(720);
  expect(size.scrollH).toBeLessThanOrEqual(size.innerH);
  expect(size.scrollW).toBeLessThanOrEqual(size.innerW);
  expect(size.pageY).toBe(0);
  // The lab's beginning is in view without scrolling anything: its goal and the prediction to make.
  await expect(f.getByText('Goal:')).toBeInViewport();
  await expect(f.getByRole('heading', { name: '1. Predict' })).toBeInViewport();
  // The rest is in the lab's own column, which scrolls inside the frame: the frame's page does not.
  await f.getByRole('button', { name: 'Run the lab' }).scrollIntoViewIfNeeded();
  await expect(f.getByRole('button', { name: 'Run the lab' })).toBeInViewport();
  expect(await frame.evaluate(() => [document.documentElement.scrollTop, document.body.scrollTop])).toEqual([0, 0]);
});

test('embed options: fields in lock= are shown but cannot be changed, charts= picks the charts', async ({ page }) => {
  await coursePage(page, '/?embed=1&lab=q10&panels=lab,topology,settings,charts&lock=queryService.instances&charts=query-latency');
  const f = page.frameLocator('#lab');
  await expect(f.getByRole('heading', { name: /^Lab 10 of 10:/ })).toBeVisible();
  await expect(f.getByRole('textbox', { name: /^(Query|Command) service: vCPUs per instance$/ }).first()).toBeEnabled();
  await expect(f.getByRole('group', { name: 'Set by the course page' }).getByRole('textbox', { name: 'Query service: Instances' })).toBeDisabled();
  await expect(f.getByRole('button', { name: 'Increase Query service: Instances' })).toBeDisabled();
  // The topology's +/- for a locked field are gone; those of other groups stay.
  await expect(f.getByRole('button', { name: /^Query service:/ })).toBeVisible();
  await expect(f.getByRole('button', { name: 'Add one query instance' })).toBeHidden();
  await expect(f.getByRole('button', { name: 'Add one command instance' })).toBeVisible();
  await expect(f.locator('[data-chart="query-latency"]')).toBeVisible();
  await expect(f.locator('[data-chart="utilisation"]')).toBeHidden();
});

test('the host loads a lab, and hears its check fail and then pass, with a score, a maximum and a scaled score', async ({ page }) => {
  await coursePage(page, '/?embed=1&speed=max');
  await waitFor(page, (m) => m.type === 'cqrs-lab:ready', 'ready');
  const ready = (await got(page)).find((m) => m.type === 'cqrs-lab:ready')!;
  expect((ready.supports as { commands: string[]; events: string[] }).commands).toContain('loadLab');
  expect((ready.supports as { commands: string[]; events: string[] }).events).toContain('labResult');

  await send(page, { type: 'cqrs-lab:loadLab', version: 1, id: 'bad', lab: 'q42' });
  expect((await waitFor(page, (m) => m.id === 'bad', 'error')).message).toContain('q1, q2');

  await send(page, { type: 'cqrs-lab:loadLab', version: 1, id: 'l1', lab: 'q10' });
  expect(await waitFor(page, (m) => m.id === 'l1', 'reply')).toMatchObject({ type: 'cqrs-lab:reply', result: { lab: 'q10', scenario: 'Lab 10: one instance, too small' } });
  await expect(page.frameLocator('#lab').getByRole('heading', { name: /^Lab 10 of 10:/ })).toBeVisible();
  await send(page, { type: 'cqrs-lab:play', version: 1, id: 'p1' });
  const failed = await waitFor(page, (m) => m.type === 'cqrs-lab:labResult', 'first labResult');
  expect(failed).toMatchObject({ version: 1, lab: 'q10', passed: false, score: { raw: 3, min: 0, max: 5, scaled: 0.6 } });

  await send(page, { type: 'cqrs-lab:set', version: 1, id: 's', path: 'queryService.vcpus', value: 8 });
  await waitFor(page, (m) => m.id === 's', 'set');
  await send(page, { type: 'cqrs-lab:play', version: 1, id: 'p2' });
  const passed = await waitFor(page, (m) => m.type === 'cqrs-lab:labResult' && m.passed === true, 'passing labResult');
  expect(passed).toMatchObject({ lab: 'q10', score: { raw: 5, min: 0, max: 5, scaled: 1 }, prediction: null });
  expect((passed.terms as { figure: string; met: boolean }[]).map((t) => t.met)).toEqual([true, true, true, true, true]);
  await send(page, { type: 'cqrs-lab:getState', version: 1, id: 'st' });
  expect((await waitFor(page, (m) => m.id === 'st', 'state')).result).toMatchObject({ lab: 'q10', status: 'done' });
});

test('embed.html documents the lab options and messages, and its demo host opens a lab', async ({ page }) => {
  await page.goto('/embed.html');
  await expect(page.getByRole('heading', { name: 'A lab in a course page' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'labResult' })).toBeVisible();
  await expect(page.locator('#demo-log')).toContainText('cqrs-lab:ready');
  await page.getByRole('button', { name: 'Open lab 10' }).click();
  await expect(page.locator('#demo-log')).toContainText('"result":{"lab":"q10"');
  await expect(page.frameLocator('#demo-frame').getByRole('heading', { name: /^Lab 10 of 10:/ })).toBeVisible();
});

test('"Copy embed code" with a lab open gives a snippet that opens the lab in embed mode', async ({ lab, page }) => {
  await page.goto('/?lab=q5');
  await expect(page.getByRole('heading', { name: /^Lab 5 of 10:/ })).toBeVisible();
  await lab.button('Copy embed code…').click();
  const dialog = page.getByRole('dialog', { name: 'Copy embed code' });
  await expect(dialog.getByRole('checkbox', { name: /^Open lab 5/ })).toBeChecked();
  const snippet = await dialog.getByRole('textbox', { name: 'Embed code' }).inputValue();
  expect(snippet).toMatch(/^<iframe src="[^"]+\?embed=1&amp;lab=q5&amp;panels=lab,charts,settings" width="720" height="520"/);
  await dialog.getByRole('checkbox', { name: /^Open lab 5/ }).uncheck();
  await expect(dialog.getByRole('textbox', { name: 'Embed code' })).toHaveValue(/\?embed=1&amp;panels=charts,settings#s=2\./);
});
