/**
 * Vertical scaling's limits and price. One instance's vCPUs share caches, memory bandwidth, locks
 * and the operating system: the Universal Scalability Law (Gunther) says what N busy vCPUs
 * deliver, with a contention term σ (work that queues for a shared resource) and a coherency
 * term κ (work spent keeping shared state in agreement, growing with every pair of vCPUs):
 *
 *   C(N) = N / (1 + σ (N - 1) + κ N (N - 1))   (in single-vCPU capacities)
 *
 * The engine applies it per request: work started while N vCPUs of its instance are busy (itself
 * included) takes `uslSlowdown(N)` times its service time, so N vCPUs kept busy finish
 * N / (S × slowdown(N)) = C(N) / S requests per ms: exactly the law's throughput.
 */
import { ln } from '../engine/detMath';

/** How many times longer a request takes when `busy` vCPUs of its instance are working (≥ 1). */
export function uslSlowdown(busy: number, contention: number, coherency: number): number {
  return 1 + contention * (busy - 1) + coherency * busy * (busy - 1);
}

/** The USL capacity of N busy vCPUs, in single-vCPU capacities. */
export function uslCapacity(n: number, contention: number, coherency: number): number {
  return n / uslSlowdown(n, contention, coherency);
}

/** Instances of up to this many vCPUs are priced at the base price per vCPU-hour. */
export const BASE_SIZE_VCPUS = 4;
const LN2 = ln(2);

/**
 * The price of an instance's vCPU-hour, as a multiple of the base price: bigger instances cost
 * more per vCPU (scarcer hardware, more memory per core), `premium` more for each doubling of
 * vCPUs above BASE_SIZE_VCPUS (with 0.1: 8 vCPUs x1.1, 16 x1.2, 64 x1.4, 192 x1.56).
 */
export function priceFactor(vcpus: number, premium: number): number {
  return vcpus <= BASE_SIZE_VCPUS ? 1 : 1 + (premium * ln(vcpus / BASE_SIZE_VCPUS)) / LN2;
}
