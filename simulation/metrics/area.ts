/**
 * The time integral of a piecewise-constant level (busy servers, queue length, requests in the
 * system). `set` and `add` close the current piece; `at(t)` reads the integral up to time t.
 */
export class Area {
  level = 0;
  private total = 0;
  private lastMs = 0;

  add(nowMs: number, delta: number): void {
    this.total += this.level * (nowMs - this.lastMs);
    this.lastMs = nowMs;
    this.level += delta;
  }

  set(nowMs: number, level: number): void {
    this.add(nowMs, level - this.level);
  }

  /** Integral of the level from 0 to `nowMs` (level x ms). */
  at(nowMs: number): number {
    return this.total + this.level * (nowMs - this.lastMs);
  }
}
