/** The Examples menu, an unknown example, embed mode, the welcome, the idle hint, "Run again" and an example's sides in a study. */
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const withoutWall = (json: string) => json.replace(/"wallMs": [\d.eE+-]+/, '"wallMs": 0');

test('the Examples menu works from the keyboard: open, move, choose; the notes and the address follow', async ({ lab }) => {
  await lab.goto();
  const menuButton = lab.button('Examples');
  await menuButton.focus();
  await lab.page.keyboard.press('Enter');
  const menu = lab.page.getByRole('dialog', { name: 'Examples' });
  await expect(menu).toBeVisible();
  // The first example of q1 has the focus.
  await expect(menu.getByRole('button', { name: 'Scaling one side without the other' })).toBeFocused();
  await lab.page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();

  await lab.page.keyboard.press('Enter');
  await expect(menu.getByRole('heading', { name: /^q4:/ })).toBeVisible();
  // Down the list until the hot shard, then Enter.
  for (let i = 0; i < 12 && !(await menu.getByRole('button', { name: /hot shard/i }).evaluate((b) => b === document.activeElement)); i++) {
    await lab.page.keyboard.press('ArrowDown');
  }
  await lab.page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  const notes = lab.page.getByRole('region', { name: /A hot shard/ });
  await expect(notes).toContainText('What to look at');
  await expect(lab.page).toHaveURL(/\?example=hot-shard(#|$)/);

  // The other side of the comparison: one button.
  await notes.getByRole('button', { name: 'Hash partitioning' }).click();
  await expect(notes.getByRole('button', { name: 'Hash partitioning' })).toHaveAttribute('aria-pressed', 'true');
  await expect(lab.page).toHaveURL(/\?example=hot-shard-hash(#|$)/);
  await expect(lab.page.getByRole('status').filter({ hasText: 'Hash partitioning' })).toBeVisible();

  // Loading a file forgets the example: its notes go, and so does ?example= from the address.
  await lab.loadScenario({ version: 1, name: 'mine' }, 'mine.json');
  await expect(notes).toBeHidden();
  await expect(lab.page).not.toHaveURL(/example=/);
});

test('an unknown ?example= id says so in one sentence and the page keeps a working scenario', async ({ lab }) => {
  await lab.page.goto('/?example=no-such-thing');
  await expect(lab.page.getByRole('status').filter({ hasText: 'There is no example called "no-such-thing". Known examples: flash-sale' })).toBeVisible();
  await expect(lab.status).toHaveText('ready');
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
});

test('?embed=1&example= shows the example in the compact page, with no welcome', async ({ lab }) => {
  await lab.page.setViewportSize({ width: 720, height: 520 });
  await lab.page.goto('/?embed=1&example=indexing');
  const notes = lab.page.getByRole('region', { name: /Indexing the read model/ });
  await expect(notes).toContainText('What to look at');
  await expect(lab.page.getByRole('region', { name: 'Welcome to the lab' })).toHaveCount(0);
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
});

test('"Copy embed code" names the loaded example, and its snippet opens the example with its notes in a frame-sized page', async ({ lab, page }) => {
  await page.goto('/?example=cache-invalidation-event');
  await expect(page.getByRole('region', { name: /Cache expiry/ })).toBeVisible();
  await lab.button('Copy embed code…').click();
  const code = page.getByRole('dialog', { name: 'Copy embed code' }).getByRole('textbox', { name: 'Embed code' });
  await expect(code).toHaveValue(/\?embed=1&amp;example=cache-invalidation-event&amp;panels=topology,charts#s=2\./);
  const src = /src="([^"]+)"/.exec(await code.inputValue())![1].replace(/&amp;/g, '&');
  await page.setViewportSize({ width: 720, height: 520 });
  await page.goto('about:blank');
  await page.goto(src);
  const notes = page.getByRole('region', { name: /Cache expiry/ });
  await expect(notes.getByRole('button', { name: 'Event-driven' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Loaded the shared link.' })).toBeAttached();
});

test('the welcome shows on the first visit only; "Start the first lab" opens ?lab=q1', async ({ lab }) => {
  await lab.goto();
  const welcome = lab.page.getByRole('region', { name: 'Welcome to the lab' });
  await expect(welcome).toBeVisible();
  await welcome.getByRole('button', { name: 'Explore freely' }).click();
  await expect(welcome).toBeHidden();
  await lab.page.reload();
  await expect(lab.status).toHaveText('ready');
  await expect(welcome).toHaveCount(0);

  await lab.page.evaluate(() => localStorage.clear());
  await lab.page.reload();
  await welcome.getByRole('button', { name: 'Start the first lab' }).click();
  // The address follows the scenario (a #s= link, at most once a second): on a busy machine it may
  // already be there when this check runs.
  await expect(lab.page).toHaveURL(/\?lab=q1(#s=[\w.-]+)?$/);
  await expect(welcome).toHaveCount(0);
});

test("an example's two sides open in the study panel as an A/B, and run on the same seeds", async ({ lab }) => {
  await lab.page.goto('/?example=hot-shard');
  const notes = lab.page.getByRole('region', { name: /A hot shard/ });
  await notes.getByRole('button', { name: 'Compare both in a study' }).click();
  const study = lab.page.getByRole('region', { name: 'Study', exact: true });
  await expect(study.getByRole('radio', { name: 'A/B compare' })).toBeChecked();
  await expect(study).toContainText('Scenario of the loaded study: A hot shard: range against hash partitioning');
  await expect(study.getByRole('combobox', { name: 'Field 1' })).toHaveValue('writeStore.partitioning');
  await expect(study.getByRole('textbox', { name: 'Value 1' })).toHaveValue('hash');
  await expect(study.getByRole('status').filter({ hasText: 'A: Range partitioning; B: Hash partitioning.' })).toBeVisible();
  await study.getByRole('spinbutton', { name: 'Replications (seeds)' }).fill('2');
  await study.getByRole('button', { name: 'Run study' }).click();
  await expect(study.getByRole('status', { name: 'Study status' })).toHaveText('done', { timeout: 0 });
  // Range partitioning puts the writes on one shard: command p99 near 2 s against 31 ms, beyond the noise.
  const table = lab.page.getByRole('region', { name: 'Study results' }).getByRole('table');
  const p99 = table.getByRole('row').filter({ has: lab.page.getByRole('rowheader', { name: '(commands.latencyMs.p99)' }) });
  await expect(p99.getByRole('cell').last()).toHaveText('yes');
  expect(lab.consoleErrors).toEqual([]);
});

test('an idle page says what to do next: before a run, and while paused', async ({ lab }) => {
  await lab.goto();
  const hint = lab.page.getByRole('region', { name: 'What to do next' });
  await expect(hint).toContainText('Nothing has run yet. Press Play');
  await hint.getByRole('button', { name: 'Show the examples' }).click();
  await expect(lab.page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: 'Scaling one side without the other' })).toBeFocused();
  await lab.page.keyboard.press('Escape');
  await lab.play(); // at 1x: the 60 s run is still going when Pause is pressed
  await expect(hint).toBeHidden();
  await lab.waitForSimTime(1);
  await lab.pause();
  await expect(hint).toContainText(/Paused at [\d.]+ s\. Press Play to go on/);
});

test('with a lab open, the idle hint points at the lab\u2019s steps instead of the examples', async ({ lab }) => {
  await lab.page.goto('/?lab=q1');
  // The lab first runs its starting system (observe first), so the fresh page it opens on lasts a
  // moment only (a load test caught it gone). Reset after that run brings a lab's page back to it.
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  await lab.button('Reset').click();
  await expect(lab.status).toHaveText('ready');
  const hint = lab.page.getByRole('region', { name: 'What to do next' });
  await expect(hint).toContainText(/Nothing has run yet\. Press Play .*the lab.s steps say what to set first\./);
  await expect(hint.getByRole('button', { name: 'Show the examples' })).toHaveCount(0);
});

test('"Run again" replays the changes made during the run, says so, and gives the same report; Reset drops them', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario({ version: 1, name: 'run again', durationS: 20, warmupS: 2, workload: { rps: 600 } }, 'again.json');
  // The change at 2 s, by steps: at 5x the 20 s run took 4 s of wall time, and a busy machine could
  // reach its end before the click.
  await lab.stepTo(2);
  await lab.openPart(/^Query service:/);
  await lab.page.getByRole('button', { name: 'Increase Instances' }).click();
  await expect(lab.page.getByRole('list', { name: 'Interventions' }).getByRole('listitem')).toHaveText([/^2(\.\d+)? s: /]);
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  const first = await lab.download('Save report (JSON)');

  const again = lab.button('Run again');
  await expect(again).toHaveAccessibleDescription('Run again keeps your change; Reset drops it.');
  await again.click();
  await expect(lab.page.getByRole('status').filter({ hasText: 'Running again with the change you made during the run' })).toBeVisible();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  expect(withoutWall(await lab.download('Save report (JSON)'))).toBe(withoutWall(first));
  await expect(lab.page.getByRole('list', { name: 'Interventions' }).getByRole('listitem')).toHaveCount(1);

  await lab.button('Reset').click();
  await expect(lab.status).toHaveText('ready');
  await expect(lab.page.getByText('Run again keeps your change')).toHaveCount(0);
  await expect(lab.page.getByRole('list', { name: 'Interventions' }).getByRole('listitem')).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations with the welcome and the Examples menu open, then with an example's notes (${theme})`, async ({ lab }) => {
    await lab.page.emulateMedia({ colorScheme: theme });
    await lab.goto();
    const welcome = lab.page.getByRole('region', { name: 'Welcome to the lab' });
    await expect(welcome).toBeVisible();
    await lab.button('Examples').click();
    expect(await seriousViolations(lab.page)).toEqual([]);
    await lab.page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: 'Indexing the read model' }).click();
    await expect(lab.page.getByRole('region', { name: /Indexing the read model/ })).toBeVisible();
    // Choosing an example answers the welcome: it goes.
    await expect(welcome).toHaveCount(0);
    await lab.button('Examples').click();
    await expect(lab.page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: 'Indexing the read model' })).toBeFocused();
    expect(await seriousViolations(lab.page)).toEqual([]);
  });
}
