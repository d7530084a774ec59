import { describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../simulation/index';
import { StudyPool } from './studyPool';
import { SilentWorker } from '../bridge/silentWorker';


function setup(size: number) {
  const workers: SilentWorker[] = [];
  const pool = new StudyPool(size, () => {
    const w = new SilentWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  return { pool, workers };
}

const jobs = Array.from({ length: 6 }, () => ({}) as Scenario);

describe('StudyPool', () => {
  it('StudyPool.runAll() fails with the bridge\'s sentence when a worker reports an error, stops that worker and starts no other', async () => {
    const { pool, workers } = setup(2);
    const all = pool.runAll(jobs, new Set(), () => {});
    expect(workers).toHaveLength(2);
    workers[1].dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'boom' }));
    await expect(all).rejects.toThrow('A study worker failed: boom. The study was stopped.');
    expect(pool.broken).toBe(true);
    expect(workers[1].terminated).toBe(true);
    // The two callers of the failed worker end; neither starts a new worker.
    expect(workers).toHaveLength(2);
    pool.close();
    expect(workers[0].terminated).toBe(true);
  });

  it('StudyPool calls have no time limit (a long run is not a failure): they wait until cancelled', async () => {
    vi.useFakeTimers();
    const { pool, workers } = setup(1);
    let settled = false;
    const all = pool.runAll(jobs, new Set(), () => {});
    all.catch(() => {}).finally(() => (settled = true));
    // An hour with no answer: the simulation's bridge would have failed the worker after 5 s.
    await vi.advanceTimersByTimeAsync(3_600_000);
    vi.useRealTimers();
    expect(settled).toBe(false);
    expect(workers[0].terminated).toBe(false);
    pool.cancel();
    await expect(all).rejects.toThrow('cancelled');
    expect(workers[0].terminated).toBe(true);
    expect(pool.broken).toBe(false);
  });

  it('StudyPool.prepare() rejects with the bridge\'s sentence when the worker\'s message cannot be read', async () => {
    const { pool, workers } = setup(1);
    const p = pool.prepare('{}');
    workers[0].dispatchEvent(new Event('messageerror'));
    await expect(p).rejects.toThrow('A study worker sent a message that could not be read. The study was stopped.');
    expect(pool.broken).toBe(true);
  });
});
