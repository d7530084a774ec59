/**
 * What the always-on stage sums cost ("Follow a request", docs/stages.md): this tree against a copy
 * of itself with the stages' per-request work switched off, built and timed in turn as
 * `versus.ts` times two revisions. The copy is this tree's own source with a few lines replaced
 * (`STAGES_OFF`): the stage sums return at once, an attempt's or event's stage transitions keep
 * only their open stage, and a freed slot clears nothing. Everything else runs as it is, so the
 * difference is what the stages cost. Run by `npm run bench`, or alone:
 * `npx tsx simulation/bench/stageCost.ts [pairs]`.
 *
 * If the source these lines replace changes, the switch-off no longer matches: it says which file
 * and stops, rather than time a copy that still keeps the stages (`stageCost.test.ts` checks it).
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, median, rangeOf } from './measures';
import { bundleTree, requestsPerCpuSecond } from './versus';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A replacement in one file of `simulation/`: `find` must occur in it exactly once. */
interface Patch {
  readonly file: string;
  readonly find: string;
  readonly replace: string;
}

/** The lines that switch the stages' per-request work off. */
export const STAGES_OFF: readonly Patch[] = [
  {
    file: 'metrics/stageSums.ts',
    find: '    const b = bucketOf(vec[off + valueSlot]);\n',
    replace: '    if (open > -1) return; // stages switched off (bench/stageCost.ts)\n    const b = bucketOf(vec[off + valueSlot]);\n',
  },
  {
    file: 'model/requestPool.ts',
    find: `    const d = nowMs - this.markMs[id];
    if (d !== 0) {
      this.stageMs[id * REQUEST_SLOTS + open] += d;
      this.stageMask[id] |= 1 << open;
    }
    this.markMs[id] = nowMs;
`,
    replace: '',
  },
  { file: 'model/requestPool.ts', find: '    let m = this.stageMask[id];\n', replace: '    let m = 0;\n' },
  {
    file: 'model/eventStream.ts',
    find: `    const d = nowMs - this.markMs[ev];
    if (d !== 0) {
      this.stageMs[ev * EVENT_SLOTS + open] += d;
      this.stageMask[ev] |= 1 << open;
    }
    this.markMs[ev] = nowMs;
`,
    replace: '',
  },
];

/**
 * Replaces `STAGES_OFF`'s lines in the copy of `simulation/` at `dir`. Throws, naming the file,
 * when a line to replace is not there exactly once.
 */
export function switchStagesOff(dir: string): void {
  for (const p of STAGES_OFF) {
    const path = join(dir, p.file);
    const text = readFileSync(path, 'utf8');
    const at = text.indexOf(p.find);
    if (at < 0 || text.indexOf(p.find, at + 1) >= 0) {
      throw new Error(`simulation/${p.file}: the lines bench/stageCost.ts switches off are not there once; update STAGES_OFF to the new source`);
    }
    writeFileSync(path, text.slice(0, at) + p.replace + text.slice(at + p.find.length));
  }
}

/** Prints, per bench scenario, this tree's speed with the stages over its speed without them. */
export async function benchStageCost(pairs = 5, durationS = 1500): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cqrs-lab-stages-'));
  try {
    const trees = { on: join(dir, 'on'), off: join(dir, 'off') };
    for (const tree of Object.values(trees)) {
      mkdirSync(tree);
      execFileSync('cp', ['-r', join(root, 'simulation'), tree]);
    }
    switchStagesOff(join(trees.off, 'simulation'));
    await bundleTree(trees.on, join(dir, 'on.mjs'));
    await bundleTree(trees.off, join(dir, 'off.mjs'));
    for (const scenario of ['mm1', 'cqrs']) {
      const ratios: number[] = [];
      for (let i = 0; i < pairs; i++) {
        const on = requestsPerCpuSecond(join(dir, 'on.mjs'), scenario, durationS);
        const off = requestsPerCpuSecond(join(dir, 'off.mjs'), scenario, durationS);
        ratios.push(off / on);
      }
      const r = median(ratios);
      console.log(
        `stage cost, ${scenario}: without the stages this tree runs ${r.toFixed(3)}x as fast (median of ${pairs} pairs, ${rangeOf(ratios)}): ` +
          `the stages cost ${fmt(Math.round((r - 1) * 100))}% (target <= 5%)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1])) {
  await benchStageCost(process.argv[2] ? Number(process.argv[2]) : undefined);
}
