/** Helpers for the lab specs: open a lab, run it to its end, do a step as a person would. */
import type { Page } from '@playwright/test';
import { expect, type LabPage } from './fixtures';
import type { LabDef } from '../src/labs/labTypes';

/**
 * Opens a lab by its address and waits for its starting system's run (the lab runs it as it
 * opens, and keeps it as "before"); then the runs go at the fastest speed.
 */
export async function openLab(lab: LabPage, id: string): Promise<void> {
  await lab.page.goto(`/?lab=${id}`);
  await expect(lab.page.getByRole('heading', { name: new RegExp(`^Lab ${id.slice(1)} of 10:`) })).toBeVisible();
  await waitForBefore(lab);
}

/**
 * Reloads the page and waits until its address's own loading (link, example, lab) is over
 * (`data-booted`), so that nothing of that loading lands after the test's next step.
 */
export async function reloadBooted(page: Page): Promise<void> {
  await page.reload();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.booted ?? null), { timeout: 60_000 }).toBe('1');
}

/** Waits until the lab's starting system has run and its figures are kept ("Before …"), then sets the fastest speed. */
export async function waitForBefore(lab: LabPage): Promise<void> {
  await expect(lab.page.getByText(/^Before \(the lab.s starting system/)).toBeVisible({ timeout: 60_000 });
  await expect(lab.status).toHaveText('done');
  await lab.setSpeed('Fastest');
}

/** The debrief's line for a figure: its before and after values as numbers. */
export async function debriefFigures(page: Page, label: string): Promise<{ before: number; after: number }> {
  const line = page.getByRole('list', { name: 'Your figures, before and after' }).getByRole('listitem').filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`) });
  const m = /: (.+) before, (.+) after \(/.exec((await line.textContent()) ?? '');
  expect(m, `the debrief's line for ${label}`).not.toBeNull();
  return { before: numberIn(m![1]), after: numberIn(m![2]) };
}

/** The first number in a text ("1,745 ms" is 1745). */
export const numberIn = (text: string): number => parseFloat(text.replace(/,/g, '').replace(/^[^\d-]*/, ''));

type Waiting = { nextLabResult?: Promise<boolean> };

/**
 * Runs the lab to its end and returns the check's status line. The page checks a run after its
 * end (it asks the worker for the settings first) and announces each check with a
 * `cqrs-lab:lab-result` event: wait for this run's, not the verdict still shown from the run before.
 */
export async function runToEnd(lab: LabPage): Promise<string> {
  await lab.page.evaluate(() => {
    (window as Waiting).nextLabResult = new Promise((resolve) => window.addEventListener('cqrs-lab:lab-result', () => resolve(true), { once: true }));
  });
  await lab.page.getByRole('button', { name: /^Run the lab( again)?$/ }).click();
  await expect(lab.status).toHaveText('done', { timeout: 60_000 });
  expect(await lab.page.evaluate(() => (window as Waiting).nextLabResult)).toBe(true);
  const verdict = lab.page.getByRole('status').filter({ hasText: /^Check (passed|not passed)/ });
  await expect(verdict).toBeVisible();
  return (await verdict.textContent()) ?? '';
}

/** The field (its `data-field`) of the element that has the focus, or null. */
export const focusedField = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? null);

/** Does step `i` the way a person would: "Show", then set the control that has the focus. */
export async function doStep(page: Page, def: LabDef, i: number): Promise<void> {
  const step = def.steps[i];
  await page.getByRole('button', { name: `Show the control of step ${i + 1}` }).click();
  if (!step.field) return;
  // "Show" opens the settings, then moves the focus to the control: wait for it to arrive (on a
  // busy machine the button itself was still focused when the focus was read once).
  await expect.poll(() => focusedField(page)).toBe(step.field);
  const control = page.locator(':focus');
  await expect(control).toBeVisible();
  const kind = await control.evaluate((el) => (el instanceof HTMLSelectElement ? 'select' : el instanceof HTMLInputElement ? el.type : el.tagName));
  // A change after the run's end restarts the run at time 0, ready (not playing). The settings
  // show the new value when the worker answers; the run's status follows in its next update. Wait
  // for that too, or the next "Run the lab again" reads the ended run's check.
  const status = page.getByRole('status', { name: 'Run status' });
  const wasDone = (await status.textContent()) === 'done';
  let changed: boolean;
  if (kind === 'select') {
    changed = (await control.inputValue()) !== String(step.value);
    await control.selectOption(String(step.value));
  } else if (kind === 'checkbox') {
    // The box follows the scenario once the worker has taken the change: click, then wait for it.
    const want = step.value !== false;
    changed = (await control.isChecked()) !== want;
    if (changed) await control.click();
    await (want ? expect(control).toBeChecked() : expect(control).not.toBeChecked());
  } else {
    changed = (await control.inputValue()) !== String(step.value);
    await control.fill(String(step.value));
    await control.press('Enter');
  }
  if (wasDone && changed) await expect(status).toHaveText('ready');
  await expect(page.locator(`div[data-field="${step.field}"] [aria-invalid="true"]`)).toHaveCount(0);
}
