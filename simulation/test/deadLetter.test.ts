/**
 * The dead-letter queue after the projectors, against closed forms. With failure rate p per apply
 * attempt and N attempts at most, the attempts of one event are Bernoulli trials stopped at the
 * first success or at N: it is dead-lettered with probability p^N, it fails p(1 - p^N)/(1 - p)
 * attempts on average, and it is retried after every failed attempt but the N-th, so
 * p(1 - p^(N-1))/(1 - p) retries. The tolerances are 4 standard deviations of the run's own count.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, buildSnapshot, runScenario, Simulation, type Report, type WindowStats } from '../index';
import { figureAt, seriesFigureAt } from '../figures';
import { FIELDS } from '../fields';
import { groupDigits, overPartLimit } from '../limits';
import { seriesColumns, seriesHeader, seriesRow, seriesRowIn } from '../series';
import { deadLetterPart } from '../parts/deadLetter';
import { scenario } from './helpers';

type Json = Record<string, unknown>;

/** Commands only, enough command capacity, 8 partitions and 4 projectors applying in 0.2 ms. */
function writes(over: Json = {}) {
  return scenario({
    seed: 5,
    durationS: 6,
    warmupS: 1,
    workload: { rps: 1500, writeRatio: 1, followUpReads: { ratio: 0 } },
    commandService: { instances: 6, vcpus: 2 },
    eventStream: { partitions: 8, projectors: 4, applyLatencyMs: { type: 'constant', ms: 0.2 } },
    ...over,
  });
}

function runWith(over: Json): { sim: Simulation; report: Report; windows: WindowStats[] } {
  const sim = new Simulation(writes(over));
  sim.run();
  return { sim, report: buildReport(sim), windows: sim.drainWindows() };
}

/** Mean and variance of min(failures before the first success, m), each trial failing with probability p. */
function stopped(p: number, m: number): { mean: number; variance: number } {
  const probs = Array.from({ length: m + 1 }, (_, k) => (k < m ? p ** k * (1 - p) : p ** m));
  const mean = probs.reduce((s, pk, k) => s + k * pk, 0);
  return { mean, variance: probs.reduce((s, pk, k) => s + (k - mean) ** 2 * pk, 0) };
}

describe('dead-letter queue', () => {
  it('dead-letters a share p^N of the events and retries p(1 - p^(N-1))/(1 - p) times per event', () => {
    const p = 0.5;
    const N = 3;
    const { report, windows, sim } = runWith({ deadLetter: { failureRate: p, maxAttempts: N, retryDelayMs: 1 } });
    const d = report.deadLetter!;
    const n = d.settled;
    expect(n).toBeGreaterThan(5000);
    // Dead-lettered: binomial(n, p^N): 0.125 of about 9,000, sd about 31.
    const q = p ** N;
    expect(Math.abs(d.deadLettered - n * q)).toBeLessThan(4 * Math.sqrt(n * q * (1 - q)));
    // Retries per event: R = min(failures before the first success, N - 1), its exact variance.
    const r = stopped(p, N - 1);
    expect(r.mean).toBeCloseTo((p * (1 - p ** (N - 1))) / (1 - p), 12);
    expect(Math.abs(d.retries / n - r.mean)).toBeLessThan(4 * Math.sqrt(r.variance / n));
    // Failed attempts: the retried ones and the last of each dead letter, K = min(failures, N), p(1 - p^N)/(1 - p) per event.
    const k = stopped(p, N);
    expect(k.mean).toBeCloseTo((p * (1 - q)) / (1 - p), 12);
    expect(Math.abs((d.retries + d.deadLettered) / n - k.mean)).toBeLessThan(4 * Math.sqrt(k.variance / n));
    // The windows add up to the queue's depth (warm-up included), and the projection dropped exactly those.
    const depth = windows.reduce((s, w) => s + w.deadLetter!.deadLettered, 0);
    expect(windows[windows.length - 1].deadLetter!.depth).toBe(depth);
    expect(sim.projection.dropped).toBe(depth);
    // What it holds is bounded: at most one event per projector (4 here), and per partition, waits for a retry.
    expect(d.maxRetrying).toBeGreaterThan(0);
    expect(d.maxRetrying).toBeLessThanOrEqual(4);
  });

  it('failureRate 1: every event is dead-lettered after N attempts and none is ever visible', () => {
    const { sim, report } = runWith({ deadLetter: { failureRate: 1, maxAttempts: 4, retryDelayMs: 0 } });
    const d = report.deadLetter!;
    expect(d.settled).toBeGreaterThan(5000);
    expect(d.deadLettered).toBe(d.settled);
    // Three retries per settled event, give or take three for each event a projector (4) holds when
    // the warm-up ends (retried before it) or when the run ends (retried, not settled).
    expect(Math.abs(d.retries - 3 * d.settled)).toBeLessThanOrEqual(3 * 4);
    expect(report.consistencyLagMs.count).toBe(0);
    // No read node has any key at any version: nothing reached the query model.
    for (const node of sim.nodeVersion) expect(node.every((v) => v === 0)).toBe(true);
    expect(sim.writeVersion.some((v) => v > 0)).toBe(true);
  });

  it('failureRate 0: the report is the one without the section, but for the queue\'s own keys', () => {
    const strip = (r: Report) => {
      const { deadLetter, wallMs, ...rest } = r;
      void deadLetter;
      void wallMs;
      return rest;
    };
    const stripW = (ws: WindowStats[]) => ws.map(({ deadLetter, ...w }) => (void deadLetter, w));
    const without = new Simulation(writes());
    without.run();
    const on = runWith({ deadLetter: { failureRate: 0 } });
    expect(JSON.stringify(strip(on.report))).toBe(JSON.stringify(strip(buildReport(without))));
    expect(JSON.stringify(stripW(on.windows))).toBe(JSON.stringify(without.drainWindows()));
    expect(on.report.deadLetter).toMatchObject({ deadLettered: 0, retries: 0, maxRetrying: 0 });
    expect(buildReport(without).deadLetter).toBeUndefined();
  });

  it('a retry delays its event by the retry delay and one more apply (an exact pipeline)', () => {
    // One partition, deterministic writes every 200 ms: no event waits behind another.
    const r = runScenario(
      writes({
        seed: 3,
        durationS: 60,
        warmupS: 0,
        workload: { rps: 5, arrivals: 'deterministic' },
        writeStore: { writeLatencyMs: 0 },
        eventStream: { partitions: 1, projectors: 1, appendLatencyMs: 2, applyLatencyMs: 1 },
        deadLetter: { failureRate: 0.5, maxAttempts: 2, retryDelayMs: 20 },
      }),
    );
    const d = r.deadLetter!;
    // Applied at once: 2 + 1 ms after commit; applied at the second attempt: 2 + 1 + 20 + 1 ms.
    expect(r.consistencyLagMs.count).toBe(d.settled - d.deadLettered);
    expect(r.consistencyLagMs.p50).toBeCloseTo(3, 1);
    expect(r.consistencyLagMs.max).toBeCloseTo(24, 1);
    expect(r.consistencyLagMs.mean * r.consistencyLagMs.count).toBeCloseTo(3 * r.consistencyLagMs.count + 21 * (d.retries - d.deadLettered), 3);
  });

  it('the wait before a retry is not work: the projectors\' utilisation counts the apply attempts alone', () => {
    // One projector, every attempt fails: each event is N applies of a ms and N - 1 waits of D ms.
    const N = 3;
    const a = 1;
    const r = runScenario(
      writes({
        seed: 3,
        durationS: 20,
        warmupS: 0,
        workload: { rps: 5, arrivals: 'deterministic' },
        eventStream: { partitions: 1, projectors: 1, applyLatencyMs: a },
        deadLetter: { failureRate: 1, maxAttempts: N, retryDelayMs: 500 },
      }),
    );
    const d = r.deadLetter!;
    expect(d.settled).toBeGreaterThan(10);
    // Busy time: N applies of each settled event, and at most N of the one in hand at the end, over 20 s of one projector.
    const busyMs = r.projectors.utilization * 20_000;
    expect(busyMs).toBeGreaterThanOrEqual(d.settled * N * a - 1e-6);
    expect(busyMs).toBeLessThanOrEqual((d.settled + 1) * N * a + 1e-6);
  });

  it('head-of-line blocking: retries hold the partitions, and the events behind wait', () => {
    // Per projector, about 375 events a second; each failed attempt holds it 20 ms more: 0.75 retries
    // an event at p = 0.5, N = 3 make about 15 ms an event, 5.7 s of work a second: the lag grows.
    const calm = runWith({ deadLetter: { failureRate: 0 } }).report;
    const blocked = runWith({ deadLetter: { failureRate: 0.5, maxAttempts: 3, retryDelayMs: 20 } }).report;
    expect(calm.eventStream.maxLagMs).toBeLessThan(100);
    expect(blocked.eventStream.maxLagMs).toBeGreaterThan(2000);
    expect(blocked.consistencyLagMs.p50).toBeGreaterThan(10 * calm.consistencyLagMs.p99);
    // Every projector (4) held by a retry at some moment: a projector holds one event at a time.
    expect(blocked.deadLetter!.maxRetrying).toBe(4);
  });

  it('a retry holds its projector, and with it every partition the projector reads; the figures count projectors', () => {
    // 8 partitions, 20 writes a second, 1 attempt in 20 fails and waits 500 ms. One projector owns all 8
    // partitions and stands still about half the time (1.05 waits a second): as a queue with vacations,
    // a mean wait near 0.53 x 250 / 0.47, about 280 ms. With 8, each waits 1/8 of that time and stops
    // its one partition: about 18 ms. Both add the failed events' own 26 ms; the first is about 7 times the second.
    const lag = (projectors: number) =>
      runWith({
        durationS: 20,
        workload: { rps: 20, writeRatio: 1, followUpReads: { ratio: 0 } },
        eventStream: { partitions: 8, projectors, applyLatencyMs: { type: 'constant', ms: 0.2 } },
        deadLetter: { failureRate: 0.05, maxAttempts: 3, retryDelayMs: 500 },
      }).report.consistencyLagMs.mean;
    expect(lag(1)).toBeGreaterThan(4 * lag(8));
    for (const f of [figureAt('deadLetter.maxRetrying'), seriesFigureAt('deadLetter.retrying')]) {
      expect(f!.unit).toBe('projectors');
      expect(f!.label).toMatch(/projectors/i);
    }
  });

  it('the report counts after the warm-up, like every other figure; the queue\'s depth counts every dead letter', () => {
    const { report, windows, sim } = runWith({ warmupS: 2, deadLetter: { failureRate: 0.5, maxAttempts: 2, retryDelayMs: 1 } });
    const d = report.deadLetter!;
    // A window ends at tS: those ending after 2 s cover the measured span (no event falls exactly on 2 s).
    const after = windows.filter((w) => w.tS > 2);
    expect(d.deadLettered).toBe(after.reduce((n, w) => n + w.deadLetter!.deadLettered, 0));
    expect(d.retries).toBe(after.reduce((n, w) => n + w.deadLetter!.retries, 0));
    const all = windows.reduce((n, w) => n + w.deadLetter!.deadLettered, 0);
    expect(all).toBeGreaterThan(d.deadLettered);
    expect(windows[windows.length - 1].deadLetter!.depth).toBe(all);
    expect(buildSnapshot(sim).deadLetter!.depth).toBe(all);
  });

  it('follows a live change: failure rate 0 then 1 at 3 s, then off at 5 s', () => {
    const { windows, report } = runWith({
      // A projector busy 0.2 + 1 + 0.2 ms for each of about 375 events a second: not saturated.
      deadLetter: { failureRate: 0, maxAttempts: 2, retryDelayMs: 1 },
      interventions: [
        { atS: 3, set: 'deadLetter.failureRate', value: 1 },
        { atS: 5, set: 'deadLetter', value: null },
      ],
    });
    const at = (tS: number) => windows.find((w) => w.tS === tS)!.deadLetter!;
    expect(at(3).deadLettered).toBe(0);
    expect(at(4).deadLettered).toBeGreaterThan(1000); // about 1,500 writes a second, all dead-lettered
    expect(at(4).retries).toBe(at(4).deadLettered + at(4).retrying - at(3).retrying);
    // Off from 5 s: no more dead letters, nothing holds a partition, the depth stays.
    expect(at(6).deadLettered).toBe(0);
    expect(at(6).retrying).toBe(0);
    expect(at(6).depth).toBe(report.deadLetter!.deadLettered);
  });

  it('turned off while projectors wait for a retry: they still count as held until their waits end', () => {
    // Every attempt fails and waits 2 s, so when the queue goes off at 3 s the projectors are waiting.
    const { windows } = runWith({
      durationS: 7,
      deadLetter: { failureRate: 1, maxAttempts: 3, retryDelayMs: 2000 },
      interventions: [{ atS: 3, set: 'deadLetter', value: null }],
    });
    const at = (tS: number) => windows.find((w) => w.tS === tS)!.deadLetter!;
    expect(at(3).retrying).toBeGreaterThan(0);
    expect(at(4).retrying).toBeGreaterThan(0);
    expect(at(4).retries).toBe(0);
    expect(at(6).retrying).toBe(0);
  });

  it('turned on during a run by setting the section: the report and windows gain its keys from then on', () => {
    const { windows, report } = runWith({ interventions: [{ atS: 2, set: 'deadLetter', value: { failureRate: 1, maxAttempts: 1 } }] });
    expect(windows[0].deadLetter).toBeUndefined();
    expect(windows[windows.length - 1].deadLetter!.deadLettered).toBeGreaterThan(1000);
    expect(report.deadLetter!.retries).toBe(0);
    expect(report.deadLetter!.deadLettered).toBe(report.deadLetter!.settled);
  });

  it('its figures reach the CSV series (when in the run), the snapshot, and its limit the run limits', () => {
    const s = writes({ durationS: 3, deadLetter: { failureRate: 1, maxAttempts: 1 } });
    const sim = new Simulation(s);
    sim.run();
    const w = sim.drainWindows();
    const cols = seriesColumns(s);
    expect(cols.slice(-4)).toEqual(['deadLetter.deadLettered', 'deadLetter.retries', 'deadLetter.depth', 'deadLetter.retrying']);
    expect(seriesHeader(s).endsWith(',deadLetter.deadLettered,deadLetter.retries,deadLetter.depth,deadLetter.retrying')).toBe(true);
    expect(seriesRowIn(cols, w[2]).split(',').slice(-4).map(Number)).toEqual([w[2].deadLetter!.deadLettered, 0, w[2].deadLetter!.depth, 0]);
    // Without the section (or without a scenario) the columns are the engine's alone.
    expect(seriesHeader(writes())).toBe(seriesHeader());
    expect(seriesRow(w[2]).split(',').length).toBe(seriesHeader().split(',').length);
    expect(buildSnapshot(sim).deadLetter).toEqual({ depth: w[w.length - 1].deadLetter!.depth, retrying: 0 });
    // Its limit is the projectors' bound in the field registry: one event held per projector at most.
    const max = FIELDS.find((f) => f.path === 'eventStream.projectors')!.max!;
    expect(deadLetterPart.limit!.max).toBe(max);
    expect(overPartLimit([[deadLetterPart.limit!, max + 1]])).toBe(`${groupDigits(max + 1)} events held for a retry, over the limit of ${groupDigits(max)}`);
    expect(overPartLimit([[deadLetterPart.limit!, max]])).toBeNull();
  });

  it('refuses bad settings, naming the field', () => {
    const bad = (deadLetter: Json) => () => writes({ deadLetter });
    expect(bad({ failureRate: 1.5 })).toThrow('deadLetter.failureRate');
    expect(bad({ maxAttempts: 0 })).toThrow('deadLetter.maxAttempts');
    expect(bad({ maxAttempts: 2.5 })).toThrow('deadLetter.maxAttempts');
    expect(bad({ retryDelayMs: -1 })).toThrow('deadLetter.retryDelayMs');
    expect(bad({ poison: true })).toThrow('deadLetter.poison: unknown field');
  });
});
