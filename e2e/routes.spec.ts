/**
 * A route whose handler is still running when its test ends must not fail the next test (it did:
 * hosting.spec.ts's second test failed on the first one's route, on a busy machine). The fixtures
 * end every spec's routes, errors ignored, before the page closes.
 *
 * The two tests are a pair, run in order in one worker (serial): the first leaves a handler
 * running; the second is the "next test" and waits until that handler has ended (its fetch failing
 * once the first test's page closed), so the failure it would carry lands while the second test runs.
 * The second alone proves nothing, so it refuses to pass without the first.
 */
import { expect, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

/** What the first test's handler did: not started, waiting, or how it ended. */
let handler: 'not started' | 'waiting' | 'fulfilled' | `threw: ${string}` = 'not started';

test('routes: a handler still running when its test ends (1 of 2: leaves one behind)', async ({ lab, page }) => {
  await lab.goto();
  let entered!: () => void;
  const inHandler = new Promise<void>((resolve) => (entered = resolve));
  const closed = new Promise<void>((resolve) => page.once('close', () => resolve()));
  await page.route('**/held-request', async (route) => {
    handler = 'waiting';
    entered();
    await closed; // fetched only once the page has closed under it, as a late lazy chunk was
    try {
      await route.fulfill({ response: await route.fetch({ url: new URL('/', route.request().url()).href }) });
      handler = 'fulfilled';
    } catch (e) {
      handler = `threw: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      throw e; // as a real handler's error would: the fixtures must keep it out of the next test
    }
  });
  await page.evaluate(() => void fetch('held-request').catch(() => {}));
  await inHandler;
  expect(handler).toBe('waiting');
});

test('routes: a handler still running when its test ends (2 of 2: the next test is not failed by it)', async ({ lab }) => {
  expect(handler, 'run with test 1 of the pair: alone, this test proves nothing').not.toBe('not started');
  await lab.goto();
  await expect(lab.status).toHaveText('ready');
  // The first test's handler ends (its page is closed, so its fetch fails) while this test runs.
  await expect.poll(() => handler).toMatch(/^(threw|fulfilled)/);
});
