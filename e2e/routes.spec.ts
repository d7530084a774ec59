/**
 * A route whose handler is still running when its test ends must not fail the next test (it did:
 * hosting.spec.ts's second test failed on the first one's route, on a busy machine). The fixtures
 * end every spec's routes, errors ignored, before the page closes.
 */
import { expect, test } from './fixtures';

test('routes: a handler still running when its test ends (1 of 2: leaves one behind)', async ({ lab, page }) => {
  await lab.goto();
  let entered!: () => void;
  const inHandler = new Promise<void>((resolve) => (entered = resolve));
  const closed = new Promise<void>((resolve) => page.once('close', () => resolve()));
  await page.route('**/held-request', async (route) => {
    entered();
    await closed; // fetched only once the page has closed under it, as a late lazy chunk was
    await route.fulfill({ response: await route.fetch({ url: new URL('/', route.request().url()).href }) });
  });
  await page.evaluate(() => void fetch('held-request').catch(() => {}));
  await inHandler;
});

test('routes: a handler still running when its test ends (2 of 2: the next test is not failed by it)', async ({ lab }) => {
  await lab.goto();
  await expect(lab.status).toHaveText('ready');
});
