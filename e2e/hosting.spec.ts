import { expect, test } from './fixtures';

test('the built page works from a sub-path and asks no other host', async ({ lab, context }) => {
  const hosts = new Set<string>();
  const outside: string[] = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    hosts.add(url.host);
    if (!url.pathname.startsWith('/course/lab/')) outside.push(url.pathname);
  });
  // Serve the built page under /course/lab/, as a course page embedding it would.
  await context.route('**/course/lab/**', async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${url.origin}${url.pathname.replace('/course/lab', '')}` });
    await route.fulfill({ response });
  });
  await lab.page.goto('/course/lab/');
  await expect(lab.page.getByRole('heading', { name: 'CQRS Scaling Lab' })).toBeVisible();
  await lab.setSpeed('10×');
  await lab.play();
  await lab.waitForSimTime(1);
  expect([...hosts]).toEqual([new URL(test.info().project.use.baseURL!).host]);
  expect(outside).toEqual([]); // every file, the worker's included, came from under the page's path
  expect(lab.consoleErrors).toEqual([]);
});
