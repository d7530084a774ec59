/**
 * A course page for the host API's browser tests: served at /course.html on the lab's own origin
 * (its allow-list's default), it embeds the lab at 720×520 (or another width), records every message the frame sends
 * (`window.got`), and on `ready` sends the commands it was given, in order, at once.
 */
import { expect, type Frame, type Page } from '@playwright/test';

export type Msg = { type: string; id?: unknown; [k: string]: unknown };

export async function coursePage(page: Page, src: string, onReady: object[] = [], width = 720): Promise<Frame> {
  await page.route('**/course.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><title>course</title><h1>Quiz</h1>
<iframe id="lab" title="CQRS lab" src="${src}" width="${width}" height="520"></iframe>
<script>
  window.got = [];
  const onReady = ${JSON.stringify(onReady)};
  window.send = (m) => document.getElementById('lab').contentWindow.postMessage(m, location.origin);
  addEventListener('message', (e) => {
    if (e.origin !== location.origin) return;
    window.got.push(e.data);
    if (e.data && e.data.type === 'cqrs-lab:ready') for (const m of onReady) window.send(m);
  });
</script>`,
    }),
  );
  await page.goto('/course.html');
  return page.frames().find((f) => f !== page.mainFrame())!;
}

export const got = (page: Page) => page.evaluate(() => (window as unknown as { got: Msg[] }).got);
export const send = (page: Page, m: unknown) => page.evaluate((msg) => (window as unknown as { send(m: unknown): void }).send(msg), m);

/** Waits for the first message `pick` accepts. */
export async function waitFor(page: Page, pick: (m: Msg) => boolean, what: string, timeout = 60_000): Promise<Msg> {
  let found: Msg | undefined;
  await expect.poll(async () => (found = (await got(page)).find(pick)) !== undefined, { message: what, timeout }).toBe(true);
  return found!;
}

/** The reply (or error) to the command with this id. */
export const replyTo = (page: Page, id: unknown) => waitFor(page, (m) => m.id === id && /:(reply|error)$/.test(m.type), `reply to ${String(id)}`);

/** A command message. */
export const cmd = (name: string, id: string | number, rest: object = {}) => ({ type: `cqrs-lab:${name}`, version: 1, id, ...rest });
