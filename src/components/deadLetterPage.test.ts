/**
 * The dead-letter queue reaches the page through what its module declares, nothing else: its
 * settings group, its chart and its figures-panel rows are there with the declarations and gone
 * without them (the same part stripped of its page block).
 */
import { describe, expect, it } from 'vitest';
import type { Report, WindowStats } from '../../simulation/index';
import { figureAt, seriesFigureAt } from '../../simulation/figures';
import { PARTS, type Part } from '../../simulation/index';
import { termsIn } from '../lib/glossaryTerms';
import { CHARTS, chartsOf } from './charts/chartDefs';
import { SECTIONS, sectionsOf, type FieldDef } from './settings/fieldDefs';
import { partFigure, partRows } from './panelRows';

const TITLE = 'Dead-lettered and retried events per second';
const deadLetterPart = PARTS.find((p) => p.section?.name === 'deadLetter')!;
const { charts: _c, panelRows: _r, ...bare } = deadLetterPart;
/** The same part without its page declarations. */
const undeclared: Part = { ...bare, section: { ...deadLetterPart.section!, page: undefined } };

describe("the dead-letter queue's page", () => {
  it('is on the parts list, so the page shows it', () => {
    expect(deadLetterPart).toBeDefined();
    expect(CHARTS.map((c) => c.title)).toContain(TITLE);
    expect(SECTIONS.eventStream.fields.map((d) => d.path)).toContain('deadLetter');
  });

  it('its settings: an optional group at the end of the event stream, a field per setting, because the part declares it', () => {
    expect(sectionsOf([undeclared]).eventStream.fields.map((d) => d.path)).not.toContain('deadLetter');
    const fields = sectionsOf([deadLetterPart]).eventStream.fields;
    const group = fields[fields.length - 1] as Extract<FieldDef, { kind: 'group' }>;
    expect([group.kind, group.path, group.label, group.defaults]).toEqual(['group', 'deadLetter', 'Dead-letter queue (after the projectors)', {}]);
    expect(group.fields.map((d) => [d.path, d.label, d.kind === 'number' ? d.unit : d.kind])).toEqual([
      ['deadLetter.failureRate', 'Apply failure rate', undefined],
      ['deadLetter.maxAttempts', 'Dead-letter after', 'attempts'],
      ['deadLetter.retryDelayMs', 'Retry delay', 'ms'],
    ]);
  });

  it('its chart: after the page\'s, a line per window figure, read from each window', () => {
    expect(chartsOf([undeclared]).map((c) => c.title)).not.toContain(TITLE);
    const charts = chartsOf([deadLetterPart]);
    const chart = charts[charts.length - 1];
    expect([chart.title, chart.yTitle]).toEqual([TITLE, 'events / s']);
    expect(chart.help).toMatch(/head|partition/);
    expect(chart.series.map((s) => [s.label, s.dashed])).toEqual([
      ['dead-lettered', false],
      ['retried attempts', true],
    ]);
    for (const figure of deadLetterPart.charts![0].lines.flatMap(([f]) => f)) expect(seriesFigureAt(figure), figure).toBeDefined();
    const w = { tS: 4, deadLetter: { deadLettered: 5, retries: 7, depth: 30, retrying: 2 } } as unknown as WindowStats;
    expect(chart.series.map((s) => s.value(w))).toEqual([5, 7]);
    // A window from before the queue was on: the lines are at 0.
    expect(chart.series.map((s) => s.value({ tS: 1 } as unknown as WindowStats))).toEqual([0, 0]);
  });

  it('its figures-panel rows: report figures formatted by their unit, a dash in a run without the queue', () => {
    expect(partRows([undeclared])).toEqual([]);
    expect(partRows([deadLetterPart])).toEqual(['deadLetter.deadLettered', 'deadLetter.retries', 'deadLetter.maxRetrying']);
    for (const id of partRows([deadLetterPart])) expect(figureAt(id)?.help, id).toBeTruthy();
    const r = { deadLetter: { settled: 9000, deadLettered: 1234, retries: 56, maxRetrying: 3 } } as unknown as Report;
    expect(partRows([deadLetterPart]).map((id) => partFigure(r, id))).toEqual(['1,234 events', '56 attempts', '3 projectors']);
    expect(partFigure({} as Report, 'deadLetter.deadLettered')).toBe('–');
  });

  it('its help leads to the glossary entry', () => {
    expect(termsIn(deadLetterPart.section!.help).map((t) => t.id)).toContain('dead-letter-queue');
    expect(termsIn(deadLetterPart.charts![0].help, 10).map((t) => t.id)).toContain('dead-letter-queue');
  });
});
