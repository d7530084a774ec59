import { describe, expect, it } from 'vitest';
import { xmlSafe } from './figureExport';

describe('xmlSafe', () => {
  it('writes the characters XML 1.0 forbids as visible escapes, and keeps tab, newline, CR and markup as text', () => {
    expect(xmlSafe('a<b>&"c"\u001b[2J')).toBe('a<b>&"c"\\x1b[2J');
    expect(xmlSafe('\u0000\u0008\u000b\u000c\u000e\u001f')).toBe('\\x00\\x08\\x0b\\x0c\\x0e\\x1f');
    expect(xmlSafe('tab\tnl\ncr\r')).toBe('tab\tnl\ncr\r');
    expect(xmlSafe('\ufffe\uffff')).toBe('\ufffd\ufffd');
  });

  it('replaces a lone surrogate and keeps a pair (an emoji) whole', () => {
    expect(xmlSafe('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(xmlSafe('\ud83d\ude00')).toBe('\ud83d\ude00');
  });

  it('gives text a DOMParser-free XML check accepts: no forbidden code point is left', () => {
    const all = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('') + '\ufffe\uffff\ud800';
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/.test(xmlSafe(all))).toBe(false);
  });
});
