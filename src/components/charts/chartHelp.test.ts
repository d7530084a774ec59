import { describe, expect, it } from 'vitest';
import { CHARTS } from './chartDefs';
import { CHART_HELP } from './chartHelp';

describe('chart help', () => {
  it('every live chart has a help text', () => {
    for (const def of CHARTS) expect((def.help ?? CHART_HELP[def.title] ?? '').length, def.title).toBeGreaterThan(40);
  });
});
