/**
 * The simulation's public surface: everything the CLI (cli/), the worker, the page and the tests use.
 * The page (src/ outside src/worker) may import the engine only from here, or from the two
 * zod-free registries this re-exports, `fields.ts` and `figures.ts` (cheap on the main thread);
 * `npm run lint` enforces it.
 */
export { Simulation, WINDOW_MS } from './simulation';
export { buildReport } from './report';
export { buildSnapshot } from './output/snapshot';
export { Tracer, type Span, type Trace, type TraceOptions } from './output/trace';
export { nanos, toOtlp } from './output/otlp';
export { STAGE_PATHS, STAGES, type StageDecl, type StagedSummary } from './stages';
export { applyChange, changedScenario, FIXED_DURING_RUN, type Change, type ChangeResult } from './input/changes';
export { capProblems, MAX_DEPTH, MAX_PROBLEMS, MAX_SCENARIO_CHARS, parseScenario, parseScenarioText } from './input/load';
export { textDepth } from './input/jsonDepth';
export { FIELDS, fieldAt, getField, withField, type FieldEntry, type FieldKind } from './fields';
export { FIGURES, figureAt, SERIES_FIGURES, seriesFigureAt, type FigureEntry } from './figures';
export { DEFAULT_LIMITS, MAX_PENDING_EVENTS, MAX_REQUESTS_IN_FLIGHT, MAX_STREAM_EVENTS_IN_FLIGHT, type RunLimits, type RunStop } from './limits';
export { defaultScenario } from './input/parseShape';
export { FAULT_RULES, faultKinds, loadBalancerAlgorithms, type Scenario, type ScenarioInput, type ScenarioProblem, type Latency } from './scenario';
export type * from './types';
export { declarationOf, PARTS, type Part, type PartDeclaration } from './parts/index';
export { BUILTIN_CHARTS, BUILTIN_PAGES, type BuiltinChart, type BuiltinPage, type ChartLine, type FieldLook, type PageField, type PartChart } from './parts/decl/index';
export { compareRows, figuresOf, KEY_FIGURES, MAX_SWEEP_POINTS, parseSweep, replicationRows, rowsCsv, seedsFor, withSeed, withValue, type FigureRow } from './study/study';
export type { Difference, Estimate } from './study/stats';
export { runScenario } from './run';
// For the command line (cli/): the shapes a report will have and the checks of its figures, and
// the digit grouping the engine's own messages use.
export { missingFigure, reportShape, type ReportShape } from './output/reportShape';
export { checkFigureProblem, evaluateCheck, parseCheck, type Check } from './study/study';
export { groupDigits } from './limits';
export * from './plan/index';
