import { seriousViolations } from './axe';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type LabPage } from './fixtures';

const PARTS = ['Run', 'Clients', 'Commands', 'Write store', 'Stream', 'Read store', 'Cache', 'Queries', 'Faults'];

const settings = (page: Page) => page.getByRole('region', { name: /^Settings/ });
const partTab = (page: Page, name: string) => page.getByRole('group', { name: 'Part to edit' }).getByRole('button', { name, exact: true });
/** The (i) buttons inside `scope`. */
const helpButtons = (scope: Locator) => scope.getByRole('button', { name: /^About / });

/** Loads the scenario with a scheduled scale-out and a crash, makes one live change at 1 s, and runs it to the end. */
async function runWithHappenings(lab: LabPage): Promise<void> {
  await lab.goto();
  await lab.loadScenario('e2e/scenarios/happenings.json', 'happenings.json');
  await lab.button('Step 1 s').click();
  await expect(lab.simTime).toHaveText('1.0 s');
  await lab.button('Add one command instance').click();
  await expect(lab.page.getByRole('listitem').filter({ hasText: 'commandService.instances = 3' })).toBeVisible();
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
}

test('charts mark a live change, a scale-out, a fault and a health check, and the log says them in words', async ({ lab, page }) => {
  await runWithHappenings(lab);
  const log = page.getByRole('list', { name: 'What happened' });
  for (const line of [
    '1 s: live change: commandService.instances set to 3',
    '5 s: query service: scale-out 2 → 3 requested (schedule: at least 3)',
    '8 s: query instance q3 serves (boot 3 s)',
    '12.5 s: fault: query instance q1 crashes',
    '14 s: health checks mark query instance q1 down (1.5 s after it failed)',
    '18.5 s: fault over: query instance q1 is back to normal',
    '20 s: health checks mark query instance q1 up again',
  ]) {
    await expect(log.getByRole('listitem').filter({ hasText: line })).toHaveCount(1);
  }
  // Every chart carries every marker, at its time on the axis, with its words on hover.
  const charts = page.locator('figure.chart');
  const n = await charts.count();
  expect(n).toBeGreaterThanOrEqual(9);
  for (let i = 0; i < n; i++) {
    const chart = charts.nth(i);
    for (const kind of ['change', 'scaling', 'fault', 'health']) await expect(chart.locator(`.marker[data-kind=${kind}]`).first()).toBeAttached();
  }
  const first = charts.first();
  await expect(first.locator('.marker[data-kind=change] title')).toHaveText(['1 s: live change: commandService.instances set to 3']);
  // The scale-out's marker is left of the boot's, which is left of the crash's.
  const xOf = async (title: string) => Number(await first.locator('.marker').filter({ has: page.locator('title', { hasText: title }) }).locator('line').getAttribute('x1'));
  const [out, ready, crash] = [await xOf('scale-out 2 → 3'), await xOf('q3 serves'), await xOf('q1 crashes')];
  expect(out).toBeLessThan(ready);
  expect(ready).toBeLessThan(crash);
  expect(lab.consoleErrors).toEqual([]);
});

test('every settings field in every part has help text reachable by keyboard', async ({ lab, page }) => {
  await lab.goto();
  const panel = settings(page);
  let total = 0;
  for (const part of PARTS) {
    await partTab(page, part).click();
    if (part === 'Queries') {
      for (const label of ['Auto-scaling', 'Circuit breaker (in the clients)', 'Admission control (rate limit)']) {
        await page.getByLabel(label, { exact: true }).click();
        await expect(page.getByLabel(label, { exact: true })).toBeChecked();
      }
    }
    const fields = panel.locator('.field');
    const count = await fields.count();
    // The fault timeline is one field with a form of its own: its help sits above the form.
    if (part === 'Faults') await expect(helpButtons(panel)).toHaveAccessibleDescription(/crash an instance/);
    else expect(count, part).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const field = fields.nth(i);
      const help = helpButtons(field);
      await expect(help, `${part} field ${i}`).toHaveCount(1);
      await expect(help).toHaveAccessibleDescription(/\w.{20,}/);
      // The field's control is described by its help too (a screen reader reads it with the field).
      const control = field.locator('input:not([type=checkbox]):not([aria-label]), select, textarea, input[type=checkbox]').first();
      await expect(control).toHaveAccessibleDescription(/\w.{20,}/);
    }
    // By keyboard: Tab from the part's tab reaches every (i) of the panel; each shows its text when focused.
    const names = await helpButtons(panel).evaluateAll((bs) => bs.map((b) => b.querySelector('.visually-hidden')?.textContent ?? ''));
    await partTab(page, part).focus();
    const reached = new Set<string>();
    for (let k = 0; k < 200 && reached.size < names.length; k++) {
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      const label = await focused.evaluate((el) => (el.classList.contains('help-btn') && el.closest('.settings') ? (el.querySelector('.visually-hidden')?.textContent ?? '') : ''));
      if (label.startsWith('About ')) {
        reached.add(label);
        await expect(focused.locator('xpath=following-sibling::*[1]')).toBeVisible();
      }
    }
    expect([...reached].sort(), part).toEqual([...new Set(names)].sort());
    total += count;
  }
  expect(total).toBeGreaterThan(60);
  // Escape closes an open help text.
  await partTab(page, 'Clients').click();
  const rate = helpButtons(panel).first();
  await rate.focus();
  const pop = rate.locator('xpath=following-sibling::*[1]');
  await expect(pop).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(pop).toBeHidden();
});

test('every figure shown has a human label, its code name second, and help by hover and keyboard', async ({ lab, page }) => {
  await lab.goto();
  const figures = page.getByRole('region', { name: 'Current figures' });
  const p99 = figures.getByRole('rowheader', { name: 'P99 latency (*.latencyMs.p99)' });
  await expect(p99).toContainText(/P99 latency\s*·\s*\*\.latencyMs\.p99/);
  const rows = figures.getByRole('rowheader');
  const n = await rows.count();
  expect(n).toBeGreaterThan(20);
  for (let i = 0; i < n; i++) {
    await expect(helpButtons(rows.nth(i))).toHaveAccessibleDescription(/\w.{20,}/);
  }
  // Hover shows the text; so does keyboard focus.
  const help = helpButtons(p99);
  const pop = help.locator('xpath=following-sibling::*[1]');
  // Hovered again until it shows: on a busy machine the panel may still lay itself out (or its row
  // re-render) under a pointer that was already there, which no mouseenter follows.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await help.hover();
    await expect(pop).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await expect(pop).toContainText('1 in 100');
  await page.mouse.move(0, 0);
  await expect(pop).toBeHidden();
  await help.focus();
  await expect(pop).toBeVisible();
  // Every chart has help as well.
  const charts = page.locator('figure.chart');
  await expect(charts.first()).toBeVisible();
  for (let i = 0; i < (await charts.count()); i++) await expect(helpButtons(charts.nth(i))).toHaveAccessibleDescription(/\w.{30,}/);
});

test('"All figures" labels every figure, formats it by its unit (instance counts are not milliseconds) and has help for each', async ({ lab, page }) => {
  await lab.goto();
  await lab.loadScenario({ version: 1, durationS: 3, warmupS: 0 }, 'short.json');
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  await page.getByText('All figures', { exact: true }).click();
  const list = page.locator('.report-list');
  const instancesMax = list.locator('[data-figure="queryService.instances.max"]');
  await expect(instancesMax).toContainText('Query service: most serving at once');
  await expect(instancesMax).toContainText('queryService.instances.max');
  await expect(instancesMax.locator('dd')).toHaveText('2 instances');
  await expect(list.locator('[data-figure="queries.latencyMs.p99"] dd')).toHaveText(/^\d+(\.\d+)? ms$/);
  const entries = list.locator('div[data-figure]');
  const n = await entries.count();
  expect(n).toBeGreaterThan(100);
  const withoutHelp = await entries.evaluateAll((ds) =>
    ds.filter((d) => (d.querySelector('.help-pop')?.textContent ?? '').length < 20 || d.querySelector('.help-pop')?.textContent?.startsWith('Not in')).map((d) => d.getAttribute('data-figure')),
  );
  expect(withoutHelp).toEqual([]);
  for (const d of await entries.evaluateAll((ds) => ds.map((d) => d.querySelector('dd')?.textContent ?? ''))) expect(d).not.toMatch(/NaN|undefined/);
});

test('the glossary opens from the toolbar and from a help text, at the term', async ({ lab, page }) => {
  await lab.goto();
  await lab.button('Glossary').click();
  const dialog = page.getByRole('dialog', { name: 'Glossary' });
  await expect(dialog).toBeVisible();
  for (const term of ['Projector', 'Consumer group', 'Partition', 'Stale read', 'Read-your-writes', 'p50, p95, p99 (percentiles)', 'Zipf distribution', 'Utilisation', 'Cold start (boot time)', 'Eventual consistency']) {
    await expect(dialog.getByRole('term').filter({ hasText: term }).first()).toBeVisible();
  }
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // From a field's help: Zipf skew's help leads to the Zipf entry.
  await partTab(page, 'Clients').click();
  const help = page.getByRole('button', { name: 'About Zipf skew s' });
  await help.click();
  await page.getByRole('button', { name: 'Zipf distribution' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('term').filter({ hasText: 'Zipf distribution' })).toBeFocused();
});

test('after "Step 1 s" every chart draws what its legend shows', async ({ lab, page }) => {
  await lab.goto();
  await lab.button('Step 1 s').click();
  await expect(lab.simTime).toHaveText('1.0 s');
  const charts = page.locator('figure.chart');
  await expect(charts.first().locator('.legend')).toContainText('t = 1 s');
  for (let i = 0; i < (await charts.count()); i++) {
    // A drawn line has two points at least; a lone point is a dot.
    const drawn = await charts.nth(i).evaluate((fig) => {
      const lines = [...fig.querySelectorAll('svg > g > path')].filter((p) => ((p.getAttribute('d') ?? '').match(/L/g) ?? []).length >= 1);
      return lines.length + fig.querySelectorAll('circle.dot').length;
    });
    expect(drawn, `chart ${i}`).toBeGreaterThan(0);
  }
});

test('an instance label gives its queue length its own word', async ({ lab, page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await lab.goto();
  await lab.loadScenario('e2e/scenarios/saturated-queries.json', 'saturated-queries.json');
  await lab.setSpeed('10×');
  await lab.play();
  await lab.waitForFigure('queries.p99', (v) => v > 100);
  const labels = page.locator('.topology text.topo-label');
  await expect(labels.filter({ hasText: /^q1 \d+% · \d+ queued$/ })).toHaveCount(1);
  const texts = await labels.allTextContents();
  expect(texts.filter((t) => /^[cq]\d+ \d+% q\d+$/.test(t))).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`load bars have at least 3:1 contrast against their box, and axe is clean after a run with markers (${theme})`, async ({ lab, page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await runWithHappenings(lab);
    const ratios = await page.evaluate(() => {
      const css = getComputedStyle(document.documentElement);
      const rgb = (v: string) => {
        let h = css.getPropertyValue(v).trim().replace('#', '');
        if (h.length === 3) h = [...h].map((c) => c + c).join('');
        return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      };
      const lum = (v: string) => {
        const [r, g, b] = rgb(v);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
      return ['--load-low', '--load-mid', '--load-high'].map((v) => ({ v, idle: ratio(v, '--idle'), panel: ratio(v, '--panel') }));
    });
    for (const r of ratios) {
      expect(r.idle, `${r.v} on --idle`).toBeGreaterThanOrEqual(3);
      expect(r.panel, `${r.v} on --panel`).toBeGreaterThanOrEqual(3);
    }
    const help = page.getByRole('button', { name: 'About Request rate' });
    await help.click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
