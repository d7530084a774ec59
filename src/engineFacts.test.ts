import { describe, expect, it } from 'vitest';
import * as facts from './engineFacts';
import { parseScenario } from '../simulation/index';

describe('engineFacts', () => {
  it('engineFacts survive JSON, as the page build writes them (no Infinity, NaN, functions or dates)', () => {
    for (const [name, value] of Object.entries(facts)) expect(JSON.parse(JSON.stringify(value)), name).toEqual(value);
  });

  it('engineFacts.defaultScenario is what { "version": 1 } parses to', () => {
    expect(parseScenario({ version: 1 })).toEqual({ ok: true, scenario: facts.defaultScenario });
  });
});
