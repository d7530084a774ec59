import { describe, expect, it } from 'vitest';
import { embedOptions } from './embedOptions';

describe('embedOptions', () => {
  it('embedOptions() is null without embed=1', () => {
    expect(embedOptions('')).toBeNull();
    expect(embedOptions('?embed=0&autoplay=1')).toBeNull();
  });
  it('embedOptions() defaults to the topology and charts, no theme, speed or autoplay', () => {
    expect(embedOptions('?embed=1')).toEqual({ panels: ['topology', 'charts'], theme: null, speed: null, autoplay: false });
  });
  it('embedOptions() reads panels, theme, speed and autoplay and ignores what it does not know', () => {
    expect(embedOptions('?embed=1&panels=figures,settings,<script>&theme=dark&speed=10&autoplay=1')).toEqual({
      panels: ['figures', 'settings'],
      theme: 'dark',
      speed: 10,
      autoplay: true,
    });
    expect(embedOptions('?embed=1&theme=neon&speed=7&panels=__proto__')).toMatchObject({ panels: ['topology', 'charts'], theme: null, speed: null });
    expect(embedOptions('?embed=1&speed=max')!.speed).toBe('max');
  });
});
