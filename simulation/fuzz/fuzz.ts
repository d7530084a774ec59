/**
 * `npm run fuzz -- --seed S --runs N`: draws N whole scenarios from seed S, runs each within a
 * wall-clock and memory budget, and checks the invariants of `check.ts`. A failure prints one
 * line that reproduces it and saves the scenario under `fuzz-failures/`. Exit status 1 if any
 * run failed. In the spirit of TigerBeetle's VOPR: one seed, the whole system, many runs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkScenario } from './check';
import { corpusFile, FUZZ_CORPUS } from './corpus';
import { drawScenario } from './draw';

const HELP = `usage: npm run fuzz -- [--seed S] [--runs N] [--only K] [--wall S] [--heap MB]
       npm run fuzz -- --corpus

  --seed S    the fuzz seed (default: 1); run K of seed S is always the same scenario
  --runs N    how many scenarios (default: 200)
  --only K    run only scenario K (to reproduce a failure)
  --wall S    wall-clock budget per run, seconds (default: 20)
  --heap MB   heap budget per run (default: 1500)
  --corpus    check the kept cases of simulation/fuzz/corpus/ (runs that once failed), drained and twice each`;

function main(): void {
  let v;
  try {
    v = parseArgs({
      options: {
        seed: { type: 'string', default: '1' },
        runs: { type: 'string', default: '200' },
        only: { type: 'string' },
        wall: { type: 'string', default: '20' },
        heap: { type: 'string', default: '1500' },
        corpus: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message.split('\n')[0]}\n${HELP}\n`);
    process.exit(2);
  }
  if (v.help) {
    process.stdout.write(HELP + '\n');
    return;
  }
  const int = (name: string, text: string) => {
    if (!/^\d+$/.test(text)) {
      process.stderr.write(`--${name}: must be a whole number, got "${text}"\n`);
      process.exit(2);
    }
    return Number(text);
  };
  if (v.corpus) return corpus();
  const seed = int('seed', v.seed);
  const runs = int('runs', v.runs);
  const wallS = int('wall', v.wall);
  const heapMb = int('heap', v.heap);
  const indices = v.only !== undefined ? [int('only', v.only)] : Array.from({ length: runs }, (_, i) => i);

  const t0 = process.hrtime.bigint();
  const counts = { done: 0, refused: 0, stopped: 0, determinism: 0, drains: 0, slowDrains: 0, failed: 0, events: 0 };
  const stopReasons = new Map<string, number>();
  let slowest = { index: -1, s: 0 };
  for (const index of indices) {
    const input = drawScenario(seed, index);
    const start = process.hrtime.bigint();
    const elapsedS = () => Number(process.hrtime.bigint() - start) / 1e9;
    const interrupt = () => {
      if (elapsedS() > wallS) return `wall-clock budget of ${wallS} s reached`;
      if (process.memoryUsage().heapUsed > heapMb * 1048576) return `heap budget of ${heapMb} MB reached`;
      return null;
    };
    const r = checkScenario(input, { interrupt, determinism: index % 10 === 0, drain: index % 3 === 0 });
    const s = elapsedS();
    if (s > slowest.s) slowest = { index, s };
    counts[r.kind]++;
    counts.events += r.events;
    if (r.checkedDeterminism) counts.determinism++;
    if (r.checkedDrain) counts.drains++;
    if (r.drainTooSlow) counts.slowDrains++;
    if (r.stopReason) {
      const key = r.stopReason.replace(/\d[\d,.]*/g, 'N');
      stopReasons.set(key, (stopReasons.get(key) ?? 0) + 1);
    }
    if (r.failures.length > 0) {
      counts.failed++;
      mkdirSync('fuzz-failures', { recursive: true });
      const file = `fuzz-failures/${seed}-${index}.json`;
      writeFileSync(file, JSON.stringify(input, null, 2) + '\n');
      process.stdout.write(
        `FAIL run ${index}: ${r.failures.slice(0, 3).join('; ')}${r.failures.length > 3 ? ` (+${r.failures.length - 3} more)` : ''}\n` +
          `  reproduce: npm run fuzz -- --seed ${seed} --only ${index}   (scenario: ${file}; npm run sim -- ${file})\n`,
      );
    }
    if (indices.length > 1 && (index + 1) % 500 === 0) process.stderr.write(`  ${index + 1} runs, ${counts.failed} failed\n`);
  }
  const totalS = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(
    `fuzz seed ${seed}: ${indices.length} runs in ${totalS.toFixed(1)} s (${counts.events.toLocaleString('en-US')} events): ` +
      `${counts.done} ran to the end, ${counts.stopped} stopped by a limit, ${counts.refused} refused as invalid; ` +
      `determinism checked on ${counts.determinism}, drains checked on ${counts.drains} (${counts.slowDrains} more needed over two hours of simulated time: not checked); slowest run ${slowest.index} (${slowest.s.toFixed(1)} s); ` +
      `${counts.failed} failed\n`,
  );
  for (const [reason, n] of stopReasons) process.stdout.write(`  stopped ${n}x: ${reason}\n`);
  if (counts.failed > 0) process.exitCode = 1;
}

/** Checks every kept case of the corpus; exit status 1 if any fails. */
function corpus(): void {
  let failed = 0;
  for (const c of FUZZ_CORPUS) {
    const input = JSON.parse(readFileSync(new URL(corpusFile(c), import.meta.url), 'utf8')) as unknown;
    const r = checkScenario(input, { interrupt: () => null, determinism: true, drain: true });
    if (r.failures.length > 0) failed++;
    process.stdout.write(`${r.failures.length > 0 ? 'FAIL' : 'ok  '} ${c.seed}/${c.index}: ${r.failures.length > 0 ? r.failures.join('; ') : r.kind}\n`);
  }
  process.stdout.write(`fuzz corpus: ${FUZZ_CORPUS.length} cases, ${failed} failed\n`);
  if (failed > 0) process.exitCode = 1;
}

main();
