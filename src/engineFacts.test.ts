import { describe, expect, it } from 'vitest';
import * as facts from './engineFacts';
import * as chartFacts from './chartFacts';
import * as declarations from './partDeclarations';
import { PARTS, parseScenario } from '../simulation/index';

describe('engineFacts', () => {
  it('engineFacts survive JSON, as the page build writes them (no Infinity, NaN, functions or dates)', () => {
    for (const [name, value] of Object.entries({ ...facts, ...chartFacts })) expect(JSON.parse(JSON.stringify(value)), name).toEqual(value);
  });

  it('engineFacts.defaultScenario is what { "version": 1 } parses to', () => {
    expect(parseScenario({ version: 1 })).toEqual({ ok: true, scenario: facts.defaultScenario });
  });

  it('the parts\' declarations survive JSON too, one per part in the list\'s order, without their runtime', () => {
    for (const [name, value] of Object.entries(declarations)) expect(JSON.parse(JSON.stringify(value)), name).toEqual(value);
    expect(declarations.PART_DECLARATIONS.map((d) => d.name)).toEqual(PARTS.map((p) => p.name));
    expect(declarations.PART_DECLARATIONS.filter((d) => 'create' in d)).toEqual([]);
    // The charts' view: each part with a chart or a cause line, in order, and nothing else of it.
    const withCharts = PARTS.filter((p) => p.charts || (p.cause && p.causePage));
    expect(facts.PART_CHARTS.map((d) => d.charts ?? [])).toEqual(withCharts.map((p) => p.charts ?? []));
    expect(facts.PART_CHARTS.map((d) => d.cause?.id)).toEqual(withCharts.map((p) => (p.causePage ? p.cause?.id : undefined)));
  });
});
