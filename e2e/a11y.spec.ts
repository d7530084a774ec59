import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations (${theme} theme, running)`, async ({ lab }) => {
    await lab.page.emulateMedia({ colorScheme: theme });
    await lab.goto();
    await lab.setSpeed('10×');
    await lab.play();
    await lab.waitForSimTime(3);
    await lab.pause();
    const results = await new AxeBuilder({ page: lab.page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
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
