/**
 * Examples by id: the catalogue's scenarios, and their variants built by changing the named
 * fields (through the field registry, never by walking paths). Used by the CLI (`npm run sim --
 * flash-sale`), the page (`?example=flash-sale`, loaded lazily) and the host API.
 */
import { withField } from '../fields';
import { EXAMPLES, QUIZ_QUESTIONS, QUIZ_TOPICS, type Example, type ExampleVariant, type QuizQuestion } from './catalogue';

export { EXAMPLES, QUIZ_QUESTIONS, QUIZ_TOPICS, type Example, type ExampleVariant, type QuizQuestion };

/** An example (or one of its variants) ready to load. */
export interface ResolvedExample {
  /** The id asked for: the example's or the variant's. */
  id: string;
  example: Example;
  /** The variant asked for, or null for the scenario as written. */
  variant: ExampleVariant | null;
  /** The title with the side of the comparison, when there is one ("A hot shard: ... (Hash partitioning)"). */
  title: string;
  /** Scenario JSON (not yet validated: load it like a file). Its name is `title`. */
  scenario: Record<string, unknown>;
}

/** Every id that loads: each example's, then its variants', in catalogue order. */
export function exampleIds(): string[] {
  return EXAMPLES.flatMap((e) => [e.id, ...(e.variants ?? []).map((v) => v.id)]);
}

/** The example or variant with this id, or undefined (ids are exact: no case folding, no trimming). */
export function exampleById(id: string): ResolvedExample | undefined {
  for (const example of EXAMPLES) {
    if (example.id === id) return resolve(example, null);
    const variant = example.variants?.find((v) => v.id === id);
    if (variant) return resolve(example, variant);
  }
  return undefined;
}

function resolve(example: Example, variant: ExampleVariant | null): ResolvedExample {
  const label = variant ? variant.label : example.label;
  const title = label ? `${example.title} (${label})` : example.title;
  let scenario: Record<string, unknown> = { ...(JSON.parse(JSON.stringify(example.scenario)) as Record<string, unknown>), name: title };
  for (const [path, value] of Object.entries(variant?.set ?? {})) {
    const r = withField(scenario, path, value, true);
    // The catalogue's test builds every variant, so this only fires for a broken catalogue.
    if (!r.ok) throw new Error(`example ${variant?.id}: ${r.path}: ${r.message}`);
    scenario = r.value;
  }
  return { id: variant?.id ?? example.id, example, variant, title, scenario };
}

/** The sentence for an id that names no example (the id shortened, as it comes from an address or a host page). */
export function unknownExampleMessage(id: string): string {
  const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
  return `There is no example called "${shown}". Known examples: ${EXAMPLES.map((e) => e.id).join(', ')}.`;
}
