/**
 * A link is untrusted input. 1,000 fuzzed links of both formats (`#scenario=`, `#s=2.`) (random bytes, truncations, huge and
 * extreme values, prototype paths, deep nesting, markup in names) go through the page's own link
 * handling in one open tab; none may raise an uncaught error, call window.alert, change
 * Object.prototype in the page or in the worker, or leave the page unable to load a good link.
 */
import { expect, test } from './fixtures';
import { encodeScenario, linkHash } from '../src/lib/shareLink';
import { stream } from '../simulation/engine/random';
import { drawScenario } from '../simulation/fuzz/draw';

const u = stream(2026, 'link-fuzz');
const int = (n: number) => Math.floor(u.next() * n);
const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)];

const base = { version: 1, durationS: 5, warmupS: 1 };
const hostile: (() => unknown)[] = [
  () => ({ ...base, interventions: [{ atS: 1, set: pick(['__proto__.polluted', '__proto__.toString', '__proto__.hasOwnProperty', 'constructor.prototype.x']), value: pick(['yes', 5, null, {}]) }] }),
  () => JSON.parse(`{"version":1,"__proto__":{"polluted":"yes"},"queryService":{"__proto__":{"instances":9}}}`),
  () => ({ ...base, name: pick(['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>', 'javascript:alert(1)']) }),
  () => ({ ...base, queryService: { instances: pick([1e308, -1, 1.5, 1e6]), baseMemoryMb: 1e308, memoryLimitMb: 1e308 } }),
  () => ({ ...base, workload: { rps: pick([1e6, 1e9, -5, 0]), profile: [{ atS: 0, rps: 10, rampS: pick([1e306, 1e6]) }] } }),
  () => ({ ...base, seed: pick([-1, 2 ** 40, 0.5, '1']) }),
  () => drawScenario(99, int(100_000)),
  () => {
    let deep: unknown = 1;
    for (let i = 0; i < 3000; i++) deep = [deep];
    return { ...base, name: deep };
  },
  () => Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])),
  () => ({ ...base, interventions: Array.from({ length: 10_001 }, (_, i) => ({ atS: i / 10_001, set: 'workload.rps', value: 1 })) }),
];

function randomBytesBase64(n: number): string {
  let s = '';
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/%#&?';
  for (let i = 0; i < n; i++) s += alphabet[int(alphabet.length)];
  return s;
}

/** Compressed (format 2) links of drawn and hostile scenarios, made before the run (compression is async). */
const compressed: string[] = [];

/** Link number i: a mix of every kind of bad (and some good) input, in both link formats. */
function link(i: number): string {
  const kind = i % 8;
  if (kind >= 5) {
    const good = compressed[i % compressed.length];
    if (kind === 5) return good.slice(0, 5 + int(good.length - 5));
    if (kind === 6) {
      const chars = [...good];
      for (let k = 0; k < 1 + int(4); k++) chars[5 + int(chars.length - 5)] = randomBytesBase64(1);
      return chars.join('');
    }
    return pick([good, `#s=${pick(['2', '3', '99', '2.', ''])}.${randomBytesBase64(int(200))}`]);
  }
  if (kind === 0) return `#scenario=${randomBytesBase64(1 + int(400))}`;
  const good = encodeScenario(drawScenario(7, i));
  if (kind === 1) return `#scenario=${good.slice(0, int(good.length))}`;
  if (kind === 2) {
    // Flip a few characters of a good link.
    const chars = [...good];
    for (let k = 0; k < 1 + int(4); k++) chars[int(chars.length)] = randomBytesBase64(1);
    return `#scenario=${chars.join('')}`;
  }
  if (kind === 3) return `#scenario=${encodeScenario(pick(hostile)())}`;
  return `#${pick(['scenario', 'scenario=', 'scenario==', 'example=flash-sale', 'x=1', '%00', 'scenario=%E0%A4%A'])}${randomBytesBase64(int(20))}`;
}

test('1,000 fuzzed links: no uncaught error, no alert, no prototype changed, and a good link still loads', async ({ lab, page }) => {
  test.setTimeout(600_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { alerts: string[] };
    w.alerts = [];
    window.alert = (m?: unknown) => void w.alerts.push(String(m));
    window.confirm = () => (w.alerts.push('confirm'), false);
    window.prompt = () => (w.alerts.push('prompt'), null);
  });
  await page.goto('/?test-hooks');
  await expect(lab.status).toHaveText('ready');
  const protoNames = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
  const pageProto = await page.evaluate(protoNames);
  const worker = page.workers()[0];
  const workerProto = await worker.evaluate(protoNames);

  for (let i = 0; i < 60; i++) compressed.push(await linkHash(i % 3 === 0 ? hostile[i % hostile.length]() : drawScenario(11, i)));
  const hashes: string[] = [];
  const N = Number(process.env.LINKS ?? 1000);
  for (let i = 0; i < N; i++) hashes.push(link(i));
  // In batches, inside the page: each hash is set, then the next waits until the page handled it.
  for (let start = 0; start < hashes.length; start += 50) {
    const t0 = Date.now();
    await page.evaluate(async (batch) => {
      const hooks = (window as unknown as { labTest: { linksHandled(): number } }).labTest;
      for (const h of batch) {
        const before = hooks.linksHandled();
        const was = location.hash;
        location.hash = h;
        // The same hash as before fires no event: nothing to wait for then.
        if (location.hash === was) continue;
        const deadline = performance.now() + 20_000;
        while (hooks.linksHandled() === before && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
        if (hooks.linksHandled() === before) throw new Error(`link not handled within 20 s: ${h.slice(0, 80)}`);
      }
    }, hashes.slice(start, start + 50));
    if (process.env.LINKS) console.log(`links ${start}..${start + 49}: ${Date.now() - t0} ms`);
  }

  expect(errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { alerts: string[] }).alerts)).toEqual([]);
  expect(await page.evaluate(protoNames)).toBe(pageProto);
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  expect(await worker.evaluate(protoNames)).toBe(workerProto);
  expect(await worker.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  // Nothing from a link was rendered as markup.
  await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
  // The page still works: a good link loads and runs.
  const after = await linkHash({ version: 1, name: 'after the fuzz', durationS: 3, warmupS: 1 });
  await page.evaluate(async (h) => {
    const hooks = (window as unknown as { labTest: { linksHandled(): number } }).labTest;
    const before = hooks.linksHandled();
    location.hash = h;
    while (hooks.linksHandled() === before) await new Promise((r) => setTimeout(r, 2));
  }, after);
  await expect(page.getByRole('status').filter({ hasText: 'Loaded the shared link.' })).toBeVisible();
  await lab.setSpeed('Fastest');
  // A 3 s run at full speed may be done before "running" is seen: wait for the end alone.
  await lab.button('Play').click();
  await expect(lab.status).toHaveText('done', { timeout: 30_000 });
  expect(await lab.simTimeS()).toBe(3);
  expect(lab.consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

test('a damaged link gets one sentence, in an open tab and on first load, and the page stays on a working scenario', async ({ lab, page }) => {
  const good = await linkHash({ version: 1, name: 'linked', workload: { rps: 123 } });
  await page.goto(`/${good.slice(0, good.length - 6)}`);
  await expect(page.getByRole('status').filter({ hasText: 'This link is damaged or incomplete, so the built-in scenario is shown instead.' })).toBeVisible();
  await expect(lab.status).toHaveText('ready');
  await page.evaluate((h) => (location.hash = h), good);
  await expect(page.getByRole('status').filter({ hasText: 'Loaded the shared link.' })).toBeVisible();
  await page.evaluate((h) => (location.hash = h), good.slice(0, good.length - 3));
  await expect(page.getByRole('status').filter({ hasText: 'This link is damaged or incomplete, so the page keeps its current scenario.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Scenario file problems' })).toHaveCount(0);
  await lab.setSpeed('Fastest');
  // At full speed the run may be over before "running" can be seen: either is a working page.
  await lab.button('Play').click();
  await expect(lab.status).toHaveText(/running|done/);
});

test("a damaged link beside ?example= or ?lab= says so, and the example's or the lab's own scenario is shown, not the built-in one", async ({ lab, page }) => {
  const good = await linkHash({ version: 1, name: 'linked', workload: { rps: 123 } });
  const damaged = good.slice(0, good.length - 6);
  await page.goto(`/?example=hot-shard${damaged}`);
  await expect(page.getByRole('region', { name: /A hot shard/ })).toBeVisible();
  // The example's scenario (range partitioning), not the built-in one (hash); once it is loaded,
  // the sentence about the link is still there (loading the example must not clear it).
  await expect(page.getByRole('button', { name: /^Write store: .* range partitioning/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: "This link is damaged or incomplete, so the example's own scenario is shown instead." })).toBeVisible();
  await page.goto(`/?lab=q3${damaged}`);
  await expect(page.getByRole('heading', { name: /^Lab 3 of 10:/ })).toBeVisible();
  // The lab's scenario (a rate profile), not the built-in one (400 req/s), and the sentence stays.
  await expect(page.getByRole('button', { name: /^Clients: rate profile/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: "This link is damaged or incomplete, so the lab's own scenario is shown instead." })).toBeVisible();
  // A good link beside ?example= keeps the link's scenario, with the example's notes.
  await page.goto(`/?example=hot-shard${good}`);
  await expect(page.getByRole('status').filter({ hasText: 'Loaded the shared link.' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Clients: 123 req\/s/ })).toBeVisible();
  expect(lab.consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

test('a link changed in an open tab loads, and a bad one names its problem while the run stays', async ({ lab, page }) => {
  await lab.goto();
  await page.evaluate((h) => (location.hash = h), `#scenario=${encodeScenario({ version: 1, name: 'linked', workload: { rps: 123 } })}`);
  await expect(page.getByRole('status').filter({ hasText: 'Loaded the shared link.' })).toBeVisible();
  await page.evaluate((h) => (location.hash = h), `#scenario=${encodeScenario({ version: 1, queryService: { instances: -1 } })}`);
  const problems = page.getByRole('region', { name: 'Scenario file problems' });
  await expect(problems).toContainText('queryService.instances');
  await expect(page.getByRole('status').filter({ hasText: 'the shared link was not loaded.' })).toBeVisible();
});
