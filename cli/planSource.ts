/**
 * Runs a plan's designs on the CLI's worker pool. Node only. Designs judged side by side (a
 * shard's) ask for their runs at the same moment: their requests wait until every design still
 * being judged has asked, then go to the pool as one batch, so that the workers stay busy. The
 * search judges one design at a time, so its batches are that design's seeds.
 */
import { recordOf, withSeed, type Design, type PlanTarget, type RunRecord, type RunSource } from '../simulation/index';
import type { Pool, PoolStop } from './pool';

/** The pool stopped (the wall-clock bound): the plan cannot go on. */
export class PlanStopped extends Error {
  constructor(
    readonly stop: PoolStop,
    readonly runsFinished: number,
  ) {
    super('plan stopped');
  }
}

interface Request {
  design: Design;
  seeds: readonly number[];
  resolve: (r: RunRecord[]) => void;
  reject: (e: unknown) => void;
}

/** A source of runs on `pool`; `active()` says how many designs are being judged at once (1 for a search). */
export function poolSource(pool: Pool, targets: readonly PlanTarget[], active: () => number): RunSource & { finished: () => number; nudge: () => void } {
  let pending: Request[] = [];
  let finished = 0;
  const flush = async () => {
    const batch = pending;
    pending = [];
    const jobs = batch.flatMap((r) => r.seeds.map((seed) => withSeed(r.design.scenario, seed)));
    try {
      const result = await pool.run(jobs);
      if (!result.ok) throw new PlanStopped(result.stop, finished);
      finished += jobs.length;
      let at = 0;
      for (const r of batch) {
        r.resolve(result.reports.slice(at, at + r.seeds.length).map((rep) => recordOf(rep, targets)));
        at += r.seeds.length;
      }
    } catch (e) {
      for (const r of batch) r.reject(e);
    }
  };
  const source = (design: Design, seeds: readonly number[]) =>
    new Promise<RunRecord[]>((resolve, reject) => {
      pending.push({ design, seeds, resolve, reject });
      if (pending.length >= active()) void flush();
    });
  // A design that is done asks for nothing more: the others' requests may now make a whole batch.
  const nudge = () => {
    if (pending.length > 0 && pending.length >= active()) void flush();
  };
  return Object.assign(source, { finished: () => finished, nudge });
}
