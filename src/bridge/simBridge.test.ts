import { describe, expect, it } from 'vitest';
import { SimBridge } from './simBridge';
import { SilentWorker } from './silentWorker';

function setup(timeoutMs = 50) {
  const workers: SilentWorker[] = [];
  const failures: string[] = [];
  const bridge = new SimBridge(
    { onUpdate: () => {}, onFailure: (m) => failures.push(m) },
    timeoutMs,
    () => {
      const w = new SilentWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
  );
  return { bridge, workers, failures };
}

describe('SimBridge', () => {
  it('SimBridge.call() rejects a call that gets no answer, stops the worker and says so', async () => {
    const { bridge, workers, failures } = setup();
    await expect(bridge.call('ping')).rejects.toThrow(/did not answer within 0.05 s \(call "ping"\)/);
    expect(workers[0].terminated).toBe(true);
    expect(bridge.alive).toBe(false);
    expect(failures).toHaveLength(1);
  });

  it('SimBridge rejects every pending call when the worker reports an error', async () => {
    const { bridge, workers, failures } = setup(10_000);
    const a = bridge.call('ping');
    const b = bridge.call('report');
    const err = Object.assign(new Event('error', { cancelable: true }), { message: 'boom' });
    workers[0].dispatchEvent(err);
    await expect(a).rejects.toThrow(/The simulation worker failed: boom/);
    await expect(b).rejects.toThrow(/failed: boom/);
    expect(failures).toEqual([expect.stringContaining('boom')]);
  });

  it('SimBridge starts a fresh worker for the call after a failure', async () => {
    const { bridge, workers } = setup();
    await expect(bridge.call('ping')).rejects.toThrow();
    const next = bridge.call('ping');
    expect(workers).toHaveLength(2);
    expect(bridge.alive).toBe(true);
    await expect(next).rejects.toThrow();
  });
});
