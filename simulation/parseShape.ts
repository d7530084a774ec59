/**
 * Validation of a scenario's shape against the schema of `scenario.ts`, with one problem per
 * field in the words people write paths in (`workload.profile[2].atS`), and the default scenario.
 */
import type { z } from 'zod';
import { loadBalancerAlgorithms, MAX_DELAY_MS, scenarioSchema, type ParseResult, type Scenario, type ScenarioProblem } from './scenario';

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''}`;
  return issue.message;
}

/** Formats a zod path the way people write it: `workload.profile[2].atS`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(scenario)' : out;
}

/** The value at a zod path in raw input (own properties only), for messages. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let o = input;
  for (const p of path) {
    o = o !== null && typeof o === 'object' && Object.hasOwn(o, p as string) ? (o as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return o;
}

/** The two kinds of field that accept one of several shapes: load balancers and latencies. */
function unionMessage(path: readonly PropertyKey[], value: unknown): string {
  if (path[path.length - 1] === 'loadBalancer') {
    return `must be one of ${loadBalancerAlgorithms.join(', ')}, or { algorithm, healthCheck }`;
  }
  if (typeof value === 'number') return `must be a number of milliseconds from 0 to ${MAX_DELAY_MS}`;
  return (
    'must be a number of milliseconds or one of {type:"constant",ms}, {type:"exponential",meanMs}, ' +
    '{type:"uniform",minMs,maxMs}, {type:"lognormal",medianMs,p99Ms}'
  );
}

/**
 * Validates the shape of a scenario (not what its interventions do: see `parseScenario` in
 * load.ts) and fills in defaults. Never throws.
 */
export function parseShape(input: unknown): ParseResult {
  const r = scenarioSchema.safeParse(input);
  if (r.success) return { ok: true, scenario: r.data };
  const problems: ScenarioProblem[] = [];
  for (const issue of r.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) problems.push({ path: formatPath([...issue.path, k]), message: 'unknown field' });
    } else if (issue.code === 'invalid_union' && issue.path.length > 0) {
      problems.push({ path: formatPath(issue.path), message: unionMessage(issue.path, valueAt(input, issue.path)) });
    } else {
      problems.push({ path: formatPath(issue.path), message: describe(issue) });
    }
  }
  return { ok: false, problems };
}

/** The built-in default scenario. */
export function defaultScenario(): Scenario {
  const r = parseShape({ version: 1 });
  if (!r.ok) throw new Error('the default scenario is invalid');
  return r.scenario;
}
