/**
 * Plans and limits: targets in, an answer out. Pure TypeScript on the engine's public pieces (no
 * Node, no DOM, no clock), so the CLI's worker pool and a page's worker run the same search; the
 * host supplies the runs through a RunSource.
 */
export { busiestStage, costUsdPerHour, meanOfferedRps, STAGES, stageUtilisation, type Stage } from './estimate';
export { evaluateDesign, MAX_REPLICATION_FACTOR, recordOf, type DesignResult, type RunRecord, type RunSource, type TargetResult } from './evaluate';
export { cheaper, runPlan, type PlanInput, type PlanProgress, type PlanResult } from './search';
export { MAX_FRONTIER, planAnswer, type PlanAnswer, type PlannedDesign } from './answer';
export { designsOf, MAX_PLAN_DESIGNS, parseAxis, parseTarget, settingsText, spaceSize, unplannable, type Design, type PlanTarget, type SpaceAxis } from './space';
export { findLimit, LIMIT_PRECISION, scaledScenario, type LimitAnswer, type LimitResult } from './limit';
