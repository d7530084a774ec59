/**
 * Loading a scenario: its shape (scenario.ts) and then what its interventions do, each checked
 * against the scenario as it stands at that moment, with the same rules as a live change.
 */
import { changedScenario } from './changes';
import { parseShape, type ParseResult, type ScenarioProblem } from './scenario';

/** Validates a parsed JSON value as a scenario and fills in defaults. Never throws. */
export function parseScenario(input: unknown): ParseResult {
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
      } else if (p.path === iv.set) {
        problems.push({ path: `${at}.value`, message: p.message });
      } else {
        problems.push({ path: `${at}.value`, message: `${p.path}: ${p.message}` });
      }
    }
  });
  return problems.length > 0 ? { ok: false, problems } : shape;
}

/** Parses scenario text (JSON). Bad JSON is reported as one problem, never thrown. */
export function parseScenarioText(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseScenario(value);
}
