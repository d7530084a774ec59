/**
 * The time series and the warm-up: at the end of warm-up it notes every cumulative integral (the
 * report subtracts them); every window (1 s of simulated time) it asks each part for its keys
 * (the built-in parts' `coreWindows.ts`, then the parts on the contract), puts them in the window
 * figure registry's order, and lets each part reset what it counts per window and note the
 * per-instance and per-node load the topology shows between windows.
 */
import type { Engine } from '../engine/core';
import { SERIES_FIGURES } from '../figures';
import type { Area } from '../metrics/area';
import { CORE_FAILURE_CAUSES, type FailureCause } from '../metrics/classTally';
import type { WindowStats } from '../types';
import type { WindowPart, WindowSpan } from './coreWindows';
import { inRegistryOrder, mergeKeys } from './merge';
import type { PartRuntime } from './part';
import type { World } from './world';

/** Length of one window of the time series, in simulated ms. */
export const WINDOW_MS = 1000;

/** A window's top-level keys in their order: the first segment of each window figure's id, once each. */
const WINDOW_KEYS: readonly string[] = [...new Set(SERIES_FIGURES.map((f) => f.id.split(/[.[]/)[0]))];

export class Windows {
  /** Values of cumulative integrals at the end of warm-up, subtracted in the report. */
  readonly atWarmup = new Map<object, number>();
  lastWindow: WindowStats | null = null;
  /**
   * Utilisation of each instance (keyed by its busy integral) and each storage node (keyed by
   * its pool) over the last complete window: what the topology shows, steady between windows.
   */
  readonly lastWindowUtilization = new Map<object, number>();
  /** Failure causes in each window's `errors`; a part adds its own, shown once it is in use. */
  readonly errorCauses: FailureCause[] = [...CORE_FAILURE_CAUSES];
  readonly isCauseShown = new Map<FailureCause, () => boolean>();
  /** The parts that add keys to each window (`PartRuntime.window`), in the order of the parts list. */
  partWindows: readonly PartRuntime[] = [];

  private readonly engine: Engine;
  private readonly windowStart = new Map<object, number>();
  private lastWindowMs = 0;
  private pending: WindowStats[] = [];
  private readonly warmupKind: number;
  private readonly windowKind: number;

  /** `parts`: the built-in parts' shares of the windows, in the order their keys are asked for. */
  constructor(
    private readonly world: World,
    private readonly parts: readonly WindowPart[],
  ) {
    this.engine = world.engine;
    this.warmupKind = this.engine.on('windows.warmup', this.onWarmup, this);
    this.windowKind = this.engine.on('windows.close', this.onWindow, this);
  }

  /** Puts the end of warm-up and the first window on the calendar. */
  start(): void {
    this.engine.schedule(this.world.warmupMs, this.warmupKind, 0);
    this.engine.schedule(Math.min(WINDOW_MS, this.world.durationMs), this.windowKind, 0);
  }

  /** Windows completed since the last call (the caller keeps them). */
  take(): WindowStats[] {
    const w = this.pending;
    this.pending = [];
    return w;
  }

  /** Every cumulative integral the report and the windows take differences of. */
  integrals(): Area[] {
    return this.parts.flatMap((p) => p.integrals?.() ?? []);
  }

  private onWarmup(): void {
    const now = this.engine.nowMs;
    for (const a of this.integrals()) this.atWarmup.set(a, a.at(now));
    for (const p of this.parts) p.warmup?.();
  }

  private onWindow(): void {
    const now = this.engine.nowMs;
    const span: WindowSpan = {
      now,
      spanMs: now - this.lastWindowMs,
      since: (a: Area) => a.at(now) - (this.windowStart.get(a) ?? 0),
      causes: this.errorCauses.filter((cause) => this.isCauseShown.get(cause)?.() !== false),
      utilization: this.lastWindowUtilization,
    };
    const merged: Record<string, unknown> = {};
    for (const p of this.parts) if (p.window) mergeKeys(merged, p.window(span), 'a window');
    for (const part of this.partWindows) mergeKeys(merged, part.window!(), 'a window');
    const w = inRegistryOrder({ tS: now / 1000 }, merged, WINDOW_KEYS, 'a window');
    const { happenings, dropped } = this.world.happenings.take();
    if (happenings.length > 0) w.happenings = happenings;
    if (dropped > 0) w.happeningsDropped = dropped;
    const stats = w as unknown as WindowStats;
    for (const p of this.parts) p.closed?.(span, stats);
    for (const p of this.parts) {
      const list = p.integrals?.();
      if (list !== undefined) for (let i = 0; i < list.length; i++) this.windowStart.set(list[i], list[i].at(now));
    }
    this.lastWindow = stats;
    this.pending.push(stats);
    this.lastWindowMs = now;
    if (now < this.world.durationMs) this.engine.schedule(Math.min(now + WINDOW_MS, this.world.durationMs), this.windowKind, 0);
  }
}
