/**
 * A headless page for Vitest, in the manner of tldraw's `TestEditor`: the page's controller over
 * the real engine, run in process (the worker's own API over a `Runner`) behind the bridge's
 * interface, with stores of its own, a clock the test moves, and a stand-in for the browser that
 * records the address, the clipboard and the downloads. No browser, no worker, no wall clock.
 */
import { createStore } from 'zustand/vanilla';
import { InProcessBridge } from '../bridge/inProcessBridge';
import { initialRunState, type RunState } from '../state/runStore';
import { initialScenarioState, type ScenarioState } from '../state/scenarioStore';
import type { Clock } from '../worker/runner';
import { createController } from './createController';
import type { PageHost } from './pageHost';
import { RunUpdates } from './runUpdates';

/** Wall time that moves only when the test says; timers fire in time order as it passes. */
export class FakeClock implements Clock {
  private t = 0;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.t;
  }
  schedule(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  }
  cancel(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Runs the earliest timer due by `until` (moving the time to it); false when none is. */
  fireNext(until: number): boolean {
    let next: [number, { at: number; fn: () => void }] | null = null;
    for (const e of this.timers) if (e[1].at <= until && (!next || e[1].at < next[1].at)) next = e;
    if (!next) return false;
    this.timers.delete(next[0]);
    this.t = Math.max(this.t, next[1].at);
    next[1].fn();
    return true;
  }
  /** Moves the time to `t` (never back). */
  moveTo(t: number): void {
    this.t = Math.max(this.t, t);
  }
}

/** The browser as the controller sees it, recording what the page would have done. */
export class FakeHost implements PageHost {
  /** The page's address (`replaceAddress` rewrites it). */
  address: string;
  /** What "Share link" copied; `clipboard: false` makes copying fail, as in a frame without permission. */
  readonly copied: string[] = [];
  readonly downloads: { value: unknown; fileName: string }[] = [];
  /** Links passed to the host API (in a frame). */
  readonly announced: string[] = [];
  clipboard = true;
  private hashListeners: ((hash: string) => void)[] = [];

  constructor(
    readonly clock: Clock,
    readonly inFrame = false,
    href = 'https://lab.test/',
  ) {
    this.address = href;
  }
  href(): string {
    return this.address;
  }
  replaceAddress(url: string): void {
    this.address = new URL(url, this.address).href;
  }
  onHashChange(fn: (hash: string) => void): void {
    this.hashListeners.push(fn);
  }
  /** A person pastes an address with `hash` (or a host page changes the frame's hash). */
  navigate(hash: string): void {
    this.address = new URL(hash, this.address).href;
    for (const fn of this.hashListeners) fn(new URL(this.address).hash);
  }
  async copy(text: string): Promise<void> {
    if (!this.clipboard) throw new Error('no clipboard permission');
    this.copied.push(text);
  }
  announceLink(url: string): void {
    this.announced.push(url);
  }
  async download(value: unknown, fileName: string): Promise<void> {
    this.downloads.push({ value, fileName });
  }
}

/** Lets pending promises settle (a dynamic import, the engine's checks loading): not a wait on the wall clock. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A page's controller over the engine in process, with its stores, clock, host and bridge. */
export function createTestController(opts: { inFrame?: boolean; href?: string } = {}) {
  const clock = new FakeClock();
  const run = createStore<RunState>()(() => ({ ...initialRunState }));
  const scenario = createStore<ScenarioState>()(() => ({ ...initialScenarioState }));
  const bridge = new InProcessBridge(new RunUpdates(run, clock), clock);
  const host = new FakeHost(clock, opts.inFrame, opts.href);
  const controller = createController({ bridge, run, scenario, host });
  return {
    controller,
    run,
    scenario,
    clock,
    host,
    bridge,
    /** `ms` of wall time pass: every timer due meanwhile fires in order (the run's slices, the page's coalescing), promises settling between them. */
    async passWall(ms: number): Promise<void> {
      const until = clock.now() + ms;
      await settle();
      while (clock.fireNext(until)) await settle();
      clock.moveTo(until);
      await settle();
    },
  };
}

export type TestPage = ReturnType<typeof createTestController>;
