/** The page's CSV of a run's series has the columns the command line writes for the same run, the parts' own included. */
import { describe, expect, it } from 'vitest';
import { parseScenario, Simulation, type Scenario } from '../../simulation/index';
import { PARTS } from '../../simulation/index';
import { seriesHeader } from '../../simulation/series';
import { seriesCsv } from './exports';

function scenario(over: object): Scenario {
  const r = parseScenario({ version: 1, ...over });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r.scenario;
}

const windowsOf = (s: Scenario) => {
  const sim = new Simulation(s);
  sim.run();
  return sim.drainWindows();
};

describe('seriesCsv', () => {
  const parts = PARTS.filter((p) => p.section && p.windowFigures);
  const own = parts.flatMap((p) => p.windowFigures!.map(([id]) => id));
  const base = { seed: 2, durationS: 3, warmupS: 1 };

  it("has each part's columns when its section is in the run, after the engine's, a value in each window", () => {
    expect(own.length).toBeGreaterThan(0);
    const s = scenario({ ...base, ...Object.fromEntries(parts.map((p) => [p.section!.name, {}])) });
    const lines = seriesCsv(windowsOf(s), s).trim().split('\n');
    expect(lines[0]).toBe([seriesHeader(), ...own].join(','));
    expect(lines.length).toBe(1 + 3);
    for (const line of lines.slice(1)) expect(line.split(',').slice(-own.length).every((v) => v !== ''), line).toBe(true);
  });

  it('has them when a change turns a part on during the run (empty before it), and not when no part is in the run', () => {
    const interventions = parts.map((p) => ({ atS: 2, set: p.section!.name, value: {} }));
    const s = scenario({ ...base, interventions });
    const lines = seriesCsv(windowsOf(s), s).trim().split('\n');
    expect(lines[0]).toBe([seriesHeader(), ...own].join(','));
    expect(lines[1].split(',').slice(-own.length).every((v) => v === '')).toBe(true);
    expect(lines[3].split(',').slice(-own.length).every((v) => v !== '')).toBe(true);
    const plain = scenario(base);
    expect(seriesCsv(windowsOf(plain), plain).split('\n')[0]).toBe(seriesHeader());
  });
});
