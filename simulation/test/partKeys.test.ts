/** How the report and each window join what the parts add (parts/merge.ts), and the errors of a part that breaks the rules. */
import { describe, expect, it } from 'vitest';
import { buildReport, parseScenario, Simulation } from '../index';
import { inRegistryOrder, mergeKeys } from '../parts/merge';
import type { PartRuntime } from '../parts/part';

const sim = () => {
  const p = parseScenario({ version: 1, durationS: 3, warmupS: 0 });
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return new Simulation(p.scenario);
};

/** A runtime on the contract that adds `keys` to the report or the windows. */
const stub = (add: Partial<Pick<PartRuntime, 'report' | 'window'>>): PartRuntime => ({ used: false, configure: () => {}, ...add });

describe('the keys the parts add', () => {
  it('mergeKeys() takes a new key, merges an object two parts add to, and refuses the same key or inner key twice', () => {
    const into: Record<string, unknown> = {};
    mergeKeys(into, { a: 1, stages: { commands: 1 } }, 'w');
    mergeKeys(into, { stages: { consistencyLagMs: 2 } }, 'w');
    expect(into).toEqual({ a: 1, stages: { commands: 1, consistencyLagMs: 2 } });
    expect(Object.keys(into.stages as object)).toEqual(['commands', 'consistencyLagMs']);
    expect(() => mergeKeys(into, { a: 2 }, 'w')).toThrow('w: two parts set a');
    expect(() => mergeKeys(into, { stages: { commands: 3 } }, 'w')).toThrow('w: two parts set stages.commands');
  });

  it('inRegistryOrder() puts keys in the registry order after the head and names a key with no place', () => {
    expect(Object.keys(inRegistryOrder({ h: 0 }, { b: 2, a: 1 }, ['a', 'b'], 'r'))).toEqual(['h', 'a', 'b']);
    expect(() => inRegistryOrder({}, { a: 1, bogus: 2 }, ['a'], 'the report')).toThrow('the report: bogus has no figure in the registry');
  });

  it('a part whose report adds a key with no figure, or one a built-in part sets, makes buildReport() say so', () => {
    const s = sim();
    s.run();
    const parts = s.parts as { part: (typeof s.parts)[number]['part']; runtime: PartRuntime }[];
    parts.push({ part: parts[0].part, runtime: stub({ report: () => ({ bogus: 1 }) }) });
    expect(() => buildReport(s)).toThrow('the report: bogus has no figure in the registry');
    parts[parts.length - 1] = { part: parts[0].part, runtime: stub({ report: () => ({ retries: 1 }) }) };
    expect(() => buildReport(s)).toThrow('the report: two parts set retries');
  });

  it("a part's window adds to the stages the built-in parts add, after theirs; a key with no figure stops the window with its name", () => {
    const s = sim();
    s.windows.partWindows = [stub({ window: () => ({ stages: { extra: 1 } }) })];
    s.runUntil(1000);
    expect(Object.keys(s.lastWindow!.stages)).toEqual(['commands', 'queries', 'consistencyLagMs', 'replicaLagMs', 'extra']);
    const t = sim();
    t.windows.partWindows = [stub({ window: () => ({ bogus: 1 }) })];
    expect(() => t.runUntil(1000)).toThrow('a window: bogus has no figure in the registry');
  });
});
