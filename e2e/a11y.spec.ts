import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations (${theme} theme, running)`, async ({ lab }) => {
    await lab.page.emulateMedia({ colorScheme: theme });
    await lab.goto();
    await lab.play(); // at 1x: the 60 s run is still going when Pause is pressed
    await lab.waitForSimTime(2);
    await lab.pause();
    expect(await seriousViolations(lab.page)).toEqual([]);
  });
}

// One test per panel: an axe pass takes seconds, and three in one test outran its time limit on a
// busy machine (90 s), a limit about the machine's speed, not about the page.
for (const part of ['Clients', 'Queries', 'Faults']) {
  test(`axe finds no serious or critical violations in the ${part} settings panel`, async ({ lab }) => {
    await lab.goto();
    await lab.page.getByRole('group', { name: 'Part to edit' }).getByRole('button', { name: part, exact: true }).click();
    if (part === 'Queries') {
      await lab.page.getByLabel('Auto-scaling', { exact: true }).click();
      await expect(lab.page.getByLabel('Auto-scaling', { exact: true })).toBeChecked();
    }
    expect(await seriousViolations(lab.page)).toEqual([]);
  });
}

test('every control can be reached with the keyboard', async ({ lab }) => {
  await lab.goto();
  const seen = new Set<string>();
  for (let i = 0; i < 80; i++) {
    await lab.page.keyboard.press('Tab');
    seen.add(await lab.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''));
  }
  for (const name of ['Play', 'Step 1 s', 'Reset', 'Load scenario…', 'Save scenario']) expect(seen).toContain(name);
  expect([...seen].some((s) => s.startsWith('Query service:'))).toBe(true);
});
