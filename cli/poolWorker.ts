/** A worker thread of the CLI's studies: runs the scenarios it is sent, one at a time. Node only. */
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../simulation/index';
// The engine's run alone (simulation/run.ts), not the whole surface: a worker receives checked scenarios.
import { readyToRun, runScenario } from '../simulation/run';

parentPort!.on('message', async (job: { index: number; scenario: Scenario; drain: boolean }) => {
  try {
    await readyToRun(job.scenario);
    parentPort!.postMessage({ index: job.index, report: runScenario(job.scenario, undefined, job.drain) });
  } catch (e) {
    parentPort!.postMessage({ index: job.index, error: e instanceof Error ? e.message : String(e) });
  }
});
