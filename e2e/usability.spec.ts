/**
 * What a review of the page as a student, a course author and an engineer found, each fixed and
 * held here: embedded settings say whose they are, a step's Show works without the topology,
 * notices say what happened, a number can be retyped, a wide table scrolls, focus comes back.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures';

test('an embedded lab labels each setting with its part, and Show on a step about a part focuses that part\u2019s setting', async ({ page }) => {
  await page.goto('/?embed=1&lab=q1');
  await expect(page.getByRole('heading', { name: /^Lab 1 of 10:/ })).toBeVisible();
  const settings = page.getByRole('region', { name: 'Settings' });
  await expect(settings.getByRole('textbox', { name: 'Query service: Instances' })).toBeVisible();
  await expect(settings.getByRole('textbox', { name: 'Command service: Instances' })).toBeVisible();
  await expect(settings.getByRole('button', { name: 'Increase Query service: Instances' })).toBeVisible();
  // Step 1 names the query service, whose topology this embed does not show; the lab says so.
  await expect(page.locator('section.topology')).toBeHidden();
  await expect(page.getByText(/This page shows the lab.s settings, not the topology the steps mention/)).toBeVisible();
  await page.getByRole('button', { name: 'Show the control of step 1' }).click();
  await expect(settings.getByRole('textbox', { name: 'Query service: Instances' })).toBeFocused();
});

test('an embedded page with an unknown lab says to fix the course page\u2019s address, and its settings stop loading', async ({ page }) => {
  await page.goto('/?embed=1&lab=q11');
  await expect(page.getByText(/There is no lab "q11": the labs are q1 to q10, one per quiz question\. The course page.s address should name one of them\./)).toBeVisible();
  await expect(page.getByText('No lab is open, so there is nothing to set here.')).toBeVisible();
});

test('a lab on its own page, with the topology, does not say the topology is missing', async ({ page }) => {
  await page.goto('/?lab=q1');
  await expect(page.getByRole('heading', { name: /^Lab 1 of 10:/ })).toBeVisible();
  await expect(page.locator('section.topology')).toBeVisible();
  await expect(page.getByText(/not the topology the steps mention/)).toHaveCount(0);
});

test('a change after the run has ended says so, in the field\u2019s name; a change during a run names the field too', async ({ lab, page }) => {
  await lab.goto();
  await lab.loadScenario({ version: 1, durationS: 2, warmupS: 0 });
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done');
  await lab.openPart(/^Query service:/);
  await lab.setField('Instances', '3');
  await expect(page.getByRole('status').filter({ hasText: 'The run had ended: a new run started with Query service: Instances changed.' })).toBeVisible();
  await expect(page.getByText(/queryService\.instances cannot change during a run/)).toHaveCount(0);
});

test('a change during a run names the field and its value; a link with it says "1 intervention"', async ({ lab, page }) => {
  await lab.goto();
  await lab.setSpeed('1× real time');
  await lab.play();
  await lab.waitForSimTime(0.5);
  await page.getByRole('button', { name: 'Add one query instance' }).click();
  // In the field's name, as the settings show it, not its path in the scenario file.
  await expect(page.getByRole('status').filter({ hasText: /^Query service: Instances set to \d+ at \d+\.\d{3} s, recorded as an intervention\./ })).toBeVisible();
  await lab.pause();
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: /with its 1 intervention[ .(]/ })).toBeVisible();
});

test('an example played on load says it loaded, and nothing asks for Play once it has run', async ({ page }) => {
  await page.goto('/?embed=1&example=flash-sale&autoplay=1&speed=max');
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('done', { timeout: 60_000 });
  await expect(page.getByText(/Loaded the example/)).toBeVisible();
  await expect(page.getByText(/Press Play to run it/)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'What to do next' })).toHaveCount(0);
});

test('the number of seeds can be cleared and retyped, and a number out of range is brought into it when the field is left', async ({ lab, page }) => {
  await lab.goto();
  await page.getByRole('toolbar', { name: 'Run controls' }).getByRole('button', { name: 'Study', exact: true }).click();
  const seeds = page.getByRole('region', { name: 'Study', exact: true }).getByRole('spinbutton', { name: 'Replications (seeds)' });
  await seeds.click();
  await seeds.press('Control+a');
  await seeds.press('Backspace');
  await expect(seeds).toHaveValue('');
  await seeds.pressSequentially('5');
  await seeds.blur();
  await expect(seeds).toHaveValue('5');
  await seeds.fill('100000');
  await seeds.blur();
  await expect(seeds).not.toHaveValue('100000');
  expect(Number(await seeds.inputValue())).toBeGreaterThan(5);
});

test('at 375 px an A/B table wider than the screen scrolls sideways in its own box, not the page', async ({ lab, page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/?example=hot-shard');
  await page.getByRole('region', { name: /A hot shard/ }).getByRole('button', { name: 'Compare both in a study' }).click();
  const study = page.getByRole('region', { name: 'Study', exact: true });
  await study.getByRole('spinbutton', { name: 'Replications (seeds)' }).fill('2');
  await study.getByRole('button', { name: 'Run study' }).click();
  await expect(study.getByRole('status', { name: 'Study status' })).toHaveText('done', { timeout: 60_000 });
  const box = page.getByRole('region', { name: /scrolls sideways/ }).first();
  const m = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, page: document.documentElement.scrollWidth }));
  expect(m.page).toBeLessThanOrEqual(375);
  expect(m.scroll).toBeGreaterThan(m.client);
  // Its last column (the answer) can be reached: by the keyboard, as the box takes focus.
  await box.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(lab.consoleErrors).toEqual([]);
});

test('the glossary opened from a help text gives focus back to that help\u2019s button when it closes', async ({ lab, page }) => {
  await lab.goto();
  await lab.openPart(/^Query service:/);
  const field = page.locator('div[data-field="queryService.instances"]');
  const help = field.getByRole('button', { name: /^About / });
  await help.focus();
  const link = field.locator('.help-terms').getByRole('button').first();
  await expect(link).toBeVisible();
  await link.click();
  const dialog = page.getByRole('dialog', { name: 'Glossary' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(help).toBeFocused();
});

test('the first Tab offers to skip to the lab and to the settings, past the toolbar, the topology and the charts', async ({ page }) => {
  await page.goto('/?lab=q1');
  await expect(page.getByRole('heading', { name: /^Lab 1 of 10:/ })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the lab' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Lab 1 of 10:/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Close lab 1' })).toBeFocused();
  // The address keeps what it held (its hash is a shared scenario's place).
  expect(new URL(page.url()).hash).not.toBe('#lab-title');
  await page.reload();
  await expect(page.getByRole('heading', { name: /^Lab 1 of 10:/ })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the settings' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Settings/ })).toBeFocused();
});

test('the glossary opened at a term far down its list keeps its Close button in view', async ({ lab, page }) => {
  await lab.goto();
  await lab.openPart(/^Query service:/);
  const field = page.locator('div[data-field="queryService.instances"]');
  await field.getByRole('button', { name: /^About / }).focus();
  await field.locator('.help-terms').getByRole('button').last().click();
  const dialog = page.getByRole('dialog', { name: 'Glossary' });
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.evaluate((d) => d.scrollTop)).toBeGreaterThan(0);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport({ ratio: 1 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
