/**
 * The client's latency histograms share the attempt ones until a request's wait differs from its
 * attempt's latency (a retry answered): checked against two histograms kept apart all along.
 */
import { describe, expect, it } from 'vitest';
import { ClassTally } from '../metrics/classTally';
import { Histogram } from '../metrics/histogram';
import { REQUEST_SLOTS, S_CLIENT_VALUE, S_QUEUE_WAIT, S_VALUE } from '../model/stageSlots';

/** Tells `tally` of an answer as the clients do: latency and wait through a request's stage vector. */
function answer(tally: ClassTally, counted: boolean, latencyMs: number, waitedMs: number): void {
  const st = new Float64Array(REQUEST_SLOTS);
  st[S_VALUE] = latencyMs;
  st[S_CLIENT_VALUE] = waitedMs;
  st[S_QUEUE_WAIT] = latencyMs;
  tally.answer(counted, st, 0, S_QUEUE_WAIT, latencyMs !== 0 ? 1 << S_QUEUE_WAIT : 0);
}

/** What the tally must equal: every sample recorded into histograms of their own. */
class Reference {
  latency = new Histogram();
  client = new Histogram();
  windowLatency = new Histogram();
  windowClient = new Histogram();
  answer(counted: boolean, latencyMs: number, waitedMs: number): void {
    this.windowLatency.record(latencyMs);
    this.windowClient.record(waitedMs);
    if (counted) {
      this.latency.record(latencyMs);
      this.client.record(waitedMs);
    }
  }
  closeWindow(): { p50: number; p95: number; p99: number; clientP50: number; clientP95: number; clientP99: number } {
    const a = { p50: 0, p95: 0, p99: 0 };
    const c = { p50: 0, p95: 0, p99: 0 };
    this.windowLatency.percentiles(a);
    this.windowClient.percentiles(c);
    this.windowLatency.reset();
    this.windowClient.reset();
    return { ...a, clientP50: c.p50, clientP95: c.p95, clientP99: c.p99 };
  }
}

function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('ClassTally client latency', () => {
  for (const [label, retryEvery] of [
    ['no retry is ever answered (the histograms stay shared)', 0],
    ['retries are answered now and then, some before warm-up', 37],
    ['a retry is answered in the very first window', 1],
  ] as const) {
    it(`equals histograms kept apart: ${label}`, () => {
      const u = lcg(99 + retryEvery);
      const tally = new ClassTally();
      const ref = new Reference();
      for (let n = 1; n <= 5000; n++) {
        const counted = n > 700;
        const latency = u() ** 2 * 300 + 0.01;
        // A retried request waited its backoff and earlier attempts too.
        const retried = retryEvery > 0 && (n === retryEvery || u() * retryEvery < 1);
        const waited = retried ? latency + 50 + u() * 400 : latency;
        answer(tally, counted, latency, waited);
        ref.answer(counted, latency, waited);
        if (n % 250 === 0) {
          const w = tally.closeWindow();
          expect({ p50: w.p50, p95: w.p95, p99: w.p99, clientP50: w.clientP50, clientP95: w.clientP95, clientP99: w.clientP99 }).toEqual(ref.closeWindow());
        }
        if (n % 999 === 0 || n === 701) {
          expect(tally.clientLatency.summary()).toEqual(ref.client.summary());
          expect(tally.clientLatency.sum).toBe(ref.client.sum);
          expect(tally.latency.summary()).toEqual(ref.latency.summary());
        }
      }
      expect(tally.clientLatency.summary()).toEqual(ref.client.summary());
      expect(tally.succeeded).toBe(4300);
      expect(tally.completed).toBe(4300);
      if (retryEvery === 0) expect(tally.clientLatency).toBe(tally.latency);
      else expect(tally.clientLatency.summary()).not.toEqual(tally.latency.summary());
    });
  }

  it('counts a request that gave up apart from the answered ones', () => {
    const tally = new ClassTally();
    answer(tally, true, 10, 10);
    tally.giveUp(true, 500);
    tally.giveUp(false, 700);
    expect(tally.gaveUp).toBe(1);
    expect(tally.gaveUpAfter.summary().max).toBe(500);
    expect(tally.clientLatency.summary().max).toBe(10);
  });
});
