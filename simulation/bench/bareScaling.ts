/**
 * What this machine gives from one thread to two, whatever the engine: the bare M/M/1 loop
 * (bare.ts, no allocation, no engine) shared out as jobs to one worker thread, then to two, as a
 * study's replications are. Two cores do not give twice one core's speed on every machine (on a
 * virtual machine two vCPUs may share one physical core's units); this is the ceiling the
 * replications' scaling is read against. Bundled beside bareWorker.js and run by shortRuns.ts;
 * prints the wall ms of each as JSON.
 */
import { Worker } from 'node:worker_threads';

async function wall(workers: number, jobs: number, customers: number): Promise<number> {
  const t0 = performance.now();
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./bareWorker.js', import.meta.url)));
  let next = 0;
  await Promise.all(
    pool.map(
      (w) =>
        new Promise<void>((resolve) => {
          const feed = () => {
            if (next >= jobs) return resolve();
            next++;
            w.postMessage(customers);
          };
          w.on('message', feed);
          feed();
        }),
    ),
  );
  await Promise.all(pool.map((w) => w.terminate()));
  return performance.now() - t0;
}

const one = await wall(1, 20, 1_500_000);
const two = await wall(2, 20, 1_500_000);
console.log(JSON.stringify({ one, two }));
