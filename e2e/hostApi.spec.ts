/**
 * The host API across three origins: the lab's frame (127.0.0.1), a course page allowed to drive
 * it (localhost, one port) and a stranger (localhost, another port), each served by a small static
 * server started here. The frame's deployment file `embed-origins.json` names the host alone.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { got, replyTo as reply, send } from './coursePage';

const dist = process.env.LAB_E2E_DIST ?? 'dist';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const servers: Server[] = [];
let frameOrigin = '';
let hostOrigin = '';
let strangerOrigin = '';

function serve(host: string, handler: (path: string) => Promise<{ type: string; body: string | Buffer } | null>): Promise<string> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    handler(path).then(
      (r) => (r ? (res.writeHead(200, { 'content-type': r.type }), res.end(r.body)) : (res.writeHead(404), res.end())),
      () => (res.writeHead(500), res.end()),
    );
  });
  servers.push(server);
  return new Promise((ok) => server.listen(0, host, () => ok(`http://${host}:${(server.address() as AddressInfo).port}`)));
}

/** A page that embeds the lab and records every message the frame sends it. */
const embedder = (frameUrl: string) => `<!doctype html><meta charset="utf-8"><title>course page</title>
<iframe id="lab" src="${frameUrl}" width="720" height="520"></iframe>
<script>
  window.got = [];
  addEventListener('message', (e) => { if (e.origin === ${JSON.stringify(new URL(frameUrl).origin)}) window.got.push(e.data); });
  window.send = (m) => document.getElementById('lab').contentWindow.postMessage(m, ${JSON.stringify(new URL(frameUrl).origin)});
</script>`;

test.beforeAll(async () => {
  frameOrigin = await serve('127.0.0.1', async (path) => {
    if (path === '/embed-origins.json') return { type: 'application/json', body: JSON.stringify({ origins: [hostOrigin] }) };
    const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(normalize(dist))) return null;
    return readFile(file).then((body) => ({ type: TYPES[extname(file)] ?? 'application/octet-stream', body }), () => null);
  });
  hostOrigin = await serve('localhost', async (path) =>
    path === '/' ? { type: 'text/html', body: embedder(`${frameOrigin}/?embed=1`) } : path === '/fast' ? { type: 'text/html', body: embedder(`${frameOrigin}/?embed=1&speed=max`) } : null,
  );
  strangerOrigin = await serve('localhost', async (path) => (path === '/' ? { type: 'text/html', body: embedder(`${frameOrigin}/?embed=1`) } : null));
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
});


/**
 * Counts, in the frame, the messages that reach it from its parent. The host API's listener was
 * added first, so it has handled (and, from a stranger, dropped) every message counted: the test
 * waits on that count, not on time.
 */
async function countMessages(page: Page): Promise<() => Promise<number>> {
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  await expect(page.frameLocator('#lab').locator('html[data-host-api="listening"]')).toBeAttached();
  await frame.evaluate(() => {
    const w = window as unknown as { seen: number };
    w.seen = 0;
    addEventListener('message', (e) => e.source === window.parent && w.seen++);
  });
  return () => frame.evaluate(() => (window as unknown as { seen: number }).seen);
}

test('the host loads a scenario, sets a field, plays it, and receives progress, the finish, the report and the height', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(hostOrigin);
  await expect.poll(async () => (await got(page)).some((m) => m.type === 'cqrs-lab:ready')).toBe(true);
  const ready = (await got(page)).find((m) => m.type === 'cqrs-lab:ready')!;
  expect(ready.version).toBe(1);
  expect((ready.supports as { commands: string[] }).commands).toContain('play');

  await send(page, { type: 'cqrs-lab:load', version: 1, id: 'l1', scenario: { version: 1, name: 'from the course', durationS: 4, warmupS: 1 } });
  expect(await reply(page, 'l1')).toMatchObject({ type: 'cqrs-lab:reply', result: { name: 'from the course' } });
  await send(page, { type: 'cqrs-lab:set', version: 1, id: 2, path: 'queryService.instances', value: 3 });
  expect(await reply(page, 2)).toMatchObject({ type: 'cqrs-lab:reply', result: { path: 'queryService.instances', value: 3 } });
  await send(page, { type: 'cqrs-lab:play', version: 1, id: 'p' });
  expect((await reply(page, 'p')).type).toBe('cqrs-lab:reply');

  await expect.poll(async () => (await got(page)).some((m) => m.type === 'cqrs-lab:finished'), { timeout: 30_000 }).toBe(true);
  const all = await got(page);
  const progress = all.filter((m) => m.type === 'cqrs-lab:progress');
  expect(progress.some((m) => m.status === 'running' && (m.tS as number) > 0)).toBe(true);
  const finished = all.find((m) => m.type === 'cqrs-lab:finished')!;
  expect((finished.figures as { simulatedS: number }).simulatedS).toBe(4);
  expect((finished.figures as { queriesThroughputRps: number }).queriesThroughputRps).toBeGreaterThan(0);

  await send(page, { type: 'cqrs-lab:getReport', version: 1, id: 'r' });
  const report = (await reply(page, 'r')).result as { scenario: string; simulatedS: number };
  expect(report).toMatchObject({ scenario: 'from the course', simulatedS: 4 });
  await send(page, { type: 'cqrs-lab:getState', version: 1, id: 's' });
  expect((await reply(page, 's')).result).toMatchObject({ status: 'done', tS: 4, scenario: 'from the course', interventions: 0 }) // set before the run: the scenario itself, no intervention;

  // "Share link" in the frame (under "More" in the compact page) tells the host the link (and leaves the frame's address alone).
  await page.frameLocator('#lab').getByRole('button', { name: 'More' }).click();
  await page.frameLocator('#lab').getByRole('button', { name: 'Share link' }).click();
  // The link opens the normal page in a tab of its own: the frame's embed options stay behind.
  await expect.poll(async () => (await got(page)).find((m) => m.type === 'cqrs-lab:link')?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s=2\.[\w-]+$/);
  expect(new URL(page.frames()[1].url()).hash).toBe('');

  const heights = all.filter((m) => m.type === 'cqrs-lab:height');
  expect(heights.length).toBeGreaterThan(0);
  expect(heights.at(-1)!.px as number).toBeGreaterThan(100);
  expect(errors).toEqual([]);
});

test('malformed messages from the host get error replies, never an exception, and change nothing', async ({ page }) => {
  await page.goto(hostOrigin);
  await expect.poll(async () => (await got(page)).some((m) => m.type === 'cqrs-lab:ready')).toBe(true);
  const bad: [unknown, unknown][] = [
    ['hello', null],
    [{ type: 'cqrs-lab:play', id: 'no-version' }, 'no-version'],
    [{ type: 'cqrs-lab:play', version: 2, id: 'v2' }, 'v2'],
    [{ type: 'cqrs-lab:jump', version: 1, id: 'unknown' }, 'unknown'],
    [{ type: 'other:play', version: 1, id: 'ns' }, 'ns'],
    [{ type: 'cqrs-lab:set', version: 1, id: 'proto', path: '__proto__.polluted', value: 1 }, 'proto'],
    [{ type: 'cqrs-lab:set', version: 1, id: 'range', path: 'queryService.instances', value: -1 }, 'range'],
    [{ type: 'cqrs-lab:load', version: 1, id: 'noscenario', scenario: 'x' }, 'noscenario'],
    [{ type: 'cqrs-lab:load', version: 1, id: 'invalid', scenario: { version: 1, workload: { rps: 'lots' } } }, 'invalid'],
  ];
  for (const [m] of bad) await send(page, m);
  for (const [, id] of bad) {
    await expect.poll(async () => (await got(page)).filter((m) => m.type === 'cqrs-lab:error' && m.id === id).length, { message: String(id) }).toBeGreaterThan(0);
  }
  const errors = (await got(page)).filter((m) => m.type === 'cqrs-lab:error');
  expect(errors.find((m) => m.id === 'range')!.message).toMatch(/instances|small|least/i);
  expect(errors.find((m) => m.id === 'invalid')!.message).toContain('workload.rps');
  expect(await page.frameLocator('#lab').getByRole('status', { name: 'Run status' }).textContent()).toBe('ready');
  expect(await page.frames()[1].evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
});

test('a stranger origin embedding the lab gets nothing back and changes nothing', async ({ page }) => {
  await page.goto(strangerOrigin);
  const frame = page.frameLocator('#lab');
  await expect(frame.getByRole('status', { name: 'Run status' })).toHaveText('ready');
  const seen = await countMessages(page);
  for (const [i, type] of ['load', 'play', 'getReport', 'getState', 'set'].entries()) {
    await send(page, { type: `cqrs-lab:${type}`, version: 1, id: i, scenario: { version: 1, name: 'stranger' }, path: 'queryService.instances', value: 9 });
  }
  await send(page, 'garbage');
  await expect.poll(seen).toBe(6);
  expect(await got(page)).toEqual([]);
  await expect(frame.getByRole('status', { name: 'Run status' })).toHaveText('ready');
  await expect(frame.getByRole('status', { name: 'Simulated time' })).toHaveText(/^0/);
});

test('embed.html documents the protocol and its demo host drives the frame', async ({ page }) => {
  await page.goto('/embed.html');
  await expect(page.getByRole('heading', { name: 'The protocol (version 1)' })).toBeVisible();
  await expect(page.getByText(/the frame sends it once the lab, example or link its address names has loaded/)).toBeVisible();
  const log = page.locator('#demo-log');
  await expect(log).toContainText('cqrs-lab:ready');
  await page.getByRole('button', { name: 'Load a 20 s scenario' }).click();
  await expect(log).toContainText('"result":{"name":"demo from the host page","state":{"status":"ready"');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.frameLocator('#demo-frame').getByRole('status', { name: 'Run status' })).toHaveText('running');
  await expect(log).toContainText('"type":"cqrs-lab:progress","version":1,"status":"running"');
});

test('across origins, the host opens a lab, plays it and hears its result; a stranger cannot open one', async ({ page }) => {
  await page.goto(`${hostOrigin}/fast`);
  await expect.poll(async () => (await got(page)).some((m) => m.type === 'cqrs-lab:ready')).toBe(true);
  await send(page, { type: 'cqrs-lab:loadLab', version: 1, id: 'lab', lab: 'q8' });
  expect(await reply(page, 'lab')).toMatchObject({ type: 'cqrs-lab:reply', result: { lab: 'q8' } });
  await send(page, { type: 'cqrs-lab:play', version: 1, id: 'go' });
  await expect.poll(async () => (await got(page)).some((m) => m.type === 'cqrs-lab:labResult'), { timeout: 60_000 }).toBe(true);
  const all = await got(page);
  expect(all.some((m) => m.type === 'cqrs-lab:finished')).toBe(true);
  expect(all.find((m) => m.type === 'cqrs-lab:labResult')).toMatchObject({ lab: 'q8', passed: false, score: { min: 0, max: 4 } });

  const stranger = await page.context().newPage();
  await stranger.goto(strangerOrigin);
  await expect(stranger.frameLocator('#lab').getByRole('status', { name: 'Run status' })).toHaveText('ready');
  const seen = await countMessages(stranger);
  await send(stranger, { type: 'cqrs-lab:loadLab', version: 1, id: 'x', lab: 'q1' });
  await expect.poll(seen).toBe(1);
  expect(await got(stranger)).toEqual([]);
  await expect(stranger.frameLocator('#lab').getByRole('heading', { name: /^Lab 1 of 10:/ })).toHaveCount(0);
});

test('the host loads an example by id: the frame shows its notes and loads its scenario; an unknown id gets an error reply', async ({ page }) => {
  await page.goto(hostOrigin);
  await expect.poll(async () => (await got(page)).some((m) => m.type === 'cqrs-lab:ready')).toBe(true);
  const ready = (await got(page)).find((m) => m.type === 'cqrs-lab:ready')!;
  expect((ready.supports as { commands: string[] }).commands).toContain('loadExample');
  await send(page, { type: 'cqrs-lab:loadExample', version: 1, id: 'e1', example: 'indexing-indexed' });
  expect(await reply(page, 'e1')).toMatchObject({ type: 'cqrs-lab:reply', result: { example: 'indexing-indexed', title: 'Indexing the read model (Indexed)' } });
  const frame = page.frameLocator('#lab');
  await expect(frame.getByRole('region', { name: /Indexing the read model$/ })).toContainText('What to look at');
  await send(page, { type: 'cqrs-lab:loadExample', version: 1, id: 'e2', example: 'no-such-example' });
  const bad = await reply(page, 'e2');
  expect(bad).toMatchObject({ type: 'cqrs-lab:error', command: 'loadExample' });
  expect(bad.message).toMatch(/^There is no example called "no-such-example"\. Known examples: flash-sale, /);
  await send(page, { type: 'cqrs-lab:getState', version: 1, id: 's' });
  expect(await reply(page, 's')).toMatchObject({ result: { scenario: 'Indexing the read model (Indexed)' } });
});
