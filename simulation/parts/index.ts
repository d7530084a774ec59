/**
 * The parts of the model that keep the `Part` contract (`part.ts`), in the order the engine
 * builds, reconfigures and reports them: a new part is its module and one line here. The
 * registries (`fields.ts`, `figures.ts`), the report, the windows and `simulation.ts` loop over
 * this list; none of them names a part.
 */
import { admissionPart } from './admission';
import { circuitBreakerPart } from './circuitBreaker';
import { deadLetterPart } from './deadLetter';
import { healthChecksPart } from './healthChecks';
import type { Part } from './part';

export type { Part, PartDeclaration, PartRuntime } from './part';
export { declarationOf } from './part';

/** Every part on the contract. The order is the order of their settings, figures and report keys. */
export const PARTS: readonly Part[] = [healthChecksPart, circuitBreakerPart, admissionPart, deadLetterPart];
