/**
 * The labs, as a student does them: open a lab by its address (its starting system runs and is
 * kept as "before"), predict wrong, follow its steps through the controls each step shows, run
 * (the check passes; the debrief says the prediction did not match and quotes the student's
 * figures, which must be the report's); then start over, predict right, and do it again.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { debriefFigures, doStep, numberIn, openLab, runToEnd, waitForBefore } from './labHelpers';
import { derivedAt } from '../simulation/derived';
import { labFigures } from '../src/labs/checks';
import { loadAllLabs } from '../src/labs/labIndex';
import type { LabDef } from '../src/labs/labTypes';

const labs = await loadAllLabs();

/** Close enough for two roundings of one number (3 significant figures, or a 1-decimal percentage). */
const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.011 * Math.abs(b), 0.06);

/** Each figure the debrief quotes, against the final report (after) and the figures' "before → after" (p99). */
async function checkDebrief(page: Page, def: LabDef): Promise<void> {
  const report = page.getByRole('region', { name: /^Final report/ });
  await report.getByText('All figures').click();
  for (const f of labFigures(def)) {
    const quoted = await debriefFigures(page, f.label);
    if (derivedAt(f.figure) === undefined) {
      const shown = numberIn((await report.locator(`[data-figure="${f.figure}"] dd`).textContent()) ?? '');
      expect(near(quoted.after, shown), `${f.label}: debrief ${quoted.after}, report ${shown}`).toBe(true);
    }
    const p99 = /^(queries|commands)\.latencyMs\.p99$/.exec(f.figure);
    if (p99) {
      const row = page.getByRole('table', { name: 'Since warm-up' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /\(\*\.latencyMs\.p99\)/ }) });
      const [before, after] = ((await row.getByRole('cell').nth(p99[1] === 'commands' ? 0 : 1).textContent()) ?? '').split('\u2192').map(numberIn);
      expect(near(quoted.before, before) && near(quoted.after, after), `${f.label}: debrief ${quoted.before} → ${quoted.after}, figures ${before} → ${after}`).toBe(true);
    }
  }
}

async function predict(page: Page, text: string): Promise<void> {
  await page.getByRole('radio', { name: text }).check();
  await page.getByRole('button', { name: 'Record my prediction' }).click();
  await expect(page.getByText(`Your prediction: ${text}`)).toBeFocused();
}

for (const def of labs) {
  test(`lab ${def.id}: predicted wrong, then right; each time the steps pass the check and the debrief quotes the report's figures`, async ({ lab, page }) => {
    await openLab(lab, def.id);
    const answer = def.prediction.options.find((o) => o.id === def.prediction.answer)!;
    const wrong = def.prediction.options.find((o) => o.id !== def.prediction.answer)!;
    // The starting system has run; the prediction is still open, and nothing is checked yet.
    await expect(page.getByRole('radio', { name: wrong.text })).toBeEnabled();
    await expect(page.getByText(/^Not checked yet/)).toBeVisible();
    await predict(page, wrong.text);
    for (let i = 0; i < def.steps.length; i++) await doStep(page, def, i);
    expect(await runToEnd(lab)).toMatch(/^Check passed/);
    await expect(page.getByRole('list', { name: 'Conditions of the check' })).not.toContainText('not met');
    await expect(page.getByText(`Your prediction did not match what happened: ${answer.text}`)).toBeVisible();
    await checkDebrief(page, def);
    // The highlighted chart shows both runs: the kept one faint, named "before".
    await expect(page.locator(`figure[data-chart="${def.notice.charts[0]}"] path[data-series^="before: "]`).first()).toHaveAttribute('d', /^M/);

    await page.getByRole('button', { name: 'Start this lab over' }).click();
    await waitForBefore(lab);
    await predict(page, answer.text);
    for (let i = 0; i < def.steps.length; i++) await doStep(page, def, i);
    expect(await runToEnd(lab)).toMatch(/^Check passed/);
    await expect(page.getByText(`Your prediction was right: ${answer.text}`)).toBeVisible();
    expect(lab.consoleErrors).toEqual([]);
  });
}
