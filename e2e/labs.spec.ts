/**
 * The labs, as a student does them: open a lab by its address, make a prediction, run it as it
 * starts (its check must fail), follow its steps through the controls each step shows (focus
 * lands on the control), run again (its check must pass). Runs are short, at the fastest speed.
 */
import { expect, test } from './fixtures';
import { doStep, openLab, runToEnd } from './labHelpers';
import { loadAllLabs } from '../src/labs/labIndex';

const labs = await loadAllLabs();

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
    await expect(page.getByText(/^The debrief opens once the check passes/)).toBeVisible();
    await expect(page.getByText(/^Your prediction was right/)).toHaveCount(0);

    for (let i = 0; i < def.steps.length; i++) await doStep(page, def, i);
    expect(await runToEnd(lab)).toMatch(/^Check passed/);
    await expect(conditions).not.toContainText('not met');
    await expect(page.getByText(`Your prediction was right: ${answer.text}`)).toBeVisible();
    expect(lab.consoleErrors).toEqual([]);
  });
}
