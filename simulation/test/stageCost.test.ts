/**
 * `npm run bench` times the engine against a copy of itself with the stages switched off
 * (bench/stageCost.ts). That copy must still match the source (or the bench would time a copy
 * that keeps the stages), and must switch off the stages alone: here it runs beside this tree on
 * the same scenario, and its report differs only in having no stage time.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cqrs, mm1 } from '../bench/scenarios';
import { STAGES_OFF, switchStagesOff } from '../bench/stageCost';
import { runScenario, type Report } from '../index';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cqrs-lab-stage-cost-'));
/** The copy of `simulation/` (tests and the fuzzer's corpus left out), with what it needs around it. */
const copy = join(dir, 'simulation');
beforeAll(() => {
  cpSync(join(root, 'simulation'), copy, { recursive: true, filter: (src) => !/[/\\](test|corpus)$|\.test\.ts$/.test(src) });
  // The packages, and the project's tsconfig (simulation's extends it).
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  cpSync(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every figure the stage sums give (`stages`, `tailStages`, the tail's count and mean) set to 0, so that two reports compare on everything else. */
function stagesZeroed(r: Report): unknown {
  return JSON.parse(JSON.stringify(r), (key, value: unknown) => {
    if (!value || typeof value !== 'object') return value;
    if (key === 'stages' || key === 'tailStages') return Object.fromEntries(Object.keys(value).map((k) => [k, 0]));
    if (key === 'tail' && 'fromMs' in value) return { ...value, count: 0, mean: 0 };
    return value;
  });
}

describe("the bench's stages-off copy", () => {
  it('still matches the source, once per line it replaces, and says which file when it does not', () => {
    expect(() => switchStagesOff(copy)).not.toThrow();
    for (const p of STAGES_OFF) {
      if (p.replace) expect(readFileSync(join(copy, p.file), 'utf8')).toContain(p.replace);
    }
    // A source that no longer has the lines: refused, naming the file.
    const changed = join(dir, 'changed');
    mkdirSync(join(changed, 'metrics'), { recursive: true });
    writeFileSync(join(changed, STAGES_OFF[0].file), 'export class StageSums {}\n');
    expect(() => switchStagesOff(changed)).toThrow(`simulation/${STAGES_OFF[0].file}: the lines bench/stageCost.ts switches off are not there once`);
  });

  it('runs M/M/1 and the default CQRS scenario (writes, events, replicas) to the same reports as this tree, but for the stages, which keep no time', async () => {
    if (!readFileSync(join(copy, STAGES_OFF[0].file), 'utf8').includes(STAGES_OFF[0].replace)) switchStagesOff(copy);
    const off = (await import(join(copy, 'index.ts'))) as typeof import('../index');
    for (const scenario of [mm1(30), cqrs(30)]) {
      const withStages = runScenario(scenario);
      const without = off.runScenario(scenario);
      expect(withStages.queries.latencyMs.stages.service).toBeGreaterThan(0.5);
      expect(withStages.queries.completed).toBeGreaterThan(5_000);
      for (const split of [without.queries.latencyMs, without.consistencyLagMs]) {
        expect(Object.values(split.stages).every((v) => v === 0)).toBe(true);
        expect(Object.values(split.tailStages).every((v) => v === 0)).toBe(true);
      }
      expect(stagesZeroed({ ...without, wallMs: 0 })).toEqual(stagesZeroed({ ...withStages, wallMs: 0 }));
    }
    // The CQRS run has writes whose lag the event stages split (what the events' switch-off touches).
    expect(runScenario(cqrs(30)).consistencyLagMs.stages.append).toBeGreaterThan(0);
  });
});
