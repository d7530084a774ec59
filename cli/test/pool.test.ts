/** The CLI's worker pool: every job runs once, on any worker, and its report comes back in the jobs' order. */
import { describe, expect, it } from 'vitest';
import { runScenario, withSeed } from '../../simulation/index';
import { scenario } from '../../simulation/test/helpers';
import { runAll } from '../pool';

describe('pool.runAll', () => {
  it('seven jobs on two workers (two held by each at a time): the reports of in-process runs, in order', async () => {
    const base = scenario({ durationS: 3, warmupS: 0 });
    const jobs = Array.from({ length: 7 }, (_, i) => withSeed(base, 11 + i));
    const done: number[] = [];
    const result = await runAll(jobs, { workers: 2, onDone: (k) => done.push(k) });
    if (!result.ok) throw new Error('the runs do not stop');
    const reports = result.reports;
    const strip = (r: object) => JSON.stringify({ ...r, wallMs: 0 });
    expect(reports.map(strip)).toEqual(jobs.map((j) => strip(runScenario(j))));
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Different seeds, different reports: the order above is a real check.
    expect(new Set(reports.map(strip)).size).toBe(7);
  }, 60_000);
});
