import { describe, expect, it } from 'vitest';
import type { Span, Trace } from '../../simulation/output/trace';
import { KEPT_SECONDS, SlowestKeeper } from './slowest';

let next = 1;
/** A trace of one request answered (or given up) from `startMs` to `endMs`. */
function trace(kind: 'query' | 'command', startMs: number, endMs: number, outcome = 'ok'): Trace {
  const root: Span = { id: 1, parent: 0, name: kind, part: 'clients', instance: -1, startMs, endMs, attempt: 0, outcome };
  return { request: next++, kind, spans: [root] };
}

describe('SlowestKeeper', () => {
  it('keeps, per second and class, the answered request with the longest latency; a give-up is not an answer', () => {
    const k = new SlowestKeeper();
    const slowQuery = trace('query', 1100, 1900);
    for (const t of [trace('query', 1000, 1200), slowQuery, trace('query', 1500, 1950), trace('query', 0, 1990, 'gaveUp'), trace('command', 1990, 2100)]) k.add(t);
    const a = k.slowest('query', 2500);
    expect(a).toEqual({ ok: true, trace: slowQuery, second: 1 });
    // The command was answered in second 2, which has not ended at 2.5 s: not the last whole second.
    expect(k.slowest('command', 2500)).toMatchObject({ ok: false, why: 'No command answered from 1 s to 2 s has its write visible on every replica yet.' });
    expect(k.slowest('command', 3000)).toMatchObject({ ok: true, second: 2 });
    // Either kind: the slower of the two.
    expect(k.slowest('any', 2500)).toEqual({ ok: true, trace: slowQuery, second: 1 });
    const slowCommand = trace('command', 1000, 1999);
    k.add(slowCommand);
    expect(k.slowest('any', 2500)).toEqual({ ok: true, trace: slowCommand, second: 1 });
    expect(k.slowest('any', 4000)).toMatchObject({ ok: false, why: 'No request answered from 3 s to 4 s is done yet (a command is done once its write is visible on every replica).' });
  });

  it('says why not: no whole second yet, a second not run yet, one no longer kept', () => {
    const k = new SlowestKeeper();
    expect(k.slowest('query', 800)).toMatchObject({ ok: false, why: 'No whole second has run yet: step or play the run first.' });
    expect(k.slowest('query', 3000, 3)).toMatchObject({ ok: false, why: 'The second from 3 s to 4 s has not run yet.' });
    expect(k.slowest('query', 30_000, 29 - KEPT_SECONDS)).toMatchObject({ ok: false, why: /^The second from 19 s to 20 s is no longer kept: the page keeps the slowest requests of the last 10 simulated seconds only\.$/ });
    expect(k.slowest('query', 30_000, 20)).toMatchObject({ ok: false, why: 'No query was answered from 20 s to 21 s.' });
  });

  it(`holds at most two traces for each of the last ${KEPT_SECONDS} seconds, however long the run`, () => {
    const k = new SlowestKeeper();
    for (let ms = 0; ms < 100_000; ms += 7) {
      k.add(trace('query', ms, ms + 3));
      k.add(trace('command', ms, ms + 5));
    }
    expect(k.size).toBeLessThanOrEqual(2 * (KEPT_SECONDS + 1));
    expect(k.slowest('query', 100_000, 99)).toMatchObject({ ok: true, second: 99 });
    expect(k.slowest('query', 100_000, 90)).toMatchObject({ ok: true, second: 90 });
    expect(k.slowest('query', 100_000, 89)).toMatchObject({ ok: false });
  });
});
