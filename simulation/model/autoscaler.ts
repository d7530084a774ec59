/**
 * Target-tracking auto-scaling with scheduled capacity, for one group (command instances,
 * query instances, projectors or read replicas).
 *
 * Every `intervalS` it measures its metric over the interval just ended and computes the
 * capacity that would bring the metric to the target: ceil(serving x value / target), which for
 * CPU is ceil(offered work / per-instance capacity at target), and for consumer lag
 * ceil(lag / target) (KEDA). It scales out when that exceeds the current capacity
 * (at most once per `cooldownOutS`), and in when even a 10% lower target would be met with
 * fewer instances (at most once per `cooldownInS` after any scaling), so that a steady load does
 * not make it flap. A schedule entry sets a floor from its time on (pre-warming).
 */
import type { Autoscaling, ScalingMetric } from '../scenario';
import type { ScalingAction } from '../types';

/** Scale in only when the metric would stay below (1 - this) x target. */
const SCALE_IN_MARGIN = 0.1;
/** The report keeps the most recent actions; the count of all of them is kept too. */
const MAX_ACTIONS = 1000;

/** What the autoscaler needs from the group it scales. */
export interface Scalable {
  /** Capacity provisioned and meant to serve, booting included. */
  current(): number;
  /**
   * The metric over the interval since the previous call (`value`, per instance) and the
   * capacity that would run it at a target of 1 (`total`: serving instances x value, or the
   * lag itself), so the capacity needed at target t is ceil(total / t).
   */
  measure(metric: ScalingMetric, nowMs: number): { value: number; total: number };
  /** Changes the capacity; new instances serve after `bootMs`. */
  scaleTo(n: number, nowMs: number, bootMs: number): void;
}

/** A group's scaling actions, kept across changes of its policy. */
export class ActionLog {
  readonly actions: ScalingAction[] = [];
  count = 0;
  /** Told of each action as it is taken (the run's "what happened" log). */
  onAdd: ((a: ScalingAction) => void) | null = null;

  add(a: ScalingAction): void {
    this.count++;
    this.onAdd?.(a);
    this.actions.push(a);
    if (this.actions.length > MAX_ACTIONS) this.actions.shift();
  }
}

export class Autoscaler {
  floor: number;
  private lastOutMs = -Infinity;
  private lastInMs = -Infinity;

  constructor(
    readonly cfg: Autoscaling,
    private readonly group: Scalable,
    private readonly log: ActionLog,
  ) {
    this.floor = cfg.min;
  }

  get bootMs(): number {
    return this.cfg.bootS * 1000;
  }

  /** One evaluation at `nowMs`. */
  evaluate(nowMs: number): void {
    const { metric, target, max } = this.cfg;
    const { value, total } = this.group.measure(metric, nowMs);
    const cur = this.group.current();
    // A whisker below an integer is that integer (areas are sums of floats).
    const need = (t: number) => Math.ceil(total / t - 1e-9);
    const out = Math.min(max, Math.max(this.floor, need(target)));
    const reason = `${metric} ${round(value)} vs target ${target}`;
    if (out > cur) {
      if (nowMs - this.lastOutMs >= this.cfg.cooldownOutS * 1000 || cur < this.floor) {
        this.scale(nowMs, cur, out, reason);
        this.lastOutMs = nowMs;
      }
      return;
    }
    const inTo = Math.min(max, Math.max(this.floor, need(target * (1 - SCALE_IN_MARGIN))));
    if (inTo < cur && nowMs - Math.max(this.lastOutMs, this.lastInMs) >= this.cfg.cooldownInS * 1000) {
      this.scale(nowMs, cur, inTo, reason);
      this.lastInMs = nowMs;
    }
  }

  /** A schedule entry: capacity at least `instances` from now on. */
  schedule(nowMs: number, instances: number): void {
    this.floor = Math.max(this.cfg.min, Math.min(this.cfg.max, instances));
    const cur = this.group.current();
    if (cur < this.floor) {
      this.scale(nowMs, cur, this.floor, `schedule: at least ${this.floor}`);
      this.lastOutMs = nowMs;
    }
  }

  private scale(nowMs: number, from: number, to: number, reason: string): void {
    this.group.scaleTo(to, nowMs, this.bootMs);
    this.log.add({ atS: nowMs / 1000, from, to, reason });
  }
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
