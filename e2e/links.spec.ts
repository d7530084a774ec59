/**
 * Links that last: a run with live changes goes through a compressed link to the same report,
 * the address follows the scenario without adding history, and saved links of every format load.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const corpus = JSON.parse(readFileSync('src/lib/fixtures/linkCorpus.json', 'utf8')) as { links: { format: number; from: string; hash: string }[] };
const withoutWall = (json: string) => json.replace(/"wallMs":\s*[\d.]+/, '"wallMs":0');

test('a run with live changes round-trips through a link to the same report, byte for byte', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario('e2e/scenarios/replay.json', 'replay.json');
  await lab.play();
  await lab.waitForSimTime(2);
  await lab.openPart(/^Query service:/);
  await lab.page.getByRole('button', { name: 'Increase Instances' }).click();
  await lab.waitForSimTime(4);
  await lab.openPart(/^Cache:/);
  await lab.page.getByLabel('Cache on').click();
  await expect(lab.page.getByRole('list', { name: 'Interventions' }).getByRole('listitem')).toHaveCount(4);
  await lab.setSpeed('Fastest');
  await expect(lab.status).toHaveText('done');
  const live = await lab.download('Save report (JSON)');
  await lab.button('Share link').click();
  await expect(lab.page.getByRole('status').filter({ hasText: 'links to this scenario with its 4 interventions' })).toBeVisible();
  const link = lab.page.url();
  expect(link).toMatch(/#s=2\.[\w-]+$/);
  expect(new URL(link).hash.length).toBeLessThan(1000);

  const other = await lab.page.context().newPage();
  await other.goto(link);
  await expect(other.getByRole('status').filter({ hasText: 'Loaded the shared link.' })).toBeVisible();
  await other.getByRole('combobox', { name: 'Speed', exact: true }).selectOption({ label: 'Fastest' });
  await other.getByRole('button', { name: 'Play' }).click();
  await expect(other.getByRole('status', { name: 'Run status' })).toHaveText('done');
  const [dl] = await Promise.all([other.waitForEvent('download'), other.getByRole('button', { name: 'Save report (JSON)' }).click()]);
  expect(withoutWall(readFileSync(await dl.path(), 'utf8'))).toBe(withoutWall(live));
});

test('the address follows live changes without adding history entries, and a reload keeps them', async ({ lab, page }) => {
  await lab.goto();
  const entries = await page.evaluate(() => history.length);
  await lab.play();
  await lab.openPart(/^Query service:/);
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Increase Instances' }).click();
    await lab.waitForSimTime((await lab.simTimeS()) + 0.5);
  }
  await expect(page.getByRole('list', { name: 'Interventions' }).getByRole('listitem')).toHaveCount(3);
  await lab.pause();
  // Throttled to once a second: the last change reaches the address within a few seconds.
  await expect.poll(async () => {
    const url = page.url();
    if (!url.includes('#s=2.')) return -1;
    const check = await page.context().newPage();
    await check.goto(url);
    await expect(check.getByRole('status').filter({ hasText: 'Loaded the shared link.' })).toBeVisible();
    // The settings panel (and its list) loads after the first screen: wait for it, then count.
    const list = check.getByRole('list', { name: 'Interventions' });
    await list.waitFor();
    const n = await list.getByRole('listitem').count();
    await check.close();
    return n;
  }, { timeout: 60_000 }).toBe(3); // each try opens a page: seconds each on a busy machine
  expect(await page.evaluate(() => history.length)).toBe(entries);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Loaded the shared link.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Interventions' }).getByRole('listitem')).toHaveCount(3);
});

test('every saved link of the corpus (both formats) loads in the page', async ({ lab, page }) => {
  await lab.goto();
  for (const e of corpus.links) {
    await page.goto('about:blank'); // a new document each time, not a hash change
    await page.goto(`/${e.hash}`);
    await expect(page.getByRole('status').filter({ hasText: 'Loaded the shared link.' }), `${e.format} ${e.from}`).toBeVisible();
    await expect(lab.status).toHaveText('ready');
  }
});
