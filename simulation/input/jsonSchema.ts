/**
 * The scenario format as a JSON Schema (draft 2020-12), generated from the zod schema that
 * validates every scenario, so the two cannot disagree: editors complete and check scenario files
 * that name it with `"$schema"`. `npm run schema` writes it to scenario.schema.json; a test checks
 * that the file is current. What JSON Schema cannot say (interventions' effects, fault rules) the
 * engine still checks when it loads a file.
 */
import { z } from 'zod';
import { scenarioSchema } from './scenarioSchema';

export const SCENARIO_SCHEMA_FILE = 'scenario.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  // The input side: fields with defaults are optional, as they are in files.
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  const properties = schema.properties as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: SCENARIO_SCHEMA_FILE,
    title: 'CQRS Scaling Lab scenario',
    description: 'A scenario file of the CQRS Scaling Lab (version 1). Every field but version is optional; unknown fields are errors.',
    ...schema,
    properties: { $schema: { type: 'string', maxLength: 2048, description: "This file's JSON Schema (ignored by the engine)." }, ...properties },
  };
}
