import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedOrigins, parseCommand } from './protocol';

const cmd = (type: string, extra: object = {}) => ({ type: `cqrs-lab:${type}`, version: 1, id: 'x', ...extra });

describe('parseCommand', () => {
  it('parseCommand() accepts every command with its arguments and keeps the id', () => {
    expect(parseCommand(cmd('play'))).toEqual({ ok: true, command: { name: 'play', id: 'x' } });
    expect(parseCommand({ ...cmd('getReport'), id: 7 })).toEqual({ ok: true, command: { name: 'getReport', id: 7 } });
    expect(parseCommand(cmd('set', { path: 'cache.enabled', value: true }))).toEqual({
      ok: true,
      command: { name: 'set', id: 'x', path: 'cache.enabled', value: true },
    });
    expect(parseCommand(cmd('load', { scenario: { version: 1 } }))).toMatchObject({ ok: true, command: { name: 'load' } });
    expect(parseCommand(cmd('loadExample', { example: 'flash-sale' }))).toEqual({ ok: true, command: { name: 'loadExample', id: 'x', example: 'flash-sale' } });
    expect(parseCommand(cmd('loadLab', { lab: 'q3' }))).toEqual({ ok: true, command: { name: 'loadLab', id: 'x', lab: 'q3' } });
    expect(parseCommand(cmd('loadLab', { lab: 'q10' }))).toMatchObject({ ok: true, command: { lab: 'q10' } });
  });

  it('parseCommand() refuses loadLab without a known lab id, naming the ids', () => {
    for (const lab of [undefined, 'q0', 'q11', 'Q3', ' q3', 3, { id: 'q3' }, '__proto__', 'toString']) {
      const r = parseCommand(cmd('loadLab', { lab }));
      expect(r).toEqual({ ok: false, id: 'x', message: 'loadLab needs a lab: one of q1, q2, q3, q4, q5, q6, q7, q8, q9, q10.' });
    }
  });

  it('parseCommand() refuses wrong namespaces, versions, ids, commands and arguments with a sentence', () => {
    const bad: [unknown, string | number | null][] = [
      [null, null],
      ['play', null],
      [[cmd('play')], null],
      [{ ...cmd('play'), type: 'lab:play' }, 'x'],
      [{ ...cmd('play'), version: 2 }, 'x'],
      [{ ...cmd('play'), id: undefined }, null],
      [{ ...cmd('play'), id: NaN }, null],
      [{ ...cmd('play'), id: 'y'.repeat(101) }, null],
      [cmd('constructor'), 'x'],
      [cmd('__proto__'), 'x'],
      [cmd('set', { path: '__proto__.polluted', value: 1 }), 'x'],
      [cmd('set', { path: 'queryService.instances' }), 'x'],
      [cmd('set', { path: 'toString', value: 1 }), 'x'],
      [cmd('load', { scenario: [] }), 'x'],
      [cmd('loadExample'), 'x'],
      [cmd('loadExample', { example: 42 }), 'x'],
      [cmd('loadExample', { example: '' }), 'x'],
      [cmd('loadExample', { example: 'z'.repeat(101) }), 'x'],
    ];
    for (const [m, id] of bad) {
      const r = parseCommand(m);
      expect(r.ok, JSON.stringify(m)).toBe(false);
      if (!r.ok) {
        expect(r.id).toBe(id);
        expect(r.message).toMatch(/^[A-Z`a-z].*\.$/);
      }
    }
  });

  it('parseCommand() never throws, whatever it is given (getters that throw, cycles, anything)', () => {
    const cyclic: Record<string, unknown> = cmd('load');
    cyclic.scenario = cyclic;
    expect(parseCommand(cyclic).ok).toBe(false);
    const trap = Object.defineProperty(cmd('play'), 'type', { get: () => { throw new Error('boom'); } });
    expect(parseCommand(trap).ok).toBe(false);
    fc.assert(fc.property(fc.anything(), (x) => typeof parseCommand(x).ok === 'boolean'));
  });
});

describe('parseCommand(getState)', () => {
  it('parseCommand() takes getState with no fields (all of them) or a list of known field paths, and names an unknown one', () => {
    expect(parseCommand({ type: 'cqrs-lab:getState', version: 1, id: 1 })).toEqual({ ok: true, command: { name: 'getState', id: 1 } });
    expect(parseCommand({ type: 'cqrs-lab:getState', version: 1, id: 1, fields: ['queryService.instances', 'queryService.instances'] })).toEqual({
      ok: true,
      command: { name: 'getState', id: 1, fields: ['queryService.instances'] },
    });
    const bad = parseCommand({ type: 'cqrs-lab:getState', version: 1, id: 2, fields: ['queryService.instances', '__proto__\u001b[2J'] });
    expect(bad).toEqual({ ok: false, id: 2, message: 'getState\'s fields: "__proto__?[2J" is not a field the lab knows (such as queryService.instances).' });
    expect(parseCommand({ type: 'cqrs-lab:getState', version: 1, id: 3, fields: 'queryService.instances' }).ok).toBe(false);
    expect(parseCommand({ type: 'cqrs-lab:getState', version: 1, id: 4, fields: Array(501).fill('seed') }).ok).toBe(false);
  });
});

describe('allowedOrigins', () => {
  it('allowedOrigins() is the own origin plus valid http(s) origins from the build and the file, nothing else', () => {
    const o = allowedOrigins('https://lab.example', ' https://course.example/path , nonsense,javascript:alert(1)', {
      origins: ['http://localhost:8080/', 'data:text/html,x', 42, 'null'],
    });
    expect([...o].sort()).toEqual(['http://localhost:8080', 'https://course.example', 'https://lab.example']);
    expect([...allowedOrigins('https://lab.example', undefined, null)]).toEqual(['https://lab.example']);
    expect([...allowedOrigins('https://lab.example', '', { origins: '*' })]).toEqual(['https://lab.example']);
  });
});
