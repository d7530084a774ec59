import { describe, expect, it } from 'vitest';
import { embedOptions, withoutEmbedOptions } from './embedOptions';

describe('embedOptions', () => {
  it('embedOptions() is null without embed=1', () => {
    expect(embedOptions('')).toBeNull();
    expect(embedOptions('?embed=0&autoplay=1')).toBeNull();
  });
  it('embedOptions() defaults to the topology and charts, no theme, speed or autoplay', () => {
    expect(embedOptions('?embed=1')).toEqual({ panels: ['topology', 'charts'], theme: null, speed: null, autoplay: false, lab: null, fields: null, locked: [], charts: [] });
  });
  it('embedOptions() reads panels, theme, speed and autoplay and ignores what it does not know', () => {
    expect(embedOptions('?embed=1&panels=figures,settings,<script>&theme=dark&speed=10&autoplay=1')).toEqual({
      panels: ['figures', 'settings'],
      theme: 'dark',
      speed: 10,
      autoplay: true,
      lab: null,
      fields: null,
      locked: [],
      charts: [],
    });
    expect(embedOptions('?embed=1&theme=neon&speed=7&panels=__proto__')).toMatchObject({ panels: ['topology', 'charts'], theme: null, speed: null });
    expect(embedOptions('?embed=1&speed=max')!.speed).toBe('max');
  });
  it('embedOptions() with a lab shows the lab, its charts and its settings unless panels are named', () => {
    expect(embedOptions('?embed=1&lab=q3')).toMatchObject({ panels: ['lab', 'charts', 'settings'], lab: 'q3', fields: null });
    expect(embedOptions('?embed=1&lab=q3&panels=lab,topology')!.panels).toEqual(['lab', 'topology']);
  });
  it('embedOptions() reads the fields shown and locked and the charts, dropping what is not a name', () => {
    const o = embedOptions('?embed=1&fields=queryService.instances, cache.enabled,<b>x</b>,&lock=workload.rps&charts=query-latency,javascript:alert(1)')!;
    expect(o.fields).toEqual(['queryService.instances', 'cache.enabled']);
    expect(o.locked).toEqual(['workload.rps']);
    expect(o.charts).toEqual(['query-latency']);
    expect(embedOptions(`?embed=1&fields=${'a,'.repeat(100)}`)!.fields).toHaveLength(40);
  });
  it('withoutEmbedOptions() drops every embed option and the hash, keeping the lab and the example', () => {
    expect(withoutEmbedOptions('https://x.example/lab/?embed=1&lab=q3&panels=lab&theme=dark&speed=max&autoplay=1&fields=a&lock=b&charts=c#s=2.abc')).toBe(
      'https://x.example/lab/?lab=q3',
    );
    expect(withoutEmbedOptions('https://x.example/?embed=1')).toBe('https://x.example/');
  });
});
