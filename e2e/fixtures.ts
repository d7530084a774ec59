/** The page object of the sandbox, given to every spec as the `lab` fixture. */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export class LabPage {
  readonly simTime: Locator;
  readonly status: Locator;
  readonly alert: Locator;
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    this.simTime = page.getByRole('status', { name: 'Simulated time' });
    this.status = page.getByRole('status', { name: 'Run status' });
    this.alert = page.getByRole('alert').filter({ hasText: /worker/ });
    page.on('console', (m) => m.type() === 'error' && this.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => this.consoleErrors.push(e.message));
  }

  async goto(opts: { testHooks?: boolean } = {}): Promise<void> {
    await this.page.goto(opts.testHooks ? '/?test-hooks' : '/');
    await expect(this.page.getByRole('heading', { name: 'CQRS Scaling Lab' })).toBeVisible();
    await expect(this.status).toHaveText('ready');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Clicks Play and waits until the run goes (a short run at full speed may already be done). */
  async play(): Promise<void> {
    await this.button('Play').click();
    await expect(this.status).toHaveText(/^(running|done)$/);
  }

  async pause(): Promise<void> {
    await this.button('Pause').click();
    await expect(this.status).toHaveText('paused');
  }

  async setSpeed(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Speed', exact: true }).selectOption({ label });
  }

  /** Simulated time shown in the toolbar, in seconds (as the clock's text rounds it). */
  async simTimeS(): Promise<number> {
    return parseFloat((await this.simTime.textContent()) ?? 'NaN');
  }

  /** The exact simulated time, in ms, from the clock's `data-ms` (its text is rounded to tenths). */
  async simMs(): Promise<number> {
    return Number(await this.simTime.getAttribute('data-ms'));
  }

  /** A figure of the current-figures panel by its name (`queries.p99`, `cacheHitRatio`), as a number. */
  async figure(name: string): Promise<number> {
    const text = (await this.page.getByRole('cell', { name, exact: true }).textContent()) ?? '';
    return parseFloat(text.replace(/,/g, ''));
  }

  /**
   * Waits until `figure(name)` satisfies `ok` or the run is done, then asserts `ok`: a run played at
   * a multiple of real time reaches the simulated time the check needs whenever the machine gets it
   * there, so the wait ends on a state (the check, or the end of the run), and its time limit is
   * the test's own, not a shorter one a busy machine can hit first.
   */
  async waitForFigure(name: string, ok: (v: number) => boolean): Promise<number> {
    let last = NaN;
    await expect
      .poll(async () => ok((last = await this.figure(name))) || (await this.status.textContent()) === 'done', { timeout: 0, message: `${name} (last seen ${last})` })
      .toBe(true);
    last = await this.figure(name);
    expect(ok(last), `${name}: ${last} when the run ended`).toBe(true);
    return last;
  }

  /**
   * Waits until `check` holds or the run is done, then asserts it (as waitForFigure, for any state
   * the page shows while a run plays: a topology's text, a notice).
   */
  async waitWhileRunning(what: string, check: () => Promise<boolean>): Promise<void> {
    await expect.poll(async () => (await check()) || (await this.status.textContent()) === 'done', { timeout: 0, message: what }).toBe(true);
    expect(await check(), `${what}: not seen by the end of the run`).toBe(true);
  }

  /** Waits until simulated time reaches `s` seconds (or the run ends); no wall-clock limit but the test's. */
  async waitForSimTime(s: number): Promise<void> {
    await expect.poll(async () => (await this.simMs()) >= s * 1000 || (await this.status.textContent()) === 'done', { timeout: 0 }).toBe(true);
  }

  /** Pauses the run if it is going (a Step while it plays would race the run's own updates). */
  private async pauseIfRunning(): Promise<void> {
    if ((await this.status.textContent()) === 'running') await this.pause();
  }

  /** One Step: waits until the clock's exact time is the end of the window (a step's earlier updates show less). */
  private async stepOnce(): Promise<void> {
    const target = (Math.floor((await this.simMs()) / 1000) + 1) * 1000;
    await this.button('Step 1 s').click();
    await expect(this.simTime).toHaveAttribute('data-ms', String(target));
  }

  /**
   * Pauses, then steps (to the end of each simulated second) until simulated time is at least `s`
   * seconds: a run paused at a known time, whatever the machine's speed. A change made there lands
   * at a known simulated time, where one made while the run goes at some multiple of real time
   * lands wherever the machine has got to.
   */
  async stepTo(s: number): Promise<void> {
    await this.pauseIfRunning();
    while ((await this.simMs()) < s * 1000) await this.stepOnce();
  }

  /**
   * Pauses, then steps one simulated second at a time until `done()` holds; gives up when simulated
   * time reaches `maxS` seconds (an absolute time, not a number of steps). Returns the time reached, in s.
   */
  async stepUntil(what: string, done: () => Promise<boolean>, maxS = 60): Promise<number> {
    await this.pauseIfRunning();
    for (;;) {
      if (await done()) return (await this.simMs()) / 1000;
      if ((await this.simMs()) >= maxS * 1000) break;
      await this.stepOnce();
    }
    throw new Error(`${what}: not seen by ${maxS} s of simulated time`);
  }

  /** Loads a scenario through the page's file input (what "Load scenario…" opens). */
  async loadScenario(fileOrJson: string | object, name = 'scenario.json'): Promise<void> {
    const text = typeof fileOrJson === 'string' ? readFileSync(fileOrJson, 'utf8') : JSON.stringify(fileOrJson);
    await this.page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(this.page.getByRole('status').filter({ hasText: `Loaded ${name}.` })).toBeVisible();
  }

  /** Opens a part's settings by clicking it in the topology. */
  async openPart(name: RegExp): Promise<void> {
    await this.page.getByRole('button', { name }).click();
  }

  /** Types into a settings field and commits it with Enter. */
  async setField(label: string, value: string): Promise<void> {
    const input = this.page.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.press('Enter');
  }

  /** Clicks a download button and returns the downloaded file's text. */
  async download(buttonName: string): Promise<string> {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), this.button(buttonName).click()]);
    const path = await dl.path();
    return readFileSync(path, 'utf8');
  }
}

export const test = base.extend<{ lab: LabPage; cspViolations: string[]; routesEnded: void }>({
  lab: async ({ page }, use) => {
    await use(new LabPage(page));
  },
  // A route handler still running when its test ends (a lazy chunk the page fetched as the test
  // finished) fails when the context closes under it, and Playwright reports that error in the
  // test that runs next. Every spec's routes end with it, their errors ignored, before the page closes.
  routesEnded: [
    async ({ context, page }, use) => {
      await use();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await context.unrouteAll({ behavior: 'ignoreErrors' });
    },
    { auto: true },
  ],
  // Every spec, in every frame: the built site's Content-Security-Policy is never violated.
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
      );
      page.on('console', (m) => /CSP violation|Content Security Policy/.test(m.text()) && violations.push(m.text()));
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
