/** Exports of a finished run: each downloads a file that parses, named after the scenario. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const scenario = { version: 1, name: 'export me', seed: 3, durationS: 12, warmupS: 2 };

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), body: readFileSync((await dl.path())!) };
}

test('a finished run exports its series as the CLI writes it, each figure as SVG and PNG, and the report named after the scenario', async ({ lab, page }) => {
  await lab.goto();
  await lab.loadScenario(scenario, 'export.json');
  await lab.setSpeed('Fastest');
  await lab.button('Play').click();
  await expect(lab.status).toHaveText('done', { timeout: 0 });

  const report = await download(page, () => lab.button('Save report (JSON)').click());
  expect(report.name).toBe('export-me-report.json');
  expect(JSON.parse(report.body.toString()).scenario).toBe('export me');

  const csv = await download(page, () => lab.button('Series (CSV)').click());
  expect(csv.name).toBe('export-me-series.csv');
  const rows = csv.body.toString().trimEnd().split('\n');
  expect(rows.length - 1).toBe(12); // one row per 1 s window
  const dir = mkdtempSync(join(tmpdir(), 'lab-export-'));
  writeFileSync(join(dir, 's.json'), JSON.stringify(scenario));
  const cli = execFileSync('npx', ['tsx', 'cli/cli.ts', join(dir, 's.json'), '--series', join(dir, 's.csv')], { encoding: 'utf8' });
  expect(cli.length).toBeGreaterThan(0);
  expect(csv.body.toString()).toBe(readFileSync(join(dir, 's.csv'), 'utf8'));

  const select = page.getByRole('combobox', { name: 'Figure' });
  await select.focus();
  const titles = await select.locator('option').allTextContents();
  expect(titles[0]).toBe('topology');
  expect(titles.length).toBeGreaterThan(3);
  for (const title of [titles[0], titles[1], titles.at(-1)!]) {
    await select.selectOption({ label: title });
    const svg = await download(page, () => lab.button('SVG').click());
    expect(svg.name).toMatch(/^export-me-[\w.-]+\.svg$/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, shapes: doc.querySelectorAll('path, rect, line, circle, text').length };
    }, svg.body.toString());
    expect(parsed).toMatchObject({ error: null, root: 'svg' });
    expect(parsed.shapes).toBeGreaterThan(3);

    const png = await download(page, () => lab.button('PNG').click());
    expect(png.name).toMatch(/^export-me-[\w.-]+\.png$/);
    const size = await page.evaluate(async (b64) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      return { w: bitmap.width, h: bitmap.height };
    }, png.body.toString('base64'));
    expect(size.w).toBeGreaterThan(100);
    expect(size.h).toBeGreaterThan(50);
  }
});

test('the print layout shows the report and the charts without controls', async ({ lab, page }) => {
  await lab.goto();
  await lab.loadScenario(scenario, 'export.json');
  await lab.setSpeed('Fastest');
  await lab.button('Play').click();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('toolbar', { name: 'Run controls' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeHidden();
  await expect(page.getByRole('heading', { name: /^Final report: export me/ })).toBeVisible();
  await expect(page.locator('figure.chart').first()).toBeVisible();
  expect((await page.pdf()).subarray(0, 5).toString()).toBe('%PDF-');
});

/** An exported SVG, parsed in the page: what a reader of the file alone would see. */
async function readSvg(page: Page, text: string) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const root = doc.documentElement;
    const styleOf = (el: Element, prop: string) => new RegExp(`(?:^|;)${prop}:([^;]*)`).exec(el.getAttribute('style') ?? '')?.[1]?.trim() ?? '';
    const legend = [...doc.querySelectorAll('[data-figure="legend"] text')].map((el) => {
      const swatch = el.previousElementSibling;
      return { label: el.textContent ?? '', color: swatch ? styleOf(swatch, swatch.nodeName === 'line' ? 'stroke' : 'fill') : '' };
    });
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: doc.querySelector('[data-figure="title"]')?.textContent ?? '',
      source: doc.querySelector('[data-figure="source"]')?.textContent ?? '',
      texts: [...doc.querySelectorAll('text')].map((el) => el.textContent ?? ''),
      legend,
      seriesColors: Object.fromEntries([...doc.querySelectorAll('path[data-series]')].map((p) => [p.getAttribute('data-series'), styleOf(p, 'stroke')])),
      controls: doc.querySelectorAll('[role="button"], [tabindex], [data-no-export]').length,
      titles: [...doc.querySelectorAll('title')].map((el) => el.textContent ?? ''),
      frames: [...doc.querySelectorAll('g[data-part] > rect:first-child')].map((r) => `${styleOf(r, 'stroke')} ${styleOf(r, 'stroke-width')} ${styleOf(r, 'stroke-dasharray')}`),
      background: [...root.children].filter((c) => c.nodeName === 'rect').map((r) => styleOf(r, 'fill'))[0] ?? '',
    };
  }, text);
}

async function pngSize(page: Page, body: Buffer): Promise<{ w: number; h: number }> {
  return page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    return { w: bitmap.width, h: bitmap.height };
  }, body.toString('base64'));
}

test('an exported chart stands alone (title, axes with units, legend in the series\u2019 colours, scenario and seed); the topology without its buttons or a selection outline', async ({ lab, page }) => {
  await lab.goto();
  await lab.loadScenario(scenario, 'export.json');
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  const select = page.getByRole('combobox', { name: 'Figure' });
  await select.focus();

  await select.selectOption({ label: 'Query throughput' });
  const chartSvg = await download(page, () => lab.button('SVG').click());
  const chart = await readSvg(page, chartSvg.body.toString());
  expect(chart.error).toBeNull();
  expect(chart.title).toBe('Query throughput');
  expect(chart.source).toBe('Scenario: export me · seed 3');
  expect(chart.texts).toEqual(expect.arrayContaining(['simulated time (s)', 'requests / s']));
  expect(chart.legend.map((e) => e.label)).toEqual(['offered', 'completed', 'rejected', 'timed out', 'failed', 'retries']);
  for (const e of chart.legend) {
    expect(e.color, e.label).toMatch(/^rgb/);
    expect(e.color, e.label).toBe(chart.seriesColors[e.label]);
  }
  expect(new Set(chart.legend.map((e) => e.color)).size).toBe(6);
  // The PNG is that same figure drawn at twice its size: header and legend included.
  const chartPng = await download(page, () => lab.button('PNG').click());
  writeFileSync(test.info().outputPath('query-throughput.png'), chartPng.body);
  const drawnH = (await page.getByRole('img', { name: /^Query throughput:/ }).boundingBox())!.height;
  expect(chart.height).toBeGreaterThan(drawnH + 60);
  expect(await pngSize(page, chartPng.body)).toEqual({ w: chart.width * 2, h: chart.height * 2 });

  // A part selected (its frame drawn in the accent colour) and the pointer on a +/- button while
  // the export is made with the keyboard: a click on SVG would move the pointer off the button.
  await lab.openPart(/^Query service:/);
  const pageFrames = await page.locator('.topology g[data-part] > rect:first-child').evaluateAll((rs) => rs.map((r) => getComputedStyle(r).stroke));
  expect(new Set(pageFrames).size, 'the page draws the selected frame apart').toBe(2);
  const plus = lab.button('Add one query instance');
  await plus.hover();
  await select.focus();
  await select.selectOption({ label: 'topology' });
  await lab.button('SVG').focus();
  const hovered = () => plus.evaluate((b) => b.matches(':hover'));
  expect(await hovered()).toBe(true);
  const topoSvg = await download(page, () => page.keyboard.press('Enter'));
  expect(await hovered(), 'the pointer stayed on the + button through the export').toBe(true);
  const topo = await readSvg(page, topoSvg.body.toString());
  expect(topo.error).toBeNull();
  expect(topo.title).toBe('Topology');
  expect(topo.source).toBe('Scenario: export me · seed 3');
  expect(topo.controls).toBe(0);
  expect(topo.texts.filter((t) => t === '+' || t === '−')).toEqual([]);
  expect(topo.titles.filter((t) => /^(Add|Remove) one/.test(t))).toEqual([]);
  expect(topo.frames.length).toBe(7);
  expect(new Set(topo.frames).size, topo.frames.join(' | ')).toBe(1);
  expect(topo.legend.map((e) => e.label)).toEqual(expect.arrayContaining(['load < 70%', '≥ 90%']));
  const topoPng = await download(page, () => lab.button('PNG').click());
  writeFileSync(test.info().outputPath('topology.png'), topoPng.body);
  expect(await pngSize(page, topoPng.body)).toEqual({ w: topo.width * 2, h: topo.height * 2 });

  // In the dark theme the figure carries the dark colours: its legend is the lines as drawn now.
  await lab.button('Dark theme').click();
  await expect(lab.button('Dark theme')).toHaveAttribute('aria-pressed', 'true');
  await select.focus();
  await select.selectOption({ label: 'Query throughput' });
  const dark = await readSvg(page, (await download(page, () => lab.button('SVG').click())).body.toString());
  const darkLines = await page
    .getByRole('img', { name: /^Query throughput:/ })
    .locator('path[data-series]')
    .evaluateAll((ps) => Object.fromEntries(ps.map((p) => [p.getAttribute('data-series'), getComputedStyle(p).stroke])));
  expect(dark.error).toBeNull();
  for (const e of dark.legend) expect(e.color, e.label).toBe(darkLines[e.label]);
  expect(dark.legend.filter((e) => e.color !== chart.seriesColors[e.label]).length, 'some dark line colours differ from the light ones').toBeGreaterThan(0);
  expect(dark.background).not.toBe(chart.background);
});

test('a name with markup and a control character exports an SVG that parses and a PNG; a long name is cut to fit the header', async ({ lab, page }) => {
  const name = 'a<b>&"c"\u001b[2J';
  await lab.goto();
  await lab.loadScenario({ ...scenario, name }, 'hostile.json');
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  const select = page.getByRole('combobox', { name: 'Figure' });
  for (const title of ['topology', 'Query throughput']) {
    await select.focus();
    await select.selectOption({ label: title });
    const svg = await readSvg(page, (await download(page, () => lab.button('SVG').click())).body.toString());
    expect(svg.error, title).toBeNull();
    // The control character is written as a visible escape; the markup characters as text.
    expect(svg.source, title).toBe('Scenario: a<b>&"c"\\x1b[2J · seed 3');
    const png = await download(page, () => lab.button('PNG').click());
    expect(await pngSize(page, png.body), title).toEqual({ w: svg.width * 2, h: svg.height * 2 });
  }
  await expect(page.getByRole('status').filter({ hasText: 'The PNG could not be made' })).toHaveCount(0);

  // A 200-character name: the header line ends with an ellipsis inside the figure's width.
  const long = 'a long scenario name '.repeat(10).slice(0, 200);
  await lab.loadScenario({ ...scenario, name: long }, 'long.json');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  const text = (await download(page, () => lab.button('SVG').click())).body.toString();
  const fit = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const root = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
    document.body.append(root);
    const source = root.querySelector<SVGTextElement>('[data-figure="source"]')!;
    const out = { text: source.textContent ?? '', right: source.getBBox().x + source.getBBox().width, width: Number(root.getAttribute('width')) };
    root.remove();
    return out;
  }, text);
  expect(fit.text).toMatch(/^Scenario: a long scenario name .*… · seed 3$/);
  expect(fit.right).toBeLessThanOrEqual(fit.width);

  // A PNG that cannot be drawn says so (the button did nothing, silently).
  await page.evaluate(() => {
    HTMLImageElement.prototype.decode = () => Promise.reject(new Error('decode refused'));
  });
  await lab.button('PNG').click();
  await expect(page.getByRole('status').filter({ hasText: 'The PNG could not be made (decode refused)' })).toBeVisible();
});
