/**
 * Boot and the host API: with autoplay the run has started before `ready` (a host's command comes
 * after it, never racing it), and a command the host sends before the frame's host API has loaded
 * is kept and answered, not lost.
 */
import { expect, test } from './fixtures';
import { cmd, coursePage, replyTo, send, waitFor } from './coursePage';

test('autoplay=1: the run has started when ready arrives, so a getState sent on ready sees it running', async ({ page }) => {
  await coursePage(page, '/?embed=1&autoplay=1&speed=1', [cmd('getState', 'state')]);
  const reply = await replyTo(page, 'state');
  expect(reply.type).toBe('cqrs-lab:reply');
  expect((reply.result as { status: string }).status).toBe('running');
});

test('a command sent before the frame’s host API has started is answered once it has', async ({ page }) => {
  // Hold the allow-list (the host API starts only once it has it) until the command has been sent.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/embed-origins.json', async (route) => {
    await held;
    await route.fulfill({ status: 404, body: '' });
  });
  const frame = await coursePage(page, '/?embed=1');
  // main.tsx has run (its first line marks the document) but the host API is not listening yet.
  await expect.poll(() => frame.evaluate(() => document.documentElement.dataset.embed ?? null)).toBe('1');
  expect(await frame.evaluate(() => document.documentElement.dataset.hostApi ?? null)).toBeNull();
  await send(page, cmd('getState', 'early'));
  release();
  await waitFor(page, (m) => m.type === 'cqrs-lab:ready', 'ready');
  expect(await replyTo(page, 'early')).toMatchObject({ type: 'cqrs-lab:reply', result: { status: 'ready' } });
});
