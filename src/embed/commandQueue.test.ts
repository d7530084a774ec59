import { describe, expect, it, vi } from 'vitest';
import { commandQueue } from './commandQueue';

describe('commandQueue', () => {
  it('commandQueue() runs tasks one at a time, in order, after the boot promise', async () => {
    let boot!: () => void;
    const q = commandQueue(new Promise<void>((r) => (boot = r)));
    const seen: string[] = [];
    const a = q.add(async () => void seen.push('a'), () => {});
    const b = q.add(async () => void seen.push('b'), () => {});
    await Promise.resolve();
    expect(seen).toEqual([]);
    boot();
    await Promise.all([a, b]);
    expect(seen).toEqual(['a', 'b']);
  });
  it('commandQueue() keeps answering after a task throws and after its failure report throws too', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const q = commandQueue(Promise.reject(new Error('boot failed')));
    const errors: unknown[] = [];
    await q.add(async () => {
      throw new Error('task');
    }, (e) => errors.push(e));
    await q.add(async () => {
      throw new Error('task 2');
    }, () => {
      throw new Error('postMessage failed');
    });
    const seen: string[] = [];
    await q.add(async () => void seen.push('after'), () => {});
    expect((errors[0] as Error).message).toBe('task');
    expect(seen).toEqual(['after']);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
