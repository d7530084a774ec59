/**
 * How a field is declared, in one line: the format both `fields.ts` and the parts (through
 * `parts/part.ts`) write their settings in. A leaf module (no imports), so that the scenario
 * schema, the field registry and every part can use it without importing each other.
 */

/** What a field holds. `group` is an object of settings; `list` an array (a profile, a schedule). */
export type FieldKind = 'number' | 'integer' | 'boolean' | 'choice' | 'text' | 'latency' | 'group' | 'list';

/** The choices of the scenario's enumerated fields (the schema in `scenario.ts` uses these lists). */
export const LOAD_BALANCER_ALGORITHMS = ['round-robin', 'random', 'least-connections', 'power-of-two', 'consistent-hash'] as const;
export const SCALING_METRICS = ['cpu', 'rps', 'queue', 'lag', 'memory'] as const;
export const LATENCY_TYPES = ['constant', 'exponential', 'uniform', 'lognormal'] as const;

/** A latency distribution, in milliseconds of simulated time (the schema is `latencySchema` of `scenarioBlocks.ts`). */
export type Latency =
  | { type: 'constant'; ms: number }
  | { type: 'exponential'; meanMs: number }
  | { type: 'uniform'; minMs: number; maxMs: number }
  | { type: 'lognormal'; medianMs: number; p99Ms: number };
/** A latency as a file may write it: a bare number is a constant. */
export type LatencyInput = number | Latency;

/** A number's unit, then its least and greatest values (a least written `>0` is exclusive). */
export type FieldRange = readonly [unit: string, min?: number | '>0', max?: number];

/**
 * One field: its name (relative to its section or group), kind, flags (`fixed`: fixed for the
 * length of a run; `optional`: may be absent), range (unit and bounds) or null, one sentence of
 * help, and the values of a choice.
 */
export type FieldSpec = readonly [
  name: string,
  kind: FieldKind,
  flags: '' | 'fixed' | 'optional',
  range: FieldRange | null,
  help: string,
  choices?: readonly string[],
];

/**
 * The most projectors a scenario may have (the bound of `eventStream.projectors`). A part that
 * holds something per projector declares its limit with it, so the two cannot drift apart.
 */
export const MAX_PROJECTORS = 1024;

/** The value a field of a part's section takes when a scenario leaves it out. */
export type FieldDefault = number | boolean | string;

/**
 * A top-level section of the scenario that a part owns (say `myPart: { ... }`): its name, one
 * sentence of help, its fields in the one-line format, and a default for every field. The section
 * is optional in a scenario: absent, the part is off; present (even `{}`), it is on with these
 * defaults. From it are derived the zod schema, the field registry, the JSON Schema, the host
 * API's paths and the fuzzer's draws. Fields of kind number, integer, boolean and choice only.
 */
export interface SectionSpec {
  readonly name: string;
  readonly help: string;
  readonly fields: readonly FieldSpec[];
  readonly defaults: Readonly<Record<string, FieldDefault>>;
}
