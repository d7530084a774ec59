import { describe, expect, it } from 'vitest';
import { rememberWelcomed, shouldWelcome, WELCOMED_KEY } from './welcome';
import { addressWithExample } from './exampleStore';

function memory(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('welcome', () => {
  it('shouldWelcome() is true on a plain first visit, and false once rememberWelcomed() was called', () => {
    const s = memory();
    expect(shouldWelcome('', '', false, s)).toBe(true);
    rememberWelcomed(s);
    expect(s.data.get(WELCOMED_KEY)).toBe('1');
    expect(shouldWelcome('', '', false, s)).toBe(false);
  });

  it('shouldWelcome() is false in embed mode, in a frame, and when the address says what to do', () => {
    const s = memory();
    expect(shouldWelcome('?embed=1', '', false, s)).toBe(false);
    expect(shouldWelcome('', '', true, s)).toBe(false);
    expect(shouldWelcome('?example=flash-sale', '', false, s)).toBe(false);
    expect(shouldWelcome('?lab=q1', '', false, s)).toBe(false);
    expect(shouldWelcome('', '#s=2.abc', false, s)).toBe(false);
    expect(shouldWelcome('?theme=dark', '', false, s)).toBe(true);
  });

  it('shouldWelcome() stays quiet where storage is off or throws (better than a welcome on every visit)', () => {
    expect(shouldWelcome('', '', false, null)).toBe(false);
    const throwing = { getItem: () => { throw new Error('SecurityError'); } };
    expect(shouldWelcome('', '', false, throwing)).toBe(false);
    expect(() => rememberWelcomed({ setItem: () => { throw new Error('QuotaExceeded'); } })).not.toThrow();
  });
});

describe('addressWithExample', () => {
  it('addressWithExample() sets or removes ?example= and keeps the other parameters', () => {
    expect(addressWithExample('https://x.test/lab/?embed=1#s=2.abc', 'hot-shard', false)).toBe('/lab/?embed=1&example=hot-shard');
    expect(addressWithExample('https://x.test/lab/?example=a&embed=1#s=2.abc', 'b', true)).toBe('/lab/?example=b&embed=1#s=2.abc');
    expect(addressWithExample('https://x.test/?example=a&theme=dark#s=2.x', null, true)).toBe('/?theme=dark#s=2.x');
  });
});
