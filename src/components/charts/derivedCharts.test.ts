/**
 * The live charts made from the parts' declarations (issue 23) are the charts as they were written
 * by hand: `fixtures/charts.json` holds, written once before the charts moved into the
 * declarations, each hand-made chart's title, help, axis, format of seven values and each line's
 * label, colour, dash and value on two windows (one with every figure, one without those an older
 * run or a part off lacks).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERIES_FIGURES, type WindowStats } from '../../../simulation/index';
import { CHARTS } from './chartDefs';

/** Keys an older window may lack: what the hand-made charts read with `?? 0`. */
const OPTIONAL = ['retries', 'clientP50', 'clientP99', 'replicaLagP50Ms', 'replicaLagP99Ms', 'readStoreUtilization', 'booting', 'projectors', 'replicas', 'errors', 'costUsd'];

/** A window holding a different number at each series figure (without the optional ones, `sparse`). */
function sample(sparse: boolean): WindowStats {
  const w: Record<string, unknown> = {};
  SERIES_FIGURES.forEach(({ id }, i) => {
    const path = id.split('.');
    if (sparse && path.some((k) => OPTIONAL.includes(k))) return;
    const last = path.pop()!;
    let at = w;
    for (const k of path) at = (at[k] ??= {}) as Record<string, unknown>;
    at[last] = ((i * 37) % 101) / 7;
  });
  return w as unknown as WindowStats;
}

describe('the charts derived from the declarations', () => {
  it('are the hand-made charts: same order, titles, help, axes, formats, lines and values', () => {
    const before = JSON.parse(readFileSync(new URL('./fixtures/charts.json', import.meta.url), 'utf8')) as { title: string }[];
    const [full, sparse] = [sample(false), sample(true)];
    const now = CHARTS.map((c) => ({
      title: c.title,
      help: c.help,
      yTitle: c.yTitle,
      minTop: c.minTop,
      fixedTop: c.fixedTop,
      percent: c.percent,
      follow: c.follow,
      format: [0, 0.00123, 0.05, 0.5, 1.234, 123.45, 5000].map(c.format),
      series: c.series.map((s) => ({ label: s.label, color: s.color, dashed: s.dashed ?? false, full: s.value(full), sparse: s.value(sparse) })),
    }));
    expect(now.map((c) => c.title)).toEqual(before.map((c) => c.title));
    expect(JSON.parse(JSON.stringify(now))).toStrictEqual(before);
  });
});
