/**
 * Bytes the engine allocates per simulated request, and where: V8's sampling heap profiler over
 * one run after a warm-up run, counting objects the young and the old collections freed too (its
 * default counts only what is still alive at the end, which on the engine's hot path is nothing).
 * The top lines name the JavaScript frames (innermost last) whose code made the bytes; a frame is
 * the optimized function the allocation was compiled into, so inlined callees show as their caller.
 *
 * `node --single-threaded --import tsx simulation/bench/allocs.ts [seconds] [mm1|cqrs]` (without
 * `--single-threaded` V8 compiles in the background, inlines differently from run to run, and the
 * figure moves by 20%). A sample every 512 bytes: figures below ~1 byte a request are noise. Take
 * 1,000 s or more: what a run allocates once (a stage-sums table, about 190 KB at its first
 * sample) is counted too, and weighs on a short run (132 bytes a request at 100 s, 100 at 1,000 s).
 * docs/measuring.md says how to find what a line boxes.
 */
import { Session } from 'node:inspector';
import { runScenario } from '../index';
import { SCENARIOS, type ScenarioName } from './scenarios';

interface ProfileNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: ProfileNode[];
}

const durationS = Number(process.argv[2] ?? 1000);
const name = (process.argv[3] ?? 'mm1') as ScenarioName;
if (!Object.hasOwn(SCENARIOS, name) || !(durationS > 0)) {
  console.error('usage: allocs.ts [seconds > 0] [mm1|cqrs]');
  process.exit(2);
}

const session = new Session();
session.connect();
const post = <T>(method: string, params: object = {}) =>
  new Promise<T>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r as T))));

runScenario(SCENARIOS[name](Math.min(200, durationS)));
await post('HeapProfiler.enable');
await post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
const r = runScenario(SCENARIOS[name](durationS));
const { profile } = await post<{ profile: { head: ProfileNode } }>('HeapProfiler.stopSampling');
session.disconnect();

const requests = r.queries.offered + r.commands.offered;
const bySite = new Map<string, number>();
let total = 0;
const walk = (n: ProfileNode, stack: string[]): void => {
  const file = n.callFrame.url.split('/').pop() ?? '';
  const frame = `${n.callFrame.functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
  const here = [...stack, frame];
  if (n.selfSize > 0) {
    const site = here.slice(-3).join(' > ');
    bySite.set(site, (bySite.get(site) ?? 0) + n.selfSize);
    total += n.selfSize;
  }
  for (const c of n.children) walk(c, here);
};
walk(profile.head, []);
console.log(`${name}, ${durationS} s, ${requests.toLocaleString('en-US')} requests: ${(total / requests).toFixed(1)} bytes allocated per request`);
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
  console.log(`${(bytes / requests).toFixed(1).padStart(8)}  ${site}`);
}
