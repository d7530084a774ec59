/**
 * The derived figures the labs' checks name (`queries.lostShare`, `writeStore.hottestShare`):
 * each part declares its own (`simulation/derived.ts` joins them), the checks read that registry
 * and keep no list of their own, and an id two parts declare, or one a report figure has, is
 * refused when the registry is built, in a sentence naming it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DERIVED_FIGURES, derivedRegistry, type DerivedFigure } from '../../simulation/derived';
import type { Part, Report } from '../../simulation/index';
import { termValue } from './checks';

/** A report with only what the built-in derived figures read. */
const report = {
  simulatedS: 70,
  queries: { offered: 3000, rejected: 20, timedOut: 10, failed: 0 },
  commands: { offered: 600, rejected: 0, timedOut: 3, failed: 3 },
  writeStore: { shards: [{ writes: 100 }, { writes: 300 }, { writes: 0 }, { writes: 100 }] },
  readStore: { nodes: [{ utilization: 0.2 }, { utilization: 0.65 }, { utilization: 0.4 }] },
  queryService: { cost: { vcpuHours: 0.5, instanceHours: 0.125 } },
} as unknown as Report;

const standIn = (id: string, of: DerivedFigure['of'] = () => 42): DerivedFigure => ({ id, help: 'A stand-in.', of });

/** The module graph again, with the built-in parts' derived figures and the parts on the contract given these extra ones. */
async function withExtra(builtin: DerivedFigure[], contract: DerivedFigure[] = []) {
  vi.resetModules();
  vi.doMock('../../simulation/parts/decl', async (importOriginal) => {
    const real = await importOriginal<{ BUILTIN_DERIVED: readonly unknown[] }>();
    return { ...real, BUILTIN_DERIVED: [...real.BUILTIN_DERIVED, { name: 'standIn', figures: builtin }] };
  });
  vi.doMock('../../simulation/parts', async (importOriginal) => {
    const real = await importOriginal<{ PARTS: readonly Part[] }>();
    const part: Part = { name: 'contractStandIn', derived: contract, create: () => ({ used: false, configure: () => undefined }) };
    return { ...real, PARTS: [...real.PARTS, part] };
  });
  return { checks: await import('./checks'), derived: await import('../../simulation/derived') };
}

afterEach(() => {
  vi.doUnmock('../../simulation/parts/decl');
  vi.doUnmock('../../simulation/parts');
  vi.resetModules();
});

describe('derived figures', () => {
  it('each built-in one is declared by its part, and the checks compute it as before', () => {
    expect(Object.fromEntries([...DERIVED_FIGURES].map(([id, d]) => [id, d.part]))).toEqual({
      'queries.offeredRps': 'clients',
      'commands.offeredRps': 'clients',
      'queries.lostShare': 'clients',
      'commands.lostShare': 'clients',
      'queryService.vcpusPerInstance': 'service',
      'writeStore.hottestShare': 'writeStore',
      'readStore.busiestUtilization': 'readStore',
    });
    const v = (id: string, settings: unknown = {}) => termValue(id, report, settings);
    // Offered per second over the measured span: 70 s less a warm-up of 10 s (none given: all 70 s).
    expect([v('queries.offeredRps', { warmupS: 10 }), v('commands.offeredRps', { warmupS: 10 }), v('queries.offeredRps')]).toEqual([50, 10, 3000 / 70]);
    // A warm-up longer than the run leaves no span: 0, not a division by zero.
    expect(v('queries.offeredRps', { warmupS: 100 })).toBe(0);
    expect([v('queries.lostShare'), v('commands.lostShare')]).toEqual([0.01, 0.01]);
    expect([v('writeStore.hottestShare'), v('readStore.busiestUtilization'), v('queryService.vcpusPerInstance')]).toEqual([0.6, 0.65, 4]);
    expect(DERIVED_FIGURES.get('writeStore.hottestShare')?.help).toBe('The busiest shard\u2019s share of all writes.');
  });

  it("one a part declares reaches the labs' checks, from a built-in part or a part on the contract, with no list to edit", async () => {
    const { checks } = await withExtra(
      [standIn('standIn.doubled', (r) => 2 * r.queries.offered)],
      [standIn('contractStandIn.rejected', (r, measuredS) => (measuredS === 30 ? -1 : r.queries.rejected))],
    );
    expect(checks.termValue('standIn.doubled', report, {})).toBe(6000);
    // The measured span reaches it: 70 s less a warm-up of 40 s.
    expect(checks.termValue('contractStandIn.rejected', report, { warmupS: 40 })).toBe(-1);
    const lab = { check: { text: '', terms: [{ figure: 'standIn.doubled', op: '>=' as const, limit: 6000, label: '', unit: '' as const }] } };
    expect(checks.evaluateCheck(lab, report, {})).toMatchObject({ passed: true, score: 1, max: 1 });
    // Without the declaration the same id is no figure at all.
    expect(termValue('standIn.doubled', report, {})).toBeUndefined();
  });

  it('an id two parts declare is refused at load, naming it and both parts', async () => {
    await expect(withExtra([standIn('queries.lostShare')])).rejects.toThrow('derived figure queries.lostShare is declared twice: by clients and by standIn');
    await expect(withExtra([standIn('standIn.once')], [standIn('standIn.once')])).rejects.toThrow(
      'derived figure standIn.once is declared twice: by standIn and by contractStandIn',
    );
  });

  it("an id a report figure has is refused at load, naming it (a check could not tell which it names)", async () => {
    await expect(withExtra([], [standIn('queries.latencyMs.p99')])).rejects.toThrow('derived figure queries.latencyMs.p99 (contractStandIn) has the id of a report figure');
  });

  it('derivedRegistry() joins the parts in order and refuses a clash within one part too', () => {
    const joined = derivedRegistry([{ name: 'a', derived: [standIn('a.x')] }, { name: 'b' }, { name: 'c', derived: [standIn('c.y')] }], ['a.z']);
    expect([...joined.values()].map((d) => `${d.part}:${d.id}`)).toEqual(['a:a.x', 'c:c.y']);
    expect(() => derivedRegistry([{ name: 'a', derived: [standIn('a.x'), standIn('a.x')] }], [])).toThrow('derived figure a.x is declared twice: by a and by a');
    expect(() => derivedRegistry([{ name: 'a', derived: [standIn('a.z')] }], ['a.z'])).toThrow('derived figure a.z (a) has the id of a report figure');
  });
});
