/** A worker thread of the CLI's studies: runs the scenarios it is sent, one at a time. Node only. */
import { parentPort } from 'node:worker_threads';
import { runScenario, type Scenario } from '../index';

parentPort!.on('message', (job: { index: number; scenario: Scenario }) => {
  try {
    parentPort!.postMessage({ index: job.index, report: runScenario(job.scenario) });
  } catch (e) {
    parentPort!.postMessage({ index: job.index, error: e instanceof Error ? e.message : String(e) });
  }
});
