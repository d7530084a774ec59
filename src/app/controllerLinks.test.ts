/** The page's links, sharing, downloads and embed locks, driven headless through the controller. */
import { describe, expect, it } from 'vitest';
import { fieldLocks } from '../embed/locks';
import { linkHash, readLink } from '../lib/shareLink';
import { createTestController } from './testController';

/** The scenario a link holds, parsed. */
async function linked(hash: string) {
  const read = await readLink(hash);
  if (read.kind !== 'scenario') throw new Error(`not a scenario link: ${read.kind}`);
  return JSON.parse(read.text) as { seed: number; interventions: unknown[]; queryService: { instances: number } };
}

describe('controller: links and sharing', () => {
  it('controller.init() loads the scenario in the address\u2019s link', async () => {
    const hash = await linkHash({ version: 1, seed: 11, queryService: { instances: 5 } });
    const p = createTestController({ href: `https://lab.test/${hash}` });
    expect(await p.controller.init()).toBe(true);
    expect(p.scenario.getState().scenario.seed).toBe(11);
    expect(p.scenario.getState().scenario.queryService.instances).toBe(5);
    expect(p.run.getState().notice).toBe('Loaded the shared link.');
  });

  it('controller.init() with a damaged link says so in one sentence, clears the address and shows the built-in scenario', async () => {
    const p = createTestController({ href: 'https://lab.test/?x=1#s=2.AAAA' });
    expect(await p.controller.init()).toBe(false);
    expect(p.run.getState().notice).toBe('This link is damaged or incomplete, so the built-in scenario is shown instead.');
    expect(p.host.address).toBe('https://lab.test/?x=1');
    expect(p.scenario.getState().scenario.seed).toBe(1);
  });

  it('a link pasted into the open page loads; a damaged one keeps the run', async () => {
    const p = createTestController();
    await p.controller.init();
    p.host.navigate(await linkHash({ version: 1, seed: 23 }));
    await expect.poll(() => p.controller.linksHandled()).toBe(1);
    expect(p.scenario.getState().scenario.seed).toBe(23);
    p.host.navigate('#s=2.not-a-link');
    await expect.poll(() => p.controller.linksHandled()).toBe(2);
    expect(p.scenario.getState().scenario.seed).toBe(23);
    expect(p.run.getState().notice).toBe('This link is damaged or incomplete, so the page keeps its current scenario.');
  });

  it('the address follows the scenario, at most once a second: a reload would bring the change back', async () => {
    const p = createTestController();
    await p.controller.init();
    expect(await p.controller.change('queryService.instances', 6)).toBe(true);
    await p.passWall(1000);
    await expect.poll(() => new URL(p.host.address).hash).not.toBe('');
    expect((await linked(new URL(p.host.address).hash)).queryService.instances).toBe(6);
  });

  it('controller.shareLink() puts the run and its interventions in the address and copies it', async () => {
    const p = createTestController();
    await p.controller.init();
    await p.controller.play();
    await p.passWall(1100);
    expect(await p.controller.change('queryService.instances', 3)).toBe(true);
    await p.controller.shareLink();
    expect(p.run.getState().notice).toBe('The address now links to this scenario with its 1 intervention (copied).');
    expect(p.host.copied).toEqual([p.host.address]);
    const s = await linked(new URL(p.host.address).hash);
    expect(s.interventions).toEqual([{ atS: expect.closeTo(1.1, 1), set: 'queryService.instances', value: 3 }]);
    expect(s.queryService.instances).toBe(2); // the loaded value: the change replays at its time
    expect(new URL(p.host.address).hash).toBe(await p.controller.currentLink());
  });

  it('controller.shareLink() in a frame leaves the host\u2019s address alone and shows the link when it cannot copy', async () => {
    const p = createTestController({ inFrame: true, href: 'https://lab.test/embed?embed=1&lock=seed' });
    await p.controller.init();
    p.host.clipboard = false;
    await p.controller.shareLink();
    expect(p.host.address).toBe('https://lab.test/embed?embed=1&lock=seed');
    expect(p.host.announced).toHaveLength(1);
    expect(p.host.announced[0]).toMatch(/^https:\/\/lab\.test\/embed#s=2\./);
    expect(p.run.getState().notice).toBe(`Link to this scenario: ${p.host.announced[0]}`);
  });

  it('controller.saveScenario() and saveReport() download the scenario with its interventions and the report', async () => {
    const p = createTestController();
    await p.controller.init();
    expect(await p.controller.loadText(JSON.stringify({ version: 1, name: 'my run', durationS: 5, warmupS: 1 }), 'mine.json')).toBe(true);
    await p.controller.setSpeed('max');
    await p.controller.play();
    await p.passWall(50);
    expect(p.run.getState().status).toBe('done');
    await p.controller.saveScenario();
    await p.controller.saveReport();
    expect(p.host.downloads.map((d) => d.fileName)).toEqual(['my-run.json', 'my-run-report.json']);
    expect(p.host.downloads[0].value).toMatchObject({ name: 'my run', durationS: 5, interventions: [] });
    expect(p.host.downloads[1].value).toMatchObject({ scenario: 'my run', simulatedS: 5 });
  });
});

describe('controller: embed locks', () => {
  it('a locked field refuses the learner\u2019s change and a learner\u2019s file keeps it; the host page sets it', async () => {
    const p = createTestController();
    await p.controller.init();
    p.controller.guardFields(fieldLocks(['queryService.instances']));
    p.controller.pinLockedFields();
    expect(p.controller.lockedFields()).toEqual(['queryService.instances']);

    expect(await p.controller.change('queryService.instances', 5)).toBe(false);
    expect(p.scenario.getState().fieldProblems['queryService.instances']).toBe('is set by the course page and cannot be changed here');
    expect((await p.controller.scenarioNow())!.queryService.instances).toBe(2);

    const file = JSON.stringify({ version: 1, seed: 4, queryService: { instances: 9 } });
    expect(await p.controller.loadText(file, 'theirs.json')).toBe(true);
    expect(p.run.getState().notice).toBe('Loaded theirs.json. The course page sets queryService.instances: it keeps its value.');
    expect(p.scenario.getState().scenario).toMatchObject({ seed: 4, queryService: { instances: 2 } });

    expect(await p.controller.change('queryService.instances', 7, { host: true })).toBe(true);
    expect((await p.controller.scenarioNow())!.queryService.instances).toBe(7);
    // The host's value is what the lock holds from now on: the learner's file keeps 7.
    expect(await p.controller.loadText(file, 'theirs.json')).toBe(true);
    expect(p.scenario.getState().scenario.queryService.instances).toBe(7);
  });
});
