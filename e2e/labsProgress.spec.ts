/** The Labs menu, progress kept across a reload, an unknown lab id, highlights, and axe with a lab open. */
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { doStep, openLab, reloadBooted, runToEnd } from './labHelpers';
import { loadLab } from '../src/labs/labIndex';

test('the Labs menu opens and closes from the keyboard, lists the ten labs and opens one, which the address then names', async ({ lab, page }) => {
  await lab.goto();
  const labsButton = page.getByRole('button', { name: 'Labs', exact: true });
  await labsButton.focus();
  await page.keyboard.press('Enter');
  await expect(labsButton).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('region', { name: 'Labs: one per quiz question' });
  const items = menu.getByRole('button', { name: /^Lab \d+: / });
  await expect(items).toHaveCount(10);
  await expect(items.first()).toBeFocused();
  await expect(items.first()).toHaveAccessibleDescription('not started');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(labsButton).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(items.first()).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('button', { name: /^Lab 4: / })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Lab 4 of 10:/ })).toBeVisible();
  await expect(menu).toBeHidden();
  expect(new URL(page.url()).searchParams.get('lab')).toBe('q4');
  await expect(page.getByRole('status').filter({ hasText: 'Loaded lab 4' })).toBeVisible();

  await page.getByRole('button', { name: 'Close lab 4' }).click();
  await expect(page.getByRole('heading', { name: /^Lab 4 of 10:/ })).toBeHidden();
  expect(new URL(page.url()).searchParams.has('lab')).toBe(false);
});

test('predictions, checks with their figures, the debrief and progress survive a reload, with the student\u2019s changes', async ({ lab, page }) => {
  const def = await loadLab('q10');
  await openLab(lab, 'q10');
  const wrong = def.prediction.options.find((o) => o.id !== def.prediction.answer)!;
  await page.getByRole('radio', { name: wrong.text }).check();
  await page.getByRole('button', { name: 'Record my prediction' }).click();
  // A wrong turn: 4 vCPUs instead of 8.
  const fourVcpus = { ...def, steps: def.steps.map((st, i) => (i === 1 ? { ...st, value: 4 } : st)) };
  await doStep(page, fourVcpus, 1);
  expect(await runToEnd(lab)).toMatch(/^Check not passed/);
  // Not passed: the debrief (and whether the prediction was right) waits for a run that passes.
  await expect(page.getByText(/^The debrief opens once the check passes/)).toBeVisible();
  await expect(page.getByText(/^Your prediction (was right|did not match)/)).toHaveCount(0);
  const conditions = page.getByRole('list', { name: 'Conditions of the check' });
  const failedText = await conditions.textContent();

  await page.reload();
  await expect(page.getByRole('heading', { name: /^Lab 10 of 10:/ })).toBeVisible();
  await expect(page.getByText(`Your prediction: ${wrong.text}`)).toBeVisible();
  // The check's figures are the stored ones, as they were.
  await expect(conditions).toHaveText(failedText ?? '');
  await expect(page.getByText(/^Before \(the lab.s starting system/)).toBeVisible();
  await page.getByRole('button', { name: 'Labs', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Lab 10: / })).toHaveAccessibleDescription('predicted, check not passed yet');
  await page.keyboard.press('Escape');

  await lab.setSpeed('Fastest');
  // The address may already hold a link (#s=2.…) from before the change: wait until it holds a new one.
  const before = new URL(page.url()).hash;
  await doStep(page, def, 1);
  await expect.poll(() => new URL(page.url()).hash).not.toBe(before);
  expect(new URL(page.url()).hash).toMatch(/^#s=2\./);
  await page.reload();
  await expect(page.getByRole('heading', { name: /^Lab 10 of 10:/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Query service:/ }).getByText('8 vCPU \u00d7 1')).toBeVisible();
  await lab.setSpeed('Fastest');
  expect(await runToEnd(lab)).toMatch(/^Check passed/);
  const debrief = page.getByRole('list', { name: 'Your figures, before and after' });
  const figures = await debrief.textContent();
  expect(figures).toMatch(/query p99: .+ before, .+ after \(fell/);
  await page.reload();
  await expect(debrief).toHaveText(figures ?? '');
  await expect(page.getByText(/^Your prediction did not match what happened/)).toBeVisible();
  await page.getByRole('button', { name: 'Labs', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Lab 10: / })).toHaveAccessibleDescription('predicted wrong, check passed');
  await expect(page.getByText('1 of 10 checks passed, 1 predictions made.')).toBeVisible();
});

test('the prediction stays open after the starting system has run, and closes once the change is checked, even after a reload; "Start this lab over" opens it again', async ({ lab, page }) => {
  const def = await loadLab('q10');
  await openLab(lab, 'q10');
  await expect(page.getByRole('radio', { name: def.prediction.options[0].text })).toBeEnabled();
  await doStep(page, def, 1);
  expect(await runToEnd(lab)).toMatch(/^Check passed/);
  const locked = page.getByText('Your change has been run and checked, so this attempt has no prediction: start over to make one.');
  await expect(locked).toBeVisible();
  await reloadBooted(page);
  await expect(page.getByRole('heading', { name: /^Lab 10 of 10:/ })).toBeVisible();
  await expect(locked).toBeVisible();
  await expect(page.getByRole('radio', { name: def.prediction.options[0].text })).toBeDisabled();
  // By keyboard: in a load run (load average 13) the button took the focus and the lab did not
  // start over (its stored check stayed), which points at a mouseup that missed the button; the
  // cause is not proven. Enter on the focused button does not depend on where the button is.
  await page.getByRole('button', { name: 'Start this lab over' }).focus();
  await page.keyboard.press('Enter');
  await expect(locked).toHaveCount(0);
  await page.getByRole('radio', { name: def.prediction.options[0].text }).check();
  await page.getByRole('button', { name: 'Record my prediction' }).click();
  await expect(page.getByText(`Your prediction: ${def.prediction.options[0].text}`)).toBeVisible();
});

test('an example loaded over a lab closes the lab, and a lab opened over an example drops its notes', async ({ lab, page }) => {
  await page.goto('/?lab=q1');
  await expect(page.getByRole('heading', { name: /^Lab 1 of 10:/ })).toBeVisible();
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.locator('button[data-example]').first().click();
  await expect(page.getByRole('button', { name: 'Close the example notes' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Lab 1 of 10:/ })).toBeHidden();
  await expect.poll(() => new URL(page.url()).searchParams.has('lab')).toBe(false);

  await page.getByRole('button', { name: 'Labs', exact: true }).click();
  await page.getByRole('button', { name: /^Lab 2: / }).click();
  await expect(page.getByRole('heading', { name: /^Lab 2 of 10:/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close the example notes' })).toBeHidden();
  const url = new URL(page.url());
  expect([url.searchParams.get('lab'), url.searchParams.has('example')]).toEqual(['q2', false]);
  // The lab runs its starting system as it opens.
  await expect(page.getByText(/^Before \(the lab.s starting system/)).toBeVisible();
  await expect(lab.status).toHaveText('done');
});

test('an unknown lab id in the address gets one clear sentence and the page still works', async ({ lab, page }) => {
  await page.goto('/?lab=q11<b>x</b>');
  await expect(page.getByRole('alert').filter({ hasText: 'There is no lab "q11bxb": the labs are q1 to q10' })).toBeVisible();
  await expect(lab.status).toHaveText('ready');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is no lab' })).toBeHidden();
});

test('a step outlines its control and "Show where" outlines the charts and parts to watch', async ({ lab, page }) => {
  await openLab(lab, 'q1');
  await page.getByRole('button', { name: 'Show the control of step 2' }).click();
  const field = page.locator('div[data-field="queryService.instances"]');
  await expect(field).toBeVisible();
  await expect.poll(() => field.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await expect(page.getByLabel('Instances', { exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Show where' }).click();
  await expect.poll(() => field.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
  const chart = page.locator('[data-chart="query-latency"]');
  await expect.poll(() => chart.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  expect(await page.locator('[data-chart="cost"]').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations with a lab open and checked (${theme} theme)`, async ({ lab, page }) => {
    await page.emulateMedia({ colorScheme: theme });
    const def = await loadLab('q5');
    await openLab(lab, 'q5');
    await page.getByRole('radio').first().check();
    for (let i = 0; i < def.steps.length; i++) await doStep(page, def, i);
    await runToEnd(lab);
    await expect(page.getByRole('heading', { name: '5. Debrief' })).toBeVisible();
    await page.getByRole('button', { name: 'Labs', exact: true }).click();
    await expect(page.getByRole('button', { name: /^Lab 1: / })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
