/**
 * Loading a scenario: its shape (scenario.ts) and then what its interventions do, each checked
 * against the scenario as it stands at that moment, with the same rules as a live change.
 */
import { changedScenario } from './changes';
import { textDepth } from './jsonDepth';
import { parseShape } from './parseShape';
import type { ParseResult, ScenarioProblem } from '../scenario';

/** Largest scenario text accepted, in characters (checked before parsing): 4 MiB. */
export const MAX_SCENARIO_CHARS = 4 * 1024 * 1024;
/** Deepest nesting of objects and arrays accepted (a scenario needs about 6), checked before parsing. */
export const MAX_DEPTH = 64;
/** At most this many problems are listed, then one line says how many more there are. */
export const MAX_PROBLEMS = 20;

/** The first `MAX_PROBLEMS` problems, and a last line "and N more problems" if there are more. */
export function capProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { path: '(scenario)', message: `and ${more} more problem${more > 1 ? 's' : ''}` }];
}

/** How deep `value` nests, counted without recursion; stops counting past `limit`. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return deepest;
}

const tooDeep = (): ParseResult => ({
  ok: false,
  problems: [{ path: '(scenario)', message: `nested more than ${MAX_DEPTH} levels deep (a scenario needs about 6)` }],
});

/** Validates a parsed JSON value as a scenario and fills in defaults. Never throws. */
export function parseScenario(input: unknown): ParseResult {
  if (depthOf(input, MAX_DEPTH) > MAX_DEPTH) return tooDeep();
  const r = validate(input);
  return r.ok ? r : { ok: false, problems: capProblems(r.problems) };
}

/** Longest `$schema` reference accepted. */
const MAX_SCHEMA_REF = 2048;

/**
 * A file may name its JSON Schema (`"$schema": "./scenario.schema.json"`, so editors complete and
 * check it); the engine ignores it. Anything but a short string there is a problem.
 */
function withoutSchemaRef(input: unknown): { input: unknown } | ScenarioProblem {
  if (input === null || typeof input !== 'object' || Array.isArray(input) || !Object.hasOwn(input, '$schema')) return { input };
  const { $schema: ref, ...rest } = input as Record<string, unknown>;
  if (typeof ref !== 'string' || ref.length > MAX_SCHEMA_REF) return { path: '$schema', message: `the scenario's JSON Schema: a URL or path of at most ${MAX_SCHEMA_REF} characters` };
  return { input: rest };
}

function validate(raw: unknown): ParseResult {
  const stripped = withoutSchemaRef(raw);
  if ('path' in stripped) return { ok: false, problems: [stripped] };
  const input = stripped.input;
  const shape = parseShape(input);
  if (!shape.ok) return shape;
  const problems: ScenarioProblem[] = [];
  let current = shape.scenario;
  shape.scenario.interventions.forEach((iv, i) => {
    const r = changedScenario(current, { set: iv.set, value: iv.value });
    if (r.ok) {
      current = r.scenario;
      return;
    }
    for (const p of r.problems) {
      const at = `interventions[${i}]`;
      // A field that does not exist or cannot change is a problem with `set`; anything else with `value`.
      if (p.path === 'set' || p.message.startsWith('unknown field') || p.message.startsWith('cannot change')) {
        problems.push({ path: `${at}.set`, message: `${iv.set}: ${p.message}` });
      } else {
        // Named as the file names it: `interventions[0].value: queryService.instances: must be a whole number`.
        problems.push({ path: `${at}.value`, message: `${p.path}: ${p.message}` });
      }
    }
  });
  return problems.length > 0 ? { ok: false, problems } : shape;
}

/** Parses scenario text (JSON). Bad JSON is reported as one problem, never thrown. */
export function parseScenarioText(text: string): ParseResult {
  if (typeof text !== 'string') return { ok: false, problems: [{ path: '(file)', message: 'not text' }] };
  if (text.length > MAX_SCENARIO_CHARS) {
    return {
      ok: false,
      problems: [{ path: '(file)', message: `too large: ${text.length} characters, over the limit of ${MAX_SCENARIO_CHARS}` }],
    };
  }
  if (textDepth(text, MAX_DEPTH) > MAX_DEPTH) return tooDeep();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseScenario(value);
}
