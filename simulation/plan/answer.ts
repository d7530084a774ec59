/**
 * A plan's answer as plain data (what --json prints and a page would draw): the best design with
 * its cost per hour and per million requests and each target's mean and interval, the frontier of
 * cost against the targets, and what the search spent.
 */
import type { DesignResult, TargetResult } from './evaluate';
import { cheaper, type PlanResult } from './search';
import type { Design, PlanTarget } from './space';

export interface PlannedDesign {
  settings: Design['settings'];
  costUsdPerHour: number;
  costUsdPerMillionRequests: number;
  /** Every target holds with 95% confidence. */
  holds: boolean;
  targets: Record<string, TargetResult>;
  runs: number;
  stopped?: string;
}

export interface PlanAnswer {
  best: PlannedDesign | null;
  reason?: string;
  /** Designs that ran and that no other design beats on cost and every target at once, cheapest first. */
  frontier: PlannedDesign[];
  /** Designs that ran. */
  evaluated: number;
  runs: number;
  /** Designs in the space. */
  designs: number;
  skipped: PlanResult['skipped'];
  replications: number;
  /** Every design that ran, in the order it ran: its cost, whether it met the targets, each target's mean and interval. */
  ran: PlannedDesign[];
}

/** Most designs the frontier lists. */
export const MAX_FRONTIER = 50;

export function planned(r: DesignResult, targets: readonly PlanTarget[]): PlannedDesign {
  const perHour = r.design.costUsdPerHour;
  // Served requests in an hour, in millions: 0 served gives no price per request (null in JSON, as NaN is).
  const millions = (r.servedRps * 3600) / 1e6;
  return {
    settings: r.design.settings,
    costUsdPerHour: perHour,
    costUsdPerMillionRequests: millions > 0 ? Math.round((perHour / millions) * 1e9) / 1e9 : NaN,
    holds: r.holds,
    targets: Object.fromEntries(targets.map((t, i) => [t.text, r.targets[i]])),
    runs: r.runs,
    ...(r.stopped !== undefined ? { stopped: r.stopped } : {}),
  };
}

/** How good a target's mean is, larger better: the mean for > and >=, its negative for < and <=. */
const goodness = (t: PlanTarget, mean: number) => (t.op === '>' || t.op === '>=' ? mean : -mean);

/** `a` beats `b`: no costlier, no worse on any target, and better on one or cheaper. */
function beats(a: DesignResult, b: DesignResult, targets: readonly PlanTarget[]): boolean {
  if (a.design.costUsdPerHour > b.design.costUsdPerHour) return false;
  let strictly = a.design.costUsdPerHour < b.design.costUsdPerHour;
  for (let i = 0; i < targets.length; i++) {
    const ga = goodness(targets[i], a.targets[i].mean);
    const gb = goodness(targets[i], b.targets[i].mean);
    if (ga < gb) return false;
    if (ga > gb) strictly = true;
  }
  return strictly;
}

function reasonOf(result: PlanResult, designs: number): string {
  const ran = result.results.length;
  const stopped = result.results.filter((r) => r.stopped !== undefined).length;
  const parts = [`${ran} design${ran === 1 ? '' : 's'} ran and none met every target with 95% confidence`];
  if (stopped > 0) parts.push(`${stopped} of them stopped early (a run limit)`);
  if (result.skipped.byEstimate > 0) parts.push(`${result.skipped.byEstimate} cannot keep up with the offered load (a stage's closed-form utilisation is 1 or more)`);
  if (result.skipped.byMonotonicity > 0) parts.push(`${result.skipped.byMonotonicity} have less capacity than a design that failed`);
  return `no design of the ${designs} in the space meets the targets: ${parts.join('; ')}`;
}

export function planAnswer(result: PlanResult, targets: readonly PlanTarget[], designs: number, replications: number): PlanAnswer {
  const measured = result.results.filter((r) => r.stopped === undefined);
  const frontier = measured
    .filter((r) => !measured.some((o) => o !== r && beats(o, r, targets)))
    .sort((a, b) => cheaper(a.design, b.design))
    .slice(0, MAX_FRONTIER)
    .map((r) => planned(r, targets));
  return {
    best: result.best ? planned(result.best, targets) : null,
    ...(result.best ? {} : { reason: reasonOf(result, designs) }),
    frontier,
    evaluated: result.results.length,
    runs: result.runs,
    designs,
    skipped: result.skipped,
    replications,
    ran: result.results.map((r) => planned(r, targets)),
  };
}
