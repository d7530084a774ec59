/**
 * A plan split across machines by a batch engine that already exists (a CI matrix, GNU parallel,
 * indexed jobs, array jobs): `--shard I/N` judges every N-th design the search could run (the
 * designs the closed form lets through, or all of them with --exhaustive, ranked by cost) on the
 * plan's seeds and prints their runs' records; `--merge` replays the search on the records of all
 * N shards. A design's judgement depends on its own runs alone, so the replay makes the very
 * answer one machine makes, byte for byte. The shards together run what an exhaustive search of
 * those designs runs; the merge runs nothing. Node only.
 */
import { readFileSync, statSync } from 'node:fs';
import {
  cheaper,
  designsOf,
  evaluateDesign,
  MAX_REPLICATION_FACTOR,
  parseAxis,
  parseScenario,
  parseTarget,
  planAnswer,
  runPlan,
  seedsFor,
  type Design,
  type RunRecord,
  type Scenario,
  type SpaceAxis,
} from '../simulation/index';
import type { Args } from './args';
import { fail, safeJson, shown } from './output';
import { DEFAULT_PLAN_REPLICATIONS, type PlanArgs } from './planArgs';
import { PlanStopped, poolSource } from './planSource';
import { boundPlanRuns, planDesigns, planStopped, printAnswer } from './plan';
import { openPool } from './pool';

type PlanOptions = Extract<PlanArgs, { kind: 'plan' }>;

/** What a shard's file says it is a share of: every input of the plan's answer. */
interface ShardInput {
  scenario: Scenario;
  targets: string[];
  space: string[];
  replications: number;
  seed: number;
  exhaustive: boolean;
  drain: boolean;
}

interface ShardFile {
  shard: { index: number; count: number };
  input: ShardInput;
  designs: { index: number; seeds: number[]; records: RunRecord[] }[];
}

/** Largest shard file --merge reads. */
const MAX_SHARD_BYTES = 256 << 20;

const spaceSpecs = (axes: readonly SpaceAxis[]) => axes.map((a) => `${a.field}=${a.values.map(String).join(',')}`);

/** Runs shard I/N of the plan and prints its records (JSON) for --merge. */
export async function runShard(scenario: Scenario, args: Args, plan: PlanOptions): Promise<number> {
  const n = args.replications ?? DEFAULT_PLAN_REPLICATIONS;
  const designs = planDesigns(scenario, plan);
  const { index, count } = plan.shard!;
  const ranked = designs.filter((d) => plan.exhaustive || d.keepsUp).sort(cheaper);
  const mine = ranked.filter((_, k) => k % count === index - 1);
  boundPlanRuns(mine.length, n, `designs in shard ${index}/${count}`);
  const seeds = seedsFor(scenario.seed, n * MAX_REPLICATION_FACTOR);
  const pool = openPool({ workers: args.workers, drain: args.drain, maxWallMs: args.maxWallS === undefined ? undefined : args.maxWallS * 1000, keepStopped: true });
  let active = mine.length;
  const source = poolSource(pool, plan.targets, () => active);
  const out: ShardFile['designs'] = [];
  try {
    await Promise.all(
      mine.map(async (d) => {
        const records: RunRecord[] = [];
        const r = await evaluateDesign(d, plan.targets, seeds, n, async (design, s) => {
          const got = await source(design, s);
          records.push(...got);
          return got;
        });
        active--;
        source.nudge();
        out.push({ index: d.index, seeds: seeds.slice(0, r.runs), records });
      }),
    );
  } catch (e) {
    if (e instanceof PlanStopped) return planStopped(e, args, out.length);
    throw e;
  } finally {
    await pool.close();
  }
  out.sort((a, b) => a.index - b.index);
  const input: ShardInput = { scenario, targets: plan.targets.map((t) => t.text), space: spaceSpecs(plan.axes), replications: n, seed: scenario.seed, exhaustive: plan.exhaustive, drain: args.drain };
  const file: ShardFile = { shard: { index, count }, input, designs: out };
  process.stdout.write(safeJson(JSON.stringify(file)) + '\n');
  return 0;
}

function readShard(path: string): ShardFile {
  let text: string;
  try {
    if (statSync(path).size > MAX_SHARD_BYTES) fail([{ path: '--merge', message: `${shown(path)}: over ${MAX_SHARD_BYTES >> 20} MB, not a shard's result` }]);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail([{ path: '--merge', message: `${shown(path)}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  let f: ShardFile;
  try {
    f = JSON.parse(text) as ShardFile;
  } catch {
    fail([{ path: '--merge', message: `${shown(path)}: not JSON (a shard's result is what --shard I/N prints)` }]);
  }
  const ok =
    f !== null &&
    typeof f === 'object' &&
    Number.isInteger(f.shard?.index) &&
    Number.isInteger(f.shard?.count) &&
    typeof f.input === 'object' &&
    f.input !== null &&
    Array.isArray(f.designs) &&
    f.designs.every((d) => Number.isInteger(d?.index) && Array.isArray(d.seeds) && Array.isArray(d.records) && d.seeds.length === d.records.length);
  if (!ok) fail([{ path: '--merge', message: `${shown(path)}: not a shard's result (no shard, input or designs as --shard I/N prints them)` }]);
  return f;
}

/** The answer of the plan the shards' files are shares of, printed as one machine prints it. */
export async function runMerge(args: Args, files: readonly string[]): Promise<number> {
  const shards = files.map((path) => ({ path, file: readShard(path) }));
  const first = shards[0];
  const inputText = JSON.stringify(first.file.input);
  const count = first.file.shard.count;
  const seen = new Map<number, string>();
  for (const { path, file } of shards) {
    if (JSON.stringify(file.input) !== inputText) fail([{ path: '--merge', message: `${shown(path)} is a share of another plan than ${shown(first.path)} (scenario, targets, space, replications or seed differ)` }]);
    if (file.shard.count !== count) fail([{ path: '--merge', message: `${shown(path)} is shard ${file.shard.index}/${file.shard.count}, ${shown(first.path)} one of ${count}` }]);
    const other = seen.get(file.shard.index);
    if (other !== undefined) fail([{ path: '--merge', message: `${shown(path)} and ${shown(other)} are both shard ${file.shard.index}/${count}` }]);
    seen.set(file.shard.index, path);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) fail([{ path: '--merge', message: `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: a merge needs every shard's result` }]);
  const input = first.file.input;
  const parsed = parseScenario(input.scenario);
  const targets = input.targets.map(parseTarget);
  const axes = input.space.map(parseAxis);
  if (!parsed.ok || targets.some((t) => !t.ok) || axes.some((a) => !a.ok)) fail([{ path: '--merge', message: `${shown(first.path)}: its plan's input is not valid` }]);
  const plan: PlanOptions = { kind: 'plan', targets: targets.map((t) => (t.ok ? t.value : null!)), axes: axes.map((a) => (a.ok ? a.value : null!)), exhaustive: input.exhaustive };
  const designs = designsOf(parsed.scenario, plan.axes);
  if (!designs.ok) fail([{ path: '--merge', message: `${shown(first.path)}: ${designs.message}` }]);
  const byDesign = new Map(shards.flatMap(({ file }) => file.designs.map((d) => [d.index, d] as const)));
  const replay = async (d: Design, s: readonly number[]) => {
    const got = byDesign.get(d.index);
    const at = got ? got.seeds.indexOf(s[0]) : -1;
    if (!got || at < 0 || s.some((seed, k) => got.seeds[at + k] !== seed)) {
      throw new PlanStopped({ index: d.index, reason: `design ${d.index}'s runs on seeds ${s.join(', ')} are in no shard`, atS: 0, finished: 0 }, 0);
    }
    return got.records.slice(at, at + s.length);
  };
  try {
    const result = await runPlan({ designs: designs.value, axes: plan.axes, targets: plan.targets, replications: input.replications, seed: input.seed, exhaustive: input.exhaustive }, replay);
    return printAnswer(plan, input.seed, planAnswer(result, plan.targets, designs.value.length, input.replications), args.json);
  } catch (e) {
    if (e instanceof PlanStopped) fail([{ path: '--merge', message: e.stop.reason }]);
    throw e;
  }
}
