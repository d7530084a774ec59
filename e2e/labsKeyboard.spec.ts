/**
 * A lab by keyboard alone, from its heading: predict, each step's "Show" (Escape comes back to the
 * step), set the value, run, and read the check; the key presses are counted (at most 60).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { focusedField, openLab } from './labHelpers';
import { loadLab } from '../src/labs/labIndex';
import { LAB_IDS } from '../src/labs/labTypes';

class Keys {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(key: string): Promise<void> {
    this.count++;
    await this.page.keyboard.press(key);
  }
  /** Tabs until the focused element matches (at most 30 presses); `matches` runs in the page, with `arg`. */
  async tabTo(what: string, matches: (el: Element, arg: string) => boolean, arg = ''): Promise<void> {
    for (let i = 0; i < 30; i++) {
      const ok = await this.page.evaluateHandle(() => document.activeElement).then((h) => h.asElement()?.evaluate(matches, arg));
      if (ok) return;
      await this.press('Tab');
    }
    throw new Error(`Tab never reached ${what}`);
  }
}

for (const id of LAB_IDS) {
  test(`lab ${id} can be done by keyboard from its heading in at most 60 key presses; Escape goes back to the step`, async ({ lab, page }) => {
    const def = await loadLab(id);
    await openLab(lab, id);
    const keys = new Keys(page);
    await page.getByRole('heading', { name: new RegExp(`^Lab ${id.slice(1)} of 10:`) }).focus();

    // Predict: the first radio, then arrows to the answer (arrows also choose it).
    await keys.tabTo('a prediction', (el) => el instanceof HTMLInputElement && el.type === 'radio');
    const k = def.prediction.options.findIndex((o) => o.id === def.prediction.answer);
    if (k === 0) await keys.press('Space');
    for (let i = 0; i < k; i++) await keys.press('ArrowDown');
    await keys.tabTo('Record my prediction', (el) => el.textContent === 'Record my prediction');
    await keys.press('Enter');
    await expect(page.getByText(/^Your prediction: /)).toBeFocused();

    for (const [i, step] of def.steps.entries()) {
      const show = page.getByRole('button', { name: `Show the control of step ${i + 1}` });
      await keys.tabTo(`step ${i + 1}`, (el, name) => el.getAttribute('aria-label') === name, `Show the control of step ${i + 1}`);
      await keys.press('Enter');
      await expect(show).not.toBeFocused();
      if (step.field) {
        await expect.poll(() => focusedField(page)).toBe(step.field);
        const control = page.locator(':focus');
        const kind = await control.evaluate((el) => (el instanceof HTMLSelectElement ? 'select' : (el as HTMLInputElement).type));
        if (kind === 'checkbox') {
          if ((await control.isChecked()) !== (step.value !== false)) await keys.press('Space');
          await expect(control).toBeChecked({ checked: step.value !== false });
        } else if (kind === 'select') {
          // Arrows change a closed select's choice; the options are few.
          const options = await control.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
          const from = options.indexOf(await control.inputValue());
          const to = options.indexOf(String(step.value));
          // Each arrow is a change the page applies: wait for it before the next, as a person would.
          for (let n = from; n !== to; n += Math.sign(to - from)) {
            await keys.press(to > from ? 'ArrowDown' : 'ArrowUp');
            await expect(control).toHaveValue(options[n + Math.sign(to - from)]);
            await expect(lab.status).toHaveText(/^(ready|done)$/);
          }
          await expect(control).toHaveValue(String(step.value));
        } else if ((await control.inputValue()) !== String(step.value)) {
          // The value is selected: typing replaces it.
          for (const ch of String(step.value)) await keys.press(ch);
          await keys.press('Enter');
        }
        await expect(page.locator(`div[data-field="${step.field}"] [aria-invalid="true"]`)).toHaveCount(0);
      }
      await keys.press('Escape');
      await expect(show).toBeFocused();
    }
    await expect(lab.status).toHaveText(/^(ready|done)$/);
    await keys.tabTo('Run the lab', (el) => /^Run the lab( again)?$/.test(el.textContent ?? ''));
    await keys.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /^Check passed/ })).toBeVisible({ timeout: 60_000 });
    // The focus went to the check, and the result was announced.
    await expect(page.locator('.lab-check')).toBeFocused();
    await expect(page.locator('.lab-panel [aria-live="polite"]')).toHaveText(/^Check passed: /);
    expect(keys.count).toBeLessThanOrEqual(60);
    test.info().annotations.push({ type: 'key presses', description: String(keys.count) });
  });
}
