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

test('the built site declares its Content-Security-Policy, and _headers adds frame-ancestors', async ({ lab, page, request, cspViolations }) => {
  await lab.goto();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  const headers = await (await request.get('/_headers')).text();
  expect(headers).toContain(`Content-Security-Policy: ${csp}; frame-ancestors 'self'`);
  // An inline script is refused: the policy is in force (and the violation is the one expected here).
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.body.append(s);
    return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
  });
  expect(ran).toBe(false);
  // The fixture that fails every spec on a violation saw this one; it is expected here.
  await expect.poll(() => cspViolations.some((v) => v.startsWith('CSP violation: script-src'))).toBe(true);
  cspViolations.splice(0);
});

test('the built site needs only a plain static server, as the README says (python3 -m http.server in dist/)', async ({ page }) => {
  const { spawn } = await import('node:child_process');
  const dist = process.env.LAB_E2E_DIST ?? 'dist';
  const port = 4400 + Math.floor(Math.random() * 500);
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dist], { stdio: 'ignore' });
  try {
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200); // python's start-up on a busy machine
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('ready');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => parseFloat((await page.getByRole('status', { name: 'Simulated time' }).textContent()) ?? '0')).toBeGreaterThan(0.5);
  } finally {
    server.kill();
  }
});
