/** A worker thread of the machine's own scaling measure (bareScaling.ts): runs the bare M/M/1 loop it is asked for. */
import { parentPort } from 'node:worker_threads';
import { bareMm1 } from './bare';

parentPort!.on('message', (customers: number) => parentPort!.postMessage(bareMm1(customers).customersPerS));
