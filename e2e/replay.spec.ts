import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

/** The CLI's JSON report of a scenario file, exactly as `npm run sim -- <file> --json` prints it. */
function cliReport(file: string): string {
  return execFileSync('npx', ['tsx', 'cli/cli.ts', file, '--json'], { encoding: 'utf8' });
}

const withoutWall = (json: string) => json.replace(/"wallMs": [\d.eE+-]+/, '"wallMs": 0');

// Every example scenario (lognormal latencies, Zipf keys, retries, faults, auto-scaling,
// interventions): some once differed in their last digits between Node and Chromium, because
// Math.log and friends are not the same in both (the engine must use its own).
const files = [
  'e2e/scenarios/replay.json',
  'e2e/scenarios/stale-cache.json',
  ...readdirSync('scenarios')
    .filter((f) => f.endsWith('.json'))
    .map((f) => `scenarios/${f}`),
];
for (const file of files) {
  test(`${file} run in the page gives the same report as the CLI, byte for byte apart from wallMs`, async ({ lab }) => {
    const expected = cliReport(file);
    await lab.goto();
    await lab.loadScenario(file, file.split('/').pop()!);
    await lab.setSpeed('Fastest');
    await lab.play();
    await expect(lab.status).toHaveText('done', { timeout: 0 });
    const report = await lab.download('Save report (JSON)');
    expect(withoutWall(report)).toBe(withoutWall(expected));
  });
}

test('a run changed live replays exactly from its saved scenario', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario({ version: 1, name: 'live changes', durationS: 20, warmupS: 2, workload: { rps: 600 } }, 'live.json');
  // The changes at 2 s and 4 s, by steps: at 5x the 20 s run took 4 s of wall time, and a busy
  // machine could reach its end before the second click.
  await lab.stepTo(2);
  await lab.openPart(/^Query service:/);
  await lab.page.getByRole('button', { name: 'Increase Instances' }).click();
  await expect(lab.page.getByRole('list', { name: 'Interventions' }).getByRole('listitem')).toHaveCount(1);
  await lab.stepTo(4);
  await lab.openPart(/^Cache:/);
  await lab.page.getByLabel('Cache on').click();
  await expect(lab.page.getByLabel('Cache on')).toBeChecked();
  await expect(lab.page.getByRole('list', { name: 'Interventions' }).getByRole('listitem')).toHaveText([/^2(\.\d+)? s: /, /^4(\.\d+)? s: /]);
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  const live = await lab.download('Save report (JSON)');
  const scenario = await lab.download('Save scenario');
  expect(JSON.parse(scenario).interventions.map((iv: { set: string }) => iv.set)).toEqual(['queryService.instances', 'cache.enabled']);
  // Replay the saved file in a fresh page, as a person opening a shared scenario would.
  await lab.goto();
  await lab.loadScenario(JSON.parse(scenario), 'shared.json');
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  expect(withoutWall(await lab.download('Save report (JSON)'))).toBe(withoutWall(live));
});

test('a shared link opens the same scenario and replays the same run', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario('e2e/scenarios/replay.json', 'replay.json');
  await lab.button('Share link').click();
  await expect(lab.page.getByRole('status').filter({ hasText: 'links to this scenario with its 2 interventions' })).toBeVisible();
  const link = lab.page.url();
  expect(link).toContain('#s=2.');
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  const first = await lab.download('Save report (JSON)');
  const other = await lab.page.context().newPage();
  await other.goto(link);
  await expect(other.getByRole('status').filter({ hasText: 'Loaded the shared link.' })).toBeVisible();
  await other.getByRole('combobox', { name: 'Speed', exact: true }).selectOption({ label: 'Fastest' });
  await other.getByRole('button', { name: 'Play' }).click();
  await expect(other.getByRole('status', { name: 'Run status' })).toHaveText('done', { timeout: 0 });
  const [dl] = await Promise.all([other.waitForEvent('download'), other.getByRole('button', { name: 'Save report (JSON)' }).click()]);
  expect(withoutWall(readFileSync(await dl.path(), 'utf8'))).toBe(withoutWall(first));
});
