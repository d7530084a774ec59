/**
 * The bounds every section of the scenario shares (the longest time, the longest delay, the largest
 * memory and machine) and the parameters of a latency, in the one-line format of `fieldSpec.ts`.
 * A leaf module: the built-in parts' declarations (`parts/decl/`) and the scenario's schema read it.
 */
import { LATENCY_TYPES, type FieldSpec } from './fieldSpec';

/** Longest time of any kind in a scenario: the longest run, 1,000,000 s (11.6 days). */
export const MAX_TIME_S = 1_000_000;
/** Longest single delay (a latency, a timeout, a backoff, a lag): one hour, in ms. */
export const MAX_DELAY_MS = 3_600_000;
/** Largest memory figure, MB (10 TB). */
export const MAX_MEMORY_MB = 10_000_000;
/** The largest instance: vCPUs of the biggest general-purpose cloud machines. */
export const MAX_VCPUS = 192;
/** Fastest per-core speed, relative to a typical cloud vCPU (1): about what the fastest cores give. */
export const MAX_SPEED = 2;
/**
 * Defaults of the USL terms: each busy vCPU beside another costs 2% (contention) and each pair
 * 0.01% (coherency). One 64-vCPU instance then delivers 24 vCPUs' worth, 16 instances of 4 deliver
 * 60: a small instance barely notices (4 vCPUs give 3.75), a big one notices a lot.
 */
export const DEFAULT_CONTENTION = 0.02;
export const DEFAULT_COHERENCY = 0.0001;

/** The parameters of a latency field, by its type (`fields.ts` registers them under every latency). */
export const LATENCY_PARAMS = [
  ['type', 'choice', '', null, 'How the time varies from one request to the next: constant (always the same), exponential (mostly short, now and then long), uniform (anywhere between a least and a greatest) or lognormal (a typical value with a long slow tail).', LATENCY_TYPES],
  ['ms', 'number', '', ['ms', 0, MAX_DELAY_MS], 'The time, the same for every request.'],
  ['meanMs', 'number', '', ['ms', 0, MAX_DELAY_MS], 'The average time; single requests vary a lot around it.'],
  ['minMs', 'number', '', ['ms', 0, MAX_DELAY_MS], 'The shortest time a request may take.'],
  ['maxMs', 'number', '', ['ms', 0, MAX_DELAY_MS], 'The longest time a request may take.'],
  ['medianMs', 'number', '', ['ms', 0.001, MAX_DELAY_MS], 'The typical time: half the requests are faster, half slower.'],
  ['p99Ms', 'number', '', ['ms', '>0', MAX_DELAY_MS], 'The time only 1 request in 100 exceeds (p99); it must be above the median. The further above, the longer the slow tail.'],
] as const satisfies readonly FieldSpec[];
