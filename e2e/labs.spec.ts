/**
 * The labs, as a student does them: open a lab by its address, make a prediction, run it as it
 * starts (its check must fail), follow its steps through the controls each step shows (focus
 * lands on the control), run again (its check must pass). Runs are short, at the fastest speed.
 */
import type { Page } from '@playwright/test';
import { expect, test, type LabPage } from './fixtures';
import { loadAllLabs } from '../src/labs/labIndex';
import type { LabDef } from '../src/labs/labTypes';

const labs = await loadAllLabs();

export async function openLab(lab: LabPage, id: string): Promise<void> {
  await lab.page.goto(`/?lab=${id}`);
  await expect(lab.page.getByRole('heading', { name: new RegExp(`^Lab ${id.slice(1)} of 10:`) })).toBeVisible();
  await expect(lab.status).toHaveText('ready');
  await lab.setSpeed('Fastest');
}

/** Runs the lab to its end and returns the check's status line. */
export async function runToEnd(lab: LabPage): Promise<string> {
  await lab.page.getByRole('button', { name: /^Run the lab( again)?$/ }).click();
  await expect(lab.status).toHaveText('done', { timeout: 60_000 });
  const verdict = lab.page.getByRole('status').filter({ hasText: /^Check (passed|not passed)/ });
  await expect(verdict).toBeVisible();
  return (await verdict.textContent()) ?? '';
}

/** Does step `i` the way a person would: "Show", then set the control that has the focus. */
export async function doStep(page: Page, def: LabDef, i: number): Promise<void> {
  const step = def.steps[i];
  await page.getByRole('button', { name: `Show the control of step ${i + 1}` }).click();
  if (!step.field) return;
  const control = page.locator(':focus');
  await expect(control).toBeVisible();
  expect(await control.evaluate((el) => el.closest('[data-field]')?.getAttribute('data-field'))).toBe(step.field);
  const kind = await control.evaluate((el) => (el instanceof HTMLSelectElement ? 'select' : el instanceof HTMLInputElement ? el.type : el.tagName));
  if (kind === 'select') await control.selectOption(String(step.value));
  else if (kind === 'checkbox') {
    // The box follows the scenario once the worker has taken the change: click, then wait for it.
    const want = step.value !== false;
    if ((await control.isChecked()) !== want) await control.click();
    await (want ? expect(control).toBeChecked() : expect(control).not.toBeChecked());
  }
  else {
    await control.fill(String(step.value));
    await control.press('Enter');
  }
  await expect(page.locator(`div[data-field="${step.field}"] [aria-invalid="true"]`)).toHaveCount(0);
}

for (const def of labs) {
  test(`lab ${def.id}: the check fails as the lab starts and passes once its steps are followed`, async ({ lab, page }) => {
    await openLab(lab, def.id);
    const answer = def.prediction.options.find((o) => o.id === def.prediction.answer)!;
    await page.getByRole('radio', { name: answer.text }).check();
    await page.getByRole('button', { name: 'Record my prediction' }).click();
    await expect(page.getByText(`Your prediction: ${answer.text}`)).toBeVisible();

    expect(await runToEnd(lab)).toMatch(/^Check not passed/);
    const conditions = page.getByRole('list', { name: 'Conditions of the check' });
    await expect(conditions.getByRole('listitem')).toHaveCount(def.check.terms.length);
    await expect(conditions).toContainText('not met');

    for (let i = 0; i < def.steps.length; i++) await doStep(page, def, i);
    expect(await runToEnd(lab)).toMatch(/^Check passed/);
    await expect(conditions).not.toContainText('not met');
    await expect(page.getByText(`Your prediction was right: ${answer.text}`)).toBeVisible();
    expect(lab.consoleErrors).toEqual([]);
  });
}
