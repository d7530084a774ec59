/** A worker thread of the CLI's studies: runs the scenarios it is sent, one at a time. Node only. */
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../scenario';
import { runScenario } from '../run';

// The check of timed changes (interventions) validates the changed scenario, with zod: it loads
// with the first scenario that has any, so a worker of runs without them starts without it.
let changesLoaded: Promise<unknown> | null = null;

parentPort!.on('message', async (job: { index: number; scenario: Scenario }) => {
  try {
    if (job.scenario.interventions.length > 0) await (changesLoaded ??= import('../changes').catch((e: unknown) => ((changesLoaded = null), Promise.reject(e))));
    parentPort!.postMessage({ index: job.index, report: runScenario(job.scenario) });
  } catch (e) {
    parentPort!.postMessage({ index: job.index, error: e instanceof Error ? e.message : String(e) });
  }
});
