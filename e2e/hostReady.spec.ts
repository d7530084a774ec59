/**
 * The host API's `ready`: a host that sends commands the moment `ready` arrives is obeyed, and
 * nothing the frame does on its own (its address's lab loading) undoes them afterwards. Each
 * command that changes the frame answers with the state it produced.
 */
import { FIELDS } from '../simulation/fields';
import { expect, test } from './fixtures';
import { cmd, coursePage, got, replyTo, send, type Msg } from './coursePage';

type State = { status: string; scenario: string; lab: string | null; example: string | null; locked: string[]; fields: Record<string, unknown> };
const stateOf = (m: Msg) => ((m.result as { state?: State }).state ?? m.result) as State;

const SET = cmd('set', 'set', { path: 'writeStore.partitioning', value: 'hash' });
const EXAMPLE = cmd('loadExample', 'example', { example: 'hot-shard-hash' });
const LAB = cmd('loadLab', 'lab', { lab: 'q2' });
const STATE = cmd('getState', 'state');

const ONE_AT_A_TIME: [string, object, (s: State) => void][] = [
  ['set writeStore.partitioning', SET, (s) => expect(s).toMatchObject({ lab: 'q4', scenario: 'Lab 4: one hot shard', fields: { 'writeStore.partitioning': 'hash' } })],
  ['loadExample', EXAMPLE, (s) => expect(s).toMatchObject({ lab: null, example: 'hot-shard-hash', fields: { 'writeStore.partitioning': 'hash' } })],
  ['loadLab q2', LAB, (s) => expect(s).toMatchObject({ lab: 'q2', example: null, scenario: 'Lab 2: one query instance is not enough' })],
  ['getState', STATE, (s) => expect(s).toMatchObject({ lab: 'q4', scenario: 'Lab 4: one hot shard', fields: { 'writeStore.partitioning': 'range' } })],
];
for (const [title, command, check] of ONE_AT_A_TIME) {
  test(`${title} sent on ready to ?embed=1&lab=q4 is obeyed, answered with its state, and stays`, async ({ page }) => {
    const frame = await coursePage(page, '/?embed=1&lab=q4', [command]);
    const id = (command as { id: string }).id;
    const reply = await replyTo(page, id);
    expect(reply.type, `${id}: ${String(reply.message)}`).toBe('cqrs-lab:reply');
    check(stateOf(reply));
    // The frame's own loading (its address's lab) is over: a late overwrite would have happened by now.
    await expect.poll(() => frame.evaluate(() => document.documentElement.dataset.booted ?? null)).toBe('1');
    await send(page, cmd('getState', `${id}-after`));
    check(stateOf(await replyTo(page, `${id}-after`)));
  });
}

test('host commands sent on ready to ?embed=1&lab=q4 in sequence (set, loadExample, loadLab q2, getState) end on lab 2, each reply carrying its state', async ({ page }) => {
  await coursePage(page, '/?embed=1&lab=q4', [SET, EXAMPLE, LAB, STATE]);
  const replies = [];
  for (const id of ['set', 'example', 'lab', 'state']) replies.push(await replyTo(page, id));
  expect(replies.map((r) => r.type)).toEqual(['cqrs-lab:reply', 'cqrs-lab:reply', 'cqrs-lab:reply', 'cqrs-lab:reply']);
  const [set, example, lab, state] = replies.map(stateOf);
  expect(set).toMatchObject({ lab: 'q4', fields: { 'writeStore.partitioning': 'hash' } });
  expect(example).toMatchObject({ lab: null, example: 'hot-shard-hash', scenario: 'A hot shard: range against hash partitioning (Hash partitioning)' });
  expect(lab).toMatchObject({ lab: 'q2', example: null, scenario: 'Lab 2: one query instance is not enough' });
  expect(state).toEqual(lab);
  const frame = page.frameLocator('#lab');
  await expect(frame.getByRole('heading', { name: /^Lab 2 of 10:/ })).toBeVisible();
  await expect(frame.getByRole('heading', { name: /^Lab 4 of 10:/ })).toHaveCount(0);
  // One ready, before every reply.
  const all = await got(page);
  expect(all.filter((m) => m.type === 'cqrs-lab:ready')).toHaveLength(1);
  expect(all.findIndex((m) => m.type === 'cqrs-lab:ready')).toBeLessThan(all.findIndex((m) => m.id === 'set'));
});

test('getState returns the value of every field a host may set, or of the fields it asks for; an unknown field is an error naming it', async ({ page }) => {
  await coursePage(page, '/?embed=1&lab=q10&lock=queryService.instances', [
    cmd('getState', 'all'),
    cmd('getState', 'two', { fields: ['queryService.vcpus', 'cache.enabled'] }),
    cmd('getState', 'bad', { fields: ['queryService.vcpus', 'queryService.nope'] }),
  ]);
  const all = stateOf(await replyTo(page, 'all'));
  // Every field but the groups (their fields are there one by one).
  expect(Object.keys(all.fields).sort()).toEqual(FIELDS.filter((f) => f.kind !== 'group').map((f) => f.path).sort());
  expect(all).toMatchObject({ lab: 'q10', locked: ['queryService.instances'], fields: { 'queryService.instances': 1 } });
  expect(stateOf(await replyTo(page, 'two')).fields).toEqual({ 'queryService.vcpus': all.fields['queryService.vcpus'], 'cache.enabled': all.fields['cache.enabled'] });
  const bad = await replyTo(page, 'bad');
  expect(bad.type).toBe('cqrs-lab:error');
  expect(bad.message).toContain('"queryService.nope" is not a field');
});
