import { describe, expect, it } from 'vitest';
import { KEPT_SECONDS, SlowestKeeper, type Answered } from './slowest';

let next = 1;
/** A request answered from `startMs` to `endMs`. */
function answered(kind: 'query' | 'command', startMs: number, endMs: number): Answered {
  return { request: next++, kind, startMs, endMs };
}

describe('SlowestKeeper', () => {
  it('keeps, per second and class, the answered request with the longest latency', () => {
    const k = new SlowestKeeper();
    const slowQuery = answered('query', 1100, 1900);
    for (const a of [answered('query', 1000, 1200), slowQuery, answered('query', 1500, 1950), answered('command', 1990, 2100)]) k.add(a);
    expect(k.slowest('query', 2500)).toEqual({ ok: true, answered: slowQuery, second: 1 });
    // The command was answered in second 2, which has not ended at 2.5 s: not the last whole second.
    expect(k.slowest('command', 2500)).toMatchObject({ ok: false, why: 'No command was answered from 1 s to 2 s.' });
    expect(k.slowest('command', 3000)).toMatchObject({ ok: true, second: 2 });
    // Either kind: the slower of the two.
    expect(k.slowest('any', 2500)).toEqual({ ok: true, answered: slowQuery, second: 1 });
    const slowCommand = answered('command', 1000, 1999);
    k.add(slowCommand);
    expect(k.slowest('any', 2500)).toEqual({ ok: true, answered: slowCommand, second: 1 });
    expect(k.slowest('any', 4000)).toMatchObject({ ok: false, why: 'No request was answered from 3 s to 4 s.' });
  });

  it("as the engine's watcher: numbers requests as they arrive, keeps the number through a retry, and takes the latency from the first attempt's start", () => {
    const k = new SlowestKeeper();
    k.arrive(0, 1);
    k.arrive(1, 2);
    k.answered(1, 1000, 1010, false);
    // Request 1 fails in slot 0, is retried in slot 2, and answered 300 ms after it began.
    k.retried(0, 2);
    k.arrive(0, 3);
    k.answered(2, 1005, 1305, false);
    k.answered(0, 1100, 1101, true);
    expect(k.slowest('query', 2000)).toEqual({ ok: true, second: 1, answered: { request: 1, kind: 'query', startMs: 1005, endMs: 1305 } });
    expect(k.slowest('command', 2000)).toEqual({ ok: true, second: 1, answered: { request: 3, kind: 'command', startMs: 1100, endMs: 1101 } });
  });

  it('says why not: no whole second yet, a second not run yet, one no longer kept', () => {
    const k = new SlowestKeeper();
    expect(k.slowest('query', 800)).toMatchObject({ ok: false, why: 'No whole second has run yet: step or play the run first.' });
    expect(k.slowest('query', 3000, 3)).toMatchObject({ ok: false, why: 'The second from 3 s to 4 s has not run yet.' });
    expect(k.slowest('query', 30_000, 29 - KEPT_SECONDS)).toMatchObject({ ok: false, why: /^The second from 19 s to 20 s is no longer kept: the page keeps the slowest requests of the last 10 simulated seconds only\.$/ });
    expect(k.slowest('query', 30_000, 20)).toMatchObject({ ok: false, why: 'No query was answered from 20 s to 21 s.' });
  });

  it(`holds at most two requests for each of the last ${KEPT_SECONDS} seconds, however long the run`, () => {
    const k = new SlowestKeeper();
    for (let ms = 0; ms < 100_000; ms += 7) {
      k.arrive(0, ms);
      k.answered(0, ms, ms + 3, false);
      k.arrive(1, ms + 1);
      k.answered(1, ms, ms + 5, true);
    }
    expect(k.size).toBeLessThanOrEqual(2 * (KEPT_SECONDS + 1));
    expect(k.slowest('query', 100_000, 99)).toMatchObject({ ok: true, second: 99 });
    expect(k.slowest('query', 100_000, 90)).toMatchObject({ ok: true, second: 90 });
    expect(k.slowest('query', 100_000, 89)).toMatchObject({ ok: false });
  });
});
