/** The fuzzer's corpus: every kept case is checked again, drained and twice for determinism. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../fuzz/check';
import { corpusFile, FUZZ_CORPUS } from '../fuzz/corpus';

const load = (c: (typeof FUZZ_CORPUS)[number]) => JSON.parse(readFileSync(new URL(`../fuzz/${corpusFile(c)}`, import.meta.url), 'utf8')) as unknown;

describe('fuzz corpus', () => {
  for (const c of FUZZ_CORPUS) {
    it(`checkScenario() on corpus case ${c.seed}/${c.index}: no failure${c.drainTooSlow ? ', its drain slow rather than stuck' : ''}`, () => {
      const r = checkScenario(load(c), { interrupt: () => null, determinism: true, drain: true });
      expect(r.failures).toEqual([]);
      expect(r.kind).toBe('done');
      if (c.drainTooSlow !== undefined) expect(r.drainTooSlow).toBe(c.drainTooSlow);
    });
  }
});
