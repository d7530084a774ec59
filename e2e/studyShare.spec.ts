/**
 * What-if studies on the page (issue 10), kept and passed on: a shared study link or a saved study
 * file reloads the study, a hostile link is refused, and the panel passes axe. Running studies:
 * study.spec.ts.
 */
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { openOnScenario, SCENARIO, StudyPanel } from './studyPanel';

test('a shared study link reloads the study (scenario, kind, seeds, variant) and runs it', async ({ lab, page }) => {
  const study = await openOnScenario(lab);
  await study.kind('A/B compare');
  await study.replications(2);
  await study.panel.getByRole('combobox', { name: 'Field 1' }).fill('cache.enabled');
  await study.panel.getByRole('textbox', { name: 'Value 1' }).fill('true');
  await study.panel.getByRole('button', { name: 'Share study link' }).click();
  await expect(page).toHaveURL(/#study=/);
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  const again = new StudyPanel(page);
  await expect(again.panel).toBeVisible();
  await expect(again.panel.getByRole('status').filter({ hasText: 'Loaded the study from the link: 4 runs' })).toBeVisible();
  await expect(again.panel).toContainText('Scenario of the loaded study: study check');
  await expect(again.panel.getByRole('radio', { name: 'A/B compare' })).toBeChecked();
  await expect(again.panel.getByRole('spinbutton', { name: 'Replications (seeds)' })).toHaveValue('2');
  await expect(again.panel.getByRole('combobox', { name: 'Field 1' })).toHaveValue('cache.enabled');
  await again.runToEnd();
  await expect(again.results.getByRole('rowheader', { name: '(queries.cacheHitRatio)' })).toBeVisible();
});

test('a saved study file loads back into the panel', async ({ lab, page }) => {
  const study = await openOnScenario(lab);
  await study.kind('Sweep');
  await study.replications(2);
  await study.panel.getByRole('textbox', { name: 'Sweep' }).fill('cache.ttlS=1,5,30');
  const saved = await study.download('Save study');
  const def = JSON.parse(saved) as { study: number; kind: string; replications: number; sweep: string; scenario: { name: string } };
  expect(def).toMatchObject({ study: 1, kind: 'sweep', replications: 2, sweep: 'cache.ttlS=1,5,30', scenario: { name: 'study check' } });

  await lab.goto();
  const fresh = new StudyPanel(page);
  await fresh.open();
  await fresh.panel.locator('input[type=file]').setInputFiles({ name: 'saved.study.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(fresh.panel.getByRole('status').filter({ hasText: 'Loaded the study from saved.study.json: 6 runs' })).toBeVisible();
  await expect(fresh.panel.getByRole('radio', { name: 'Sweep' })).toBeChecked();
  await expect(fresh.panel.getByRole('textbox', { name: 'Sweep' })).toHaveValue('cache.ttlS=1,5,30');
  await fresh.runToEnd();
  await expect(fresh.results.getByRole('figure').filter({ hasText: 'against cache.ttlS' })).toHaveCount(2);
});

test('a garbled or hostile study link is refused with its problems, and nothing runs', async ({ lab, page }) => {
  await lab.goto();
  const bad = { study: 1, kind: 'compare', replications: 2, scenario: { version: 1 }, variant: [{ path: '__proto__.polluted', value: 1 }] };
  const b64 = Buffer.from(JSON.stringify(bad)).toString('base64url');
  await page.goto(`/#study=${b64}`);
  const study = new StudyPanel(page);
  await expect(study.panel.getByRole('alert', { name: 'Study problems' })).toContainText('variant[0].path: unknown field');
  await page.goto('/#study=%%%not-base64');
  await expect(study.panel.getByRole('alert', { name: 'Study problems' })).toBeVisible();
  expect(await page.evaluate(() => 'polluted' in {})).toBe(false);
  await expect(study.status).toHaveCount(0);
});

test('the study panel and its results have no serious or critical axe violations, and open from the keyboard', async ({ lab, page }) => {
  await lab.goto();
  await lab.loadScenario(SCENARIO, 'study.json');
  const toggle = page.getByRole('toolbar', { name: 'Run controls' }).getByRole('button', { name: 'Study', exact: true });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const study = new StudyPanel(page);
  await expect(study.panel).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await study.kind('A/B compare');
  await study.replications(2);
  await study.panel.getByRole('button', { name: 'Run study' }).press('Enter');
  await expect(study.status).toHaveText('done', { timeout: 0 });
  expect(await seriousViolations(page, '#study-panel')).toEqual([]);
});
