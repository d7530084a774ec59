/**
 * Validation of a scenario's shape against the schema of `scenario.ts`, with one problem per
 * field in the words people write paths in (`workload.profile[2].atS`), and the default scenario.
 */
import type { z } from 'zod';
import { groupDigits } from '../limits';
import { loadBalancerAlgorithms, MAX_DELAY_MS, type ParseResult, type Scenario, type ScenarioProblem } from '../scenario';
import { BALANCER_FORM, scenarioSchema } from './scenarioSchema';

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  string: 'text',
  array: 'a list',
  object: 'an object ({ ... })',
};

/**
 * A problem in words a student reads without knowing the validator: "must be at least 0", not
 * zod's "Too small: expected number to be >=0". `value` is what was given at the issue's path.
 */
function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''}`;
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = groupDigits(Number(small ? issue.minimum : issue.maximum));
      if (issue.origin === 'number') {
        if (small) return issue.inclusive ? `must be at least ${bound}` : `must be more than ${bound}`;
        return issue.inclusive ? `must be at most ${bound}` : `must be less than ${bound}`;
      }
      const unit = issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'characters' : null;
      if (unit !== null) return `must have ${small ? 'at least' : 'at most'} ${bound} ${unit}`;
      return issue.message;
    }
    case 'invalid_type':
      if (value === undefined) return 'is missing';
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
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
    return `must be one of ${loadBalancerAlgorithms.join(', ')}, or ${BALANCER_FORM}`;
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
  // The parts' sections are typed by their modules (`PartSettings`), the schema derives them from their field lines.
  if (r.success) return { ok: true, scenario: r.data as Scenario };
  const problems: ScenarioProblem[] = [];
  for (const issue of r.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) problems.push({ path: formatPath([...issue.path, k]), message: 'unknown field' });
    } else if (issue.code === 'invalid_union' && issue.path.length > 0) {
      problems.push({ path: formatPath(issue.path), message: unionMessage(issue.path, valueAt(input, issue.path)) });
    } else {
      problems.push({ path: formatPath(issue.path), message: describe(issue, valueAt(input, issue.path)) });
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
