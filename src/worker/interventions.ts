/** Helpers for recording live changes as interventions that replay exactly. */
/** A change at a simulated time, as in the scenario file's `interventions`. */
export interface Intervention {
  atS: number;
  set: string;
  value: unknown;
}

/**
 * The first whole millisecond at or after `nowMs` at which a live change can be applied so that
 * its replay happens at exactly the same time: `t / 1000` read back as `atS * 1000` gives `t`,
 * and `t` is not a window boundary (windows end on whole seconds, and an intervention scheduled
 * at the same time as a window would be ordered differently in the replay).
 */
export function cleanChangeTimeMs(nowMs: number): number {
  let t = Math.ceil(nowMs);
  while (t % 1000 === 0 || (t / 1000) * 1000 !== t) t++;
  return t;
}

/** Both lists in time order; at equal times the earlier list comes first (a stable merge). */
export function mergeInterventions(a: readonly Intervention[], b: readonly Intervention[]): Intervention[] {
  return [...a, ...b].map((iv, i) => ({ iv, i })).sort((x, y) => x.iv.atS - y.iv.atS || x.i - y.i).map((x) => x.iv);
}
