/**
 * The yardstick of issue 10's speed targets: M/M/1 on a bare event loop, the least any
 * discrete-event simulator must do per customer (a binary heap of two event kinds, two
 * exponential draws, a FIFO queue), with the same generator (alea) and logarithm as the engine.
 * The engine's M/M/1 through its full query path is measured against it, customers per second.
 */
import alea from 'seedrandom/lib/alea.js';
import { ln } from '../engine/detMath';
import { Area } from '../metrics/area';
import { Histogram } from '../metrics/histogram';
import { StageSums, type StageSplit } from '../metrics/stageSums';
import { REQUEST_SLOTS, S_QUEUE_WAIT, S_SERVICE, S_VALUE } from '../model/stageSlots';
import { STAGE_PATHS } from '../stages';

/**
 * The bare loop's calendar: a binary heap of (time, kind) in typed arrays, kind 0 an arrival and
 * 1 a departure. `pop` leaves the earliest event in `t` and `k`. A class, not closures over the
 * loop's variables as it was until 2026-11-27: V8 keeps such variables in a context object, and
 * the loop then executed 1,284 instructions per customer against 920 now (valgrind, node
 * --single-threaded) and served 6.4 to 6.7 million customers per CPU second against 7.5 to 7.9
 * now. A yardstick slower than it need be flatters the engine.
 */
class BareCalendar {
  private cap = 1024;
  private times = new Float64Array(this.cap);
  private kinds = new Uint8Array(this.cap);
  private n = 0;
  t = 0;
  k = 0;

  push(t: number, k: number): void {
    if (this.n === this.cap) {
      this.cap *= 2;
      const t2 = new Float64Array(this.cap);
      t2.set(this.times);
      this.times = t2;
      const k2 = new Uint8Array(this.cap);
      k2.set(this.kinds);
      this.kinds = k2;
    }
    const times = this.times;
    const kinds = this.kinds;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] <= t) break;
      times[i] = times[p];
      kinds[i] = kinds[p];
      i = p;
    }
    times[i] = t;
    kinds[i] = k;
  }

  pop(): void {
    const times = this.times;
    const kinds = this.kinds;
    this.t = times[0];
    this.k = kinds[0];
    const last = --this.n;
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
  }
}

/**
 * Customers served per second of its own wall time by a bare M/M/1 loop (lambda 0.8/ms, mu 1/ms)
 * over `customers` (ratio.ts times it in CPU seconds instead), and their mean wait.
 */
export function bareMm1(customers: number, seed = 1): { customersPerS: number; meanWaitMs: number } {
  const u = alea(`${seed}/bare`) as () => number;
  const cal = new BareCalendar();
  const queue = new Float64Array(1 << 20); // arrival times of waiting customers (a ring)
  let head = 0;
  let len = 0;
  let busy = false;
  let served = 0;
  let waitSum = 0;
  const t0 = process.hrtime.bigint();
  cal.push(-ln(1 - u()) / 0.8, 0);
  while (served < customers) {
    cal.pop();
    const now = cal.t;
    if (cal.k === 0) {
      cal.push(now - ln(1 - u()) / 0.8, 0);
      if (!busy) {
        busy = true;
        cal.push(now - ln(1 - u()), 1);
      } else {
        queue[(head + len++) & (queue.length - 1)] = now;
      }
    } else {
      served++;
      if (len > 0) {
        waitSum += now - queue[head];
        head = (head + 1) & (queue.length - 1);
        len--;
        cal.push(now - ln(1 - u()), 1);
      } else busy = false;
    }
  }
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  return { customersPerS: customers / wallS, meanWaitMs: waitSum / customers };
}

/** What the book-keeping loop's books say at its end: the figures the engine's M/M/1 report shows. */
export interface KeptBooks {
  /** Customers served, and windows closed (one a simulated second). */
  served: number;
  windows: number;
  /** The last window closed: its latency's mean and p99 (of `percentiles`) and its split by stage. */
  lastWindow: { mean: number; p99: number } & StageSplit;
  /** The latency summary, as the report's `queries.latencyMs`: mean, p99, and its split by stage. */
  latency: { mean: number; p99: number } & StageSplit;
  /** Mean queue wait (the histogram of waits), share of time the server was busy, mean customers in the system. */
  meanWaitMs: number;
  busyShare: number;
  meanInSystem: number;
}

/**
 * The book-keeping loop's window: its latency histogram and stage sums, closed once a simulated
 * second as the engine closes its windows (percentiles and split read, then reset). A class of its
 * own keeps the loop's function small, so that V8 inlines into it what it inlines into a small loop.
 */
class WindowBooks {
  readonly latency = new Histogram();
  readonly stages: StageSums;
  private readonly percentiles = { p50: 0, p95: 0, p99: 0 };
  count = 0;
  last: KeptBooks['lastWindow'] | null = null;

  constructor(ids: readonly string[], slots: readonly number[]) {
    this.stages = new StageSums(ids, slots);
  }

  close(): void {
    this.latency.percentiles(this.percentiles);
    // The mean from the count and the sum, not the histogram's `mean` getter: with that one call
    // here V8 compiled this loop to 3,116 instructions a customer instead of 2,904 (valgrind).
    const n = this.latency.count;
    const total = this.latency.sum;
    this.last = { mean: n > 0 ? total / n : 0, p99: this.percentiles.p99, ...this.stages.split(this.latency) };
    this.latency.reset();
    this.stages.reset();
    this.count++;
  }
}

/**
 * The same loop keeping the books a report needs, with the engine's own classes: each customer's
 * queue wait and latency in histograms (the latency twice: the run's and the window's, as the
 * engine records it), its latency split by stage (queue wait, service) into the run's and the
 * window's stage sums by histogram bucket (`StageSums`, in one pass, as the engine keeps them for
 * the report's `stages` and `tailStages`), the time integrals of busy servers and of customers in
 * the system (two updates each per customer, where the engine makes eight to ten), and every
 * simulated second a window closed (its latency percentiles and stage split read, its histogram
 * and stage sums reset). It tells how much of the gap between the engine and the bare loop is
 * bookkeeping and how much the rest of the model (balancer, instance, read path, request state, a
 * calendar of many kinds). `keptBooks.test.ts` checks that its books are the report's: the same
 * stages, and figures that match M/M/1's closed forms.
 */
export function bareMm1Kept(customers: number, seed = 1): { customersPerS: number; meanWaitMs: number; books: KeptBooks } {
  const u = alea(`${seed}/bare`) as () => number;
  const cal = new BareCalendar();
  const inLine = new Float64Array(1 << 20); // arrival times of the customers in the system, the one served first
  const wait = new Histogram();
  const latency = new Histogram();
  const path = STAGE_PATHS['queries.latencyMs'];
  const stages = new StageSums(path.ids, path.slots);
  const win = new WindowBooks(path.ids, path.slots);
  const vec = new Float64Array(REQUEST_SLOTS); // the served customer's stages, as a request's vector
  const busyArea = new Area();
  const inSystem = new Area();
  let windowEndMs = 1000;
  let head = 0;
  let len = 0;
  let served = 0;
  let startMs = 0; // when the customer in service started
  const t0 = process.hrtime.bigint();
  cal.push(-ln(1 - u()) / 0.8, 0);
  while (served < customers) {
    cal.pop();
    const now = cal.t;
    for (; now >= windowEndMs; windowEndMs += 1000) win.close();
    if (cal.k === 0) {
      cal.push(now - ln(1 - u()) / 0.8, 0);
      inLine[(head + len++) & (inLine.length - 1)] = now;
      inSystem.add(now, 1);
      if (len === 1) {
        busyArea.add(now, 1);
        wait.record(0);
        startMs = now;
        cal.push(now - ln(1 - u()), 1);
      }
    } else {
      served++;
      const arrivedMs = inLine[head];
      const sojourn = now - arrivedMs;
      head = (head + 1) & (inLine.length - 1);
      len--;
      latency.record(sojourn);
      win.latency.record(sojourn);
      const queued = startMs - arrivedMs;
      const service = now - startMs;
      vec[S_QUEUE_WAIT] = queued;
      vec[S_SERVICE] = service;
      vec[S_VALUE] = sojourn;
      const mask = (queued !== 0 ? 1 << S_QUEUE_WAIT : 0) | (service !== 0 ? 1 << S_SERVICE : 0);
      win.stages.record(vec, 0, S_VALUE, S_SERVICE, mask, stages);
      inSystem.add(now, -1);
      busyArea.add(now, -1);
      if (len > 0) {
        busyArea.add(now, 1);
        wait.record(now - inLine[head]);
        startMs = now;
        cal.push(now - ln(1 - u()), 1);
      }
    }
  }
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const endMs = cal.t;
  const books: KeptBooks = {
    served,
    windows: win.count,
    lastWindow: win.last!,
    latency: { mean: latency.mean, p99: latency.quantile(0.99), ...stages.split(latency) },
    meanWaitMs: wait.mean,
    busyShare: busyArea.at(endMs) / endMs,
    meanInSystem: inSystem.at(endMs) / endMs,
  };
  return { customersPerS: customers / wallS, meanWaitMs: wait.mean, books };
}
