/**
 * The yardstick of issue 10's speed targets: M/M/1 on a bare event loop, the least any
 * discrete-event simulator must do per customer (a binary heap of two event kinds, two
 * exponential draws, a FIFO queue), with the same generator (alea) and logarithm as the engine.
 * The engine's M/M/1 through its full query path is measured against it, customers per second.
 */
import alea from 'seedrandom/lib/alea.js';
import { ln } from '../engine/detMath';

/** Customers served per wall second by a bare M/M/1 loop (lambda 0.8/ms, mu 1/ms) over `customers`. */
export function bareMm1(customers: number, seed = 1): { customersPerS: number; meanWaitMs: number } {
  const u = alea(`${seed}/bare`) as () => number;
  // A binary heap of (time, kind) in typed arrays: kind 0 arrival, 1 departure.
  let cap = 1024;
  let times = new Float64Array(cap);
  let kinds = new Uint8Array(cap);
  let n = 0;
  const push = (t: number, k: number) => {
    if (n === cap) {
      cap *= 2;
      const t2 = new Float64Array(cap);
      t2.set(times);
      times = t2;
      const k2 = new Uint8Array(cap);
      k2.set(kinds);
      kinds = k2;
    }
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] <= t) break;
      times[i] = times[p];
      kinds[i] = kinds[p];
      i = p;
    }
    times[i] = t;
    kinds[i] = k;
  };
  let popT = 0;
  let popK = 0;
  const pop = () => {
    popT = times[0];
    popK = kinds[0];
    const last = --n;
    const t = times[last];
    const k = kinds[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && times[c + 1] < times[c]) c++;
      if (t <= times[c]) break;
      times[i] = times[c];
      kinds[i] = kinds[c];
      i = c;
    }
    times[i] = t;
    kinds[i] = k;
  };
  const queue = new Float64Array(1 << 20); // arrival times of waiting customers (a ring)
  let head = 0;
  let len = 0;
  let busy = false;
  let served = 0;
  let waitSum = 0;
  const t0 = process.hrtime.bigint();
  push(-ln(1 - u()) / 0.8, 0);
  while (served < customers) {
    pop();
    const now = popT;
    if (popK === 0) {
      push(now - ln(1 - u()) / 0.8, 0);
      if (!busy) {
        busy = true;
        push(now - ln(1 - u()), 1);
      } else {
        queue[(head + len++) & (queue.length - 1)] = now;
      }
    } else {
      served++;
      if (len > 0) {
        waitSum += now - queue[head];
        head = (head + 1) & (queue.length - 1);
        len--;
        push(now - ln(1 - u()), 1);
      } else busy = false;
    }
  }
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  return { customersPerS: customers / wallS, meanWaitMs: waitSum / customers };
}
