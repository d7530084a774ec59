import { expect, test } from './fixtures';

test('the topology shows the default scenario\'s parts and counts', async ({ lab }) => {
  await lab.goto();
  const part = (name: RegExp) => lab.page.getByRole('button', { name });
  await expect(part(/^Command service: 2 instances \(2 ready\)/)).toBeVisible();
  await expect(part(/^Query service: 2 instances \(2 ready\)/)).toBeVisible();
  await expect(part(/^Write store: 4 shards, hash/)).toBeVisible();
  await expect(part(/^Event stream: 8 partitions, 2 projectors/)).toBeVisible();
  await expect(part(/^Read store: primary and 2 replicas/)).toBeVisible();
  await expect(part(/^Cache: off/)).toBeVisible();
});

test('the topology shows the counts of a loaded scenario', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario({
    version: 1,
    commandService: { instances: 3 },
    queryService: { instances: 5 },
    writeStore: { shards: 6, partitioning: 'range' },
    eventStream: { partitions: 4, projectors: 3 },
    readStore: { replicas: 1 },
    cache: { enabled: true, nodes: 2 },
  });
  const part = (name: RegExp) => lab.page.getByRole('button', { name });
  await expect(part(/^Command service: 3 instances/)).toBeVisible();
  await expect(part(/^Query service: 5 instances/)).toBeVisible();
  await expect(part(/^Write store: 6 shards, range/)).toBeVisible();
  await expect(part(/^Event stream: 4 partitions, 3 projectors/)).toBeVisible();
  await expect(part(/^Read store: primary and 1 replica,?/)).toBeVisible();
  await expect(part(/^Cache: 2 nodes/)).toBeVisible();
});

test('selecting a part with the keyboard opens its settings', async ({ lab }) => {
  await lab.goto();
  await lab.page.getByRole('button', { name: /^Write store:/ }).focus();
  await lab.page.keyboard.press('Enter');
  await expect(lab.page.getByRole('heading', { name: 'Settings: Write store' })).toBeVisible();
  await expect(lab.page.getByLabel('Shards', { exact: true })).toHaveValue('4');
});

test('the +/- buttons on the topology add and remove instances while running', async ({ lab }) => {
  await lab.goto();
  await lab.play(); // at 1x: the 60 s run outlasts the clicks (at 5x a busy machine could see it end first)
  await lab.button('Add one query instance').click();
  await expect(lab.page.getByRole('button', { name: /^Query service: 3 instances \(3 ready\)/ })).toBeVisible();
  await lab.button('Remove one read replica').click();
  await expect(lab.page.getByRole('button', { name: /^Read store: primary and 1 replica,?/ })).toBeVisible();
  await expect(lab.page.getByRole('list', { name: 'Interventions' }).getByRole('listitem')).toHaveCount(2);
});
